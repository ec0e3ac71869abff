/**
 * The CLI and the files a person names: a path that cannot be read or written is a usage error
 * (exit 2) naming the path as typed and why — never "internal error" (exit 70); problems in an
 * overlay or a CSV folder name that file, as typed; --as-of takes only real calendar dates.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, workspace } from './helpers.js';

let small: string;
let dir: string;
beforeAll(() => {
  ({ small, dir } = workspace());
});

/** Exit 2 and exactly `message` on stderr (one line: no stack trace, no "internal error"). */
async function expectUsageError(
  args: string[],
  message: string | RegExp,
  cwd = dir,
): Promise<void> {
  const r = await cli(args, { cwd });
  expect(r.stderr).not.toContain('internal error');
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  if (typeof message === 'string') expect(r.stderr).toBe(`${message}\n`);
  else expect(r.stderr).toMatch(message);
}

describe('writing --out', () => {
  it('a file in a folder that does not exist', async () => {
    await expectUsageError(
      ['--data', small, 'export', '--format', 'graphml', '--out', 'missing/dir/x.graphml'],
      'Cannot write missing/dir/x.graphml: the folder missing/dir does not exist.',
    );
  });

  it('a file where a folder is', async () => {
    mkdirSync(join(dir, 'a-folder'), { recursive: true });
    await expectUsageError(
      ['--data', small, 'export', '--format', 'dot', '--out', 'a-folder'],
      'Cannot write a-folder: it is a folder, not a file.',
    );
  });

  it('a CSV folder where a file is, or under a file', async () => {
    writeFileSync(join(dir, 'existing-file.json'), '{}');
    await expectUsageError(
      ['--data', small, 'export', '--format', 'csv', '--out', 'existing-file.json'],
      'Cannot make the folder existing-file.json: a file of that name is in the way.',
    );
    await expectUsageError(
      ['--data', small, 'export', '--format', 'csv', '--out', 'existing-file.json/csv'],
      'Cannot make the folder existing-file.json/csv: part of the path is a file, not a folder.',
    );
    expect(readFileSync(join(dir, 'existing-file.json'), 'utf8')).toBe('{}');
  });

  it('still writes where it can, and --json lists the full paths', async () => {
    const r = await cli(
      ['--data', small, 'export', '--format', 'csv', '--out', 'out-csv', '--json'],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { files: string[] }).files).toContain(
      join(dir, 'out-csv', 'roles.csv'),
    );
  });
});

describe('reading --data and --overlay', () => {
  it('a data file or overlay that is not there, or not a file', async () => {
    await expectUsageError(
      ['--data', '../nope.json', 'roles'],
      'Cannot read the data file ../nope.json: no such file or folder.',
    );
    await expectUsageError(
      ['--data', small, '--overlay', 'nope.json', 'roles'],
      'Cannot read the overlay file nope.json: no such file or folder.',
    );
    await expectUsageError(
      ['--data', small, '--overlay', '.', 'roles'],
      'Cannot read the overlay file .: it is a folder, not a file.',
    );
    await expectUsageError(
      ['--data', 'small.json/x.json', 'roles'],
      'Cannot read the data file small.json/x.json: part of the path is a file, not a folder.',
    );
  });

  it('a CSV folder whose roles.csv cannot be read', async () => {
    const folder = join(dir, 'odd-csv');
    mkdirSync(join(folder, 'roles.csv'), { recursive: true });
    writeFileSync(join(folder, 'transitions.csv'), 'from,to,kind,months,sources\n');
    await expectUsageError(
      ['--data', 'odd-csv', 'roles'],
      'Cannot read the CSV file odd-csv/roles.csv: it is a folder, not a file.',
    );
    await expectUsageError(
      ['validate', 'odd-csv'],
      'Cannot read the CSV file odd-csv/roles.csv: it is a folder, not a file.',
    );
  });

  it('problems in an overlay name the overlay file', async () => {
    writeFileSync(join(dir, 'typo.json'), JSON.stringify({ id: 'x', title: 'X', retitel: {} }));
    await expectUsageError(
      ['--data', small, '--overlay', 'typo.json', 'roles'],
      'The data is invalid (1 problem):\n- typo.json: unknown key "retitel"',
    );
    const add = {
      id: 'x',
      title: 'X',
      add: {
        transitions: [{ from: 'sw', to: 'nowhere', kind: 'vacancy', months: 3, sources: ['s1'] }],
      },
    };
    writeFileSync(join(dir, 'bad-move.json'), JSON.stringify(add));
    await expectUsageError(
      ['--data', small, '--overlay', 'bad-move.json', 'roles'],
      /^The data is invalid \(1 problem\):\n- bad-move\.json, add\.transitions\[0\]\.to: unknown role "nowhere"/,
    );
    const v = await cli(['--data', small, '--overlay', 'bad-move.json', 'validate'], { cwd: dir });
    expect(v.code).toBe(2);
    expect(v.stdout).toMatch(
      /\n- bad-move\.json, add\.transitions\[0\]\.to: unknown role "nowhere"/,
    );
    const j = JSON.parse(
      (
        await cli(['--data', small, '--overlay', 'bad-move.json', 'validate', '--json'], {
          cwd: dir,
        })
      ).stdout,
    );
    expect(j.issues[0]).toMatchObject({
      file: 'bad-move.json',
      path: ['add', 'transitions', 0, 'to'],
    });
  });

  it('problems in a CSV folder name its files as the folder was typed', async () => {
    const out = join(dir, 'typed', 'council');
    await cli(['--data', small, 'export', '--format', 'csv', '--out', out]);
    writeFileSync(
      join(out, 'roles.csv'),
      readFileSync(join(out, 'roles.csv'), 'utf8').replace(
        '\nsw,Social worker,,2,',
        '\nsw,Social worker,,two,',
      ),
    );
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere, { recursive: true });
    for (const typed of [
      '../typed/council',
      join(dir, 'typed', 'council'),
      './../typed/council/',
    ]) {
      const r = await cli(['--data', typed, 'roles'], { cwd: elsewhere });
      expect(r.code, typed).toBe(2);
      const shown = join(typed, 'roles.csv');
      expect(r.stderr, typed).toBe(
        `The data is invalid (1 problem):\n- ${shown}, line 4, column "level": "two" is not a number (column D)\n`,
      );
    }
    const v = await cli(['validate', '../typed/council'], { cwd: elsewhere });
    expect(v.stdout).toContain('- ../typed/council/roles.csv, line 4, column "level"');
  });
});

describe('--as-of', () => {
  it('takes a real calendar day, leap days included', async () => {
    expect((await cli(['--data', small, '--as-of', '2024-02-29', 'roles'])).code).toBe(0);
  });

  it('rejects what is not one, for every command, before reading any data', async () => {
    for (const date of [
      '2025-13-45',
      '2025-02-30',
      '2023-02-29',
      '2025-00-10',
      '2025-1-1',
      'tomorrow',
      '',
    ]) {
      for (const command of [['roles'], ['validate'], ['export', '--format', 'json']]) {
        const r = await cli(['--data', 'not-read.json', '--as-of', date, ...command]);
        expect(r.code, `${date} ${command[0]}`).toBe(2);
        expect(r.stderr).toContain(
          `option '--as-of <date>' argument '${date}' is invalid. expected a calendar date, YYYY-MM-DD`,
        );
      }
    }
  });
});
