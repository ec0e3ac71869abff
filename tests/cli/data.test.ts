/**
 * Where the data comes from (--data JSON or CSV folder, --overlay, --as-of), `validate`, the
 * CSV folder round trip, and the CLI's manners: help with examples, exit codes, colour, and
 * never a stack trace for a user's mistake.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import type { Role, RouteList } from '../../src/index.js';
import { small as smallDataset } from '../fixtures/small.js';
import { cli, workspace } from './helpers.js';

let small: string;
let dir: string;
beforeAll(() => {
  ({ small, dir } = workspace());
});

describe('--data and validate', () => {
  it('validates a JSON file', async () => {
    const r = await cli(['validate', small]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `✓ ${small} is valid: 9 roles, 13 transitions, 5 qualifications, 1 source.\n`,
    );
    expect(JSON.parse((await cli(['validate', small, '--json'])).stdout)).toEqual({
      valid: true,
      roles: 9,
      transitions: 13,
      qualifications: 5,
      sources: 1,
    });
  });

  it('lists every problem in an invalid data file, with its path, and exits 2', async () => {
    const broken = structuredClone(smallDataset) as any;
    broken.transitions[0].to = 'nqws';
    broken.transitions[2].months = -1;
    broken.roles[1].levle = 2;
    const path = join(dir, 'broken.json');
    writeFileSync(path, JSON.stringify(broken));
    const v = await cli(['validate', path]);
    expect(v.code).toBe(2);
    expect(v.stdout).toContain(`✗ ${path} has 3 problems:`);
    expect(v.stdout).toContain('- roles[1]: unknown key "levle"');
    expect(v.stdout).toContain('- transitions[2].months: months cannot be negative');
    expect(v.stdout).toContain('- transitions[0].to: unknown role "nqws"; did you mean "nqsw"?');
    // Any other command refuses the data the same way, on stderr.
    const p = await cli(['--data', path, 'roles']);
    expect(p.code).toBe(2);
    expect(p.stdout).toBe('');
    expect(p.stderr).toMatch(/^The data is invalid \(3 problems\):\n- /);
    expect(p.stderr).not.toMatch(/\n\s+at /);
  });

  it('says where a data file is not JSON, or not there', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{\n  "id": "x",\n  "title": oops\n}\n');
    const r = await cli(['--data', bad, 'roles']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^The data file .*bad\.json is not valid JSON at line 3, column 12: /);
    const missing = await cli(['--data', join(dir, 'nope.json'), 'roles']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(
      /^Cannot read the data file .*nope\.json: no such file or folder\.\n$/,
    );
    const csvFile = await cli(['--data', 'roles.csv', 'roles']);
    expect(csvFile.stderr).toContain('point at the folder that holds roles.csv');
  });

  it('resolves relative paths against the working directory', async () => {
    const r = await cli(['--data', 'small.json', 'roles', '--entry'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Student');
  });
});

describe('CSV folders', () => {
  it('round trips: export --format csv, then validate and query the folder', async () => {
    const out = join(dir, 'csv');
    const e = await cli(['--data', small, 'export', '--format', 'csv', '--out', out]);
    expect(e.code).toBe(0);
    expect(e.stderr).toContain('Wrote 5 CSV files');
    const v = await cli(['validate', out]);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain('is valid: 9 roles, 13 transitions, 5 qualifications, 1 source.');
    const fromCsv = await cli(['--data', out, 'paths', 'nqsw', 'head', '--json']);
    const fromJson = await cli(['--data', small, 'paths', 'nqsw', 'head', '--json']);
    expect(JSON.parse(fromCsv.stdout)).toEqual(JSON.parse(fromJson.stdout));
  });

  it('round trips the bundled dataset through a CSV folder unchanged', async () => {
    const out = join(dir, 'bundled-csv');
    expect((await cli(['export', '--format', 'csv', '--out', out, '--bom'])).code).toBe(0);
    expect(readFileSync(join(out, 'roles.csv'), 'utf8').startsWith('\uFEFFid,')).toBe(true);
    const a = await cli(['export', '--format', 'json']);
    const b = await cli(['--data', out, 'export', '--format', 'json']);
    expect(JSON.parse(b.stdout)).toEqual(JSON.parse(a.stdout));
  });

  it('names the file, line and column of every problem in a CSV folder', async () => {
    const out = join(dir, 'broken-csv');
    await cli(['--data', small, 'export', '--format', 'csv', '--out', out]);
    const transitions = readFileSync(join(out, 'transitions.csv'), 'utf8').split('\n');
    transitions[3] = transitions[3]!.replace(/^sw,senior,panel,3,/, 'sw,senoir,panel,three,');
    writeFileSync(join(out, 'transitions.csv'), transitions.join('\n'));
    const roles = readFileSync(join(out, 'roles.csv'), 'utf8').replace(
      '\nsw,Social worker,,2,',
      '\nsw,Social worker,,two,',
    );
    writeFileSync(join(out, 'roles.csv'), roles);
    const v = await cli(['validate', 'broken-csv'], { cwd: dir });
    expect(v.code).toBe(2);
    expect(v.stdout).toBe(
      [
        '✗ broken-csv has 3 problems:',
        '- broken-csv/roles.csv, line 4, column "level": "two" is not a number (column D)',
        '- broken-csv/transitions.csv, line 4, column "months": "three" is not a number (column D)',
        '- broken-csv/transitions.csv, line 4, column "to": unknown role "senoir"; did you mean "senior"? (column B)',
        '',
      ].join('\n'),
    );
    const j = JSON.parse((await cli(['validate', 'broken-csv', '--json'], { cwd: dir })).stdout);
    expect(j.valid).toBe(false);
    expect(j.issues[0]).toMatchObject({
      file: 'broken-csv/roles.csv',
      line: 4,
      column: 'level',
      code: 'invalid_number',
      path: ['broken-csv/roles.csv', 4, 'level'],
    });
  });

  it('says which required file a folder lacks', async () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty, { recursive: true });
    const r = await cli(['validate', empty]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('has no roles.csv or transitions.csv');
  });
});

describe('--overlay and --as-of', () => {
  it('applies an overlay before answering', async () => {
    const overlay = join(dir, 'overlay.json');
    writeFileSync(
      overlay,
      JSON.stringify({
        id: 'test-council',
        title: 'Test council',
        retitle: { roles: { manager: 'Team leader' } },
        remove: { roles: ['amhp'] },
      }),
    );
    const roles = JSON.parse(
      (await cli(['--data', small, '--overlay', overlay, 'roles', '--json'])).stdout,
    ) as Role[];
    expect(roles.find((r) => r.id === 'manager')!.title).toBe('Team leader');
    expect(roles.some((r) => r.id === 'amhp')).toBe(false);
    const v = await cli(['--data', small, '--overlay', overlay, 'validate']);
    expect(v.stdout).toContain('with the overlay');
    expect(v.code).toBe(0);
  });

  it('reports an invalid overlay with every problem, exit 2', async () => {
    const overlay = join(dir, 'bad-overlay.json');
    writeFileSync(
      overlay,
      JSON.stringify({ id: 'x', title: 'X', retitel: {}, remove: { roles: ['no-such-role'] } }),
    );
    const r = await cli(['--data', small, '--overlay', overlay, 'roles']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^The data is invalid \(\d+ problems?\):\n- /);
    expect(r.stderr).toContain('retitel');
  });

  it('--as-of leaves out what is not in force on the date', async () => {
    const dated = structuredClone(smallDataset) as any;
    dated.roles[8].validFrom = '2030-01-01';
    const path = join(dir, 'dated.json');
    writeFileSync(path, JSON.stringify(dated));
    const ids = async (...args: string[]) =>
      (JSON.parse((await cli(['--data', path, ...args, 'roles', '--json'])).stdout) as Role[]).map(
        (r) => r.id,
      );
    expect(await ids()).toContain('island');
    expect(await ids('--as-of', '2026-01-01')).not.toContain('island');
    expect((await cli(['--data', path, '--as-of', 'soon', 'roles'])).code).toBe(2);
  });
});

/** The commands whose --help is checked for examples (and whose examples are run). */
const HELPED = [
  'roles',
  'show',
  'qualifications',
  'paths',
  'fastest',
  'prereqs',
  'moves',
  'eligible',
  'gap',
  'validate',
  'export',
] as const;

describe('manners', () => {
  it('every command has --help with examples', async () => {
    for (const command of HELPED) {
      const r = await cli([command, '--help']);
      expect(r.code, command).toBe(0);
      expect(r.stdout, command).toMatch(new RegExp(`Usage: career-lattice ${command}`));
      expect(r.stdout, command).toMatch(
        new RegExp(`Examples:\\n {2}\\$ career-lattice ${command}[ \\n]`),
      );
    }
    const top = await cli(['--help']);
    expect(top.stdout).toContain('Exit codes: 0 ok · 1 nothing found');
  });

  it('every example in --help runs (exit 0, or 1 for "nothing open yet")', async () => {
    const cwd = join(dir, 'examples');
    mkdirSync(join(cwd, 'overlays'), { recursive: true });
    await cli(['export', '--format', 'csv', '--out', 'council-csv'], { cwd });
    writeFileSync(join(cwd, 'my-council.json'), (await cli(['export', '--format', 'json'])).stdout);
    writeFileSync(
      join(cwd, 'overlays', 'my-council.json'),
      JSON.stringify({
        id: 'my-council',
        title: 'My council',
        retitle: { roles: { 'team-manager': 'Team leader' } },
      }),
    );
    const help = [(await cli(['--help'])).stdout];
    for (const command of HELPED) help.push((await cli([command, '--help'])).stdout);
    const examples = help
      .flatMap((h) => [...h.matchAll(/^ {2}\$ career-lattice (.+)$/gm)].map((m) => m[1]!))
      .filter((e) => !/&&|>/.test(e));
    expect(examples.length).toBeGreaterThan(30);
    for (const example of examples) {
      const args = [...example.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
      const r = await cli(args, { cwd });
      expect([0, 1], `${example}\n${r.stderr}`).toContain(r.code);
    }
  });

  it('prints the version; no arguments prints help and exits 2; an unknown command exits 2', async () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect((await cli(['--version'])).stdout).toBe(`${pkg.version}\n`);
    const none = await cli([]);
    expect(none.code).toBe(2);
    expect(none.stdout).toContain('Usage: career-lattice');
    const unknown = await cli(['pathz']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'pathz'");
    expect(unknown.stderr).toContain('(Did you mean paths?)');
  });

  it('colours only a terminal, and never with NO_COLOR or --no-color', async () => {
    const args = ['--data', small, 'moves', 'sw'];
    expect((await cli(args, { color: true })).stdout).toContain('\u001b[1m');
    expect((await cli(args, { color: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(
      '\u001b[',
    );
    expect((await cli([...args, '--no-color'], { color: true })).stdout).not.toContain('\u001b[');
    expect((await cli(args)).stdout).not.toContain('\u001b[');
  });

  it('wraps the last column to the terminal width', async () => {
    let stdout = '';
    await run(['--data', small, 'paths', 'nqsw', 'head', '--limit', '1'], {
      out: (t) => void (stdout += t),
      err: () => {},
      color: false,
      columns: 80,
      cwd: process.cwd(),
      env: {},
    });
    const lines = stdout.split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(100); // the header line is prose
    expect(lines.filter((l) => / {2}\d {2}↑/.test(l)).every((l) => l.length <= 80)).toBe(true);
    expect(stdout).toMatch(/asye; 30 months\n {60}qualified/);
  });

  it('an unexpected error prints one line, no stack trace, and exits 70', async () => {
    let stderr = '';
    const code = await run(['--data', small, 'roles'], {
      out: () => {
        throw new Error('disk full');
      },
      err: (t) => void (stderr += t),
      color: false,
      cwd: process.cwd(),
      env: {},
    });
    expect(code).toBe(70);
    expect(stderr).toBe(
      'career-lattice: internal error: disk full\nThis is a bug; please report it. Set CAREER_LATTICE_DEBUG=1 to see the stack trace.\n',
    );
  });

  it('the real process: main.ts sets the exit code and writes to stdout', () => {
    const tsx = ['--import', 'tsx', 'src/cli/main.ts'];
    const ok = spawnSync(
      process.execPath,
      [...tsx, '--data', small, 'paths', 'nqsw', 'head', '--json', '--limit', '2'],
      { encoding: 'utf8' },
    );
    expect(ok.status).toBe(0);
    expect((JSON.parse(ok.stdout) as RouteList).routes).toHaveLength(2);
    const none = spawnSync(process.execPath, [...tsx, '--data', small, 'paths', 'nqsw', 'island'], {
      encoding: 'utf8',
    });
    expect(none.status).toBe(1);
    const bad = spawnSync(process.execPath, [...tsx, '--data', small, 'paths', 'nqsw', 'nowhere'], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Unknown role "nowhere".');
  });
});
