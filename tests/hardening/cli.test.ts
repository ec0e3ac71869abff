/**
 * The command line against hostile data and odd files: escape sequences are shown, not obeyed;
 * ids with commas can be named; devices, FIFOs and oversized files are refused with exit 2.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitIds } from '../../src/cli/idList.js';
import { terminalSafe } from '../../src/util/terminalText.js';
import { cli } from '../cli/helpers.js';
import { chain } from './helpers.js';

const folder = () => mkdtempSync(join(tmpdir(), 'career-lattice-hardening-'));

describe('terminal output', () => {
  it('escapes control, invisible and bidi characters visibly, keeping line breaks, tabs and our colours', () => {
    expect(terminalSafe('a\u001b]0;title\u0007b')).toBe('a\\u001b]0;title\\u0007b');
    expect(terminalSafe('x\u009b2Jy\u202ez\u200b')).toBe('x\\u009b2Jy\\u202ez\\u200b');
    expect(terminalSafe('one\ttwo\r\nthree\rfour')).toBe('one\ttwo\r\nthree\\u000dfour');
    expect(terminalSafe('\u001b[1mbold\u001b[22m \u001b[8mhidden')).toBe(
      '\u001b[1mbold\u001b[22m \\u001b[8mhidden',
    );
    expect(terminalSafe('lone \ud800 pair 🎉')).toBe('lone \\ud800 pair 🎉');
    // JSON stays JSON, with the same value.
    expect(JSON.parse(terminalSafe(JSON.stringify({ t: 'a\u009bb\u202e' })))).toEqual({
      t: 'a\u009bb\u202e',
    });
  });

  it('never prints an escape sequence from a dataset: the problems in it are shown escaped', async () => {
    const dir = folder();
    const data = chain(2);
    (data.transitions[0] as { to: string }).to =
      '\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007';
    (data.roles[0] as { title: string }).title = 'Evil\u001b[2J';
    writeFileSync(join(dir, 'd.json'), JSON.stringify(data));
    for (const args of [
      ['validate', 'd.json'],
      ['--data', 'd.json', 'roles'],
      ['--data', 'd.json', '--json', 'roles'],
    ]) {
      const r = await cli(args, { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stdout + r.stderr).not.toMatch(/[\u001b\u0007]/);
      expect(r.stdout + r.stderr).toMatch(/\\u001b/);
    }
  });
});

describe('ids with commas', () => {
  it('splitIds honours \\, and \\\\', () => {
    expect(splitIds('a,b')).toEqual(['a', 'b']);
    expect(splitIds('a\\,b, c')).toEqual(['a,b', 'c']);
    expect(splitIds('a\\\\,b')).toEqual(['a\\', 'b']);
    expect(splitIds(' , ,x')).toEqual(['x']);
  });

  it('--avoid "a,b" refuses to avoid a and b when "a,b" is itself a role; "a\\,b" avoids it', async () => {
    const dir = folder();
    const data = chain(4);
    (data.roles as unknown[]).push({
      id: 'r1,r2',
      title: 'Comma role',
      level: 1,
      stage: 's',
      track: 'practice',
      sectors: [],
      sources: ['s'],
    });
    (data.transitions as unknown[]).push(
      { from: 'r0', to: 'r1,r2', kind: 'experience', months: 1, sources: ['s'] },
      { from: 'r1,r2', to: 'r3', kind: 'experience', months: 1, sources: ['s'] },
    );
    writeFileSync(join(dir, 'd.json'), JSON.stringify(data));
    const split = await cli(['--data', 'd.json', 'fastest', 'r0', 'r3', '--avoid', 'r1,r2'], {
      cwd: dir,
    });
    expect(split.code).toBe(2);
    expect(split.stderr).toMatch(/one id containing a comma.*r1\\,r2/);
    const escaped = await cli(
      ['--data', 'd.json', '--json', 'fastest', 'r0', 'r3', '--avoid', 'r1\\,r2'],
      { cwd: dir },
    );
    expect(escaped.code).toBe(0);
    expect(JSON.parse(escaped.stdout).roles).toEqual(['r0', 'r1', 'r2', 'r3']);
    const both = await cli(
      ['--data', 'd.json', '--json', 'fastest', 'r0', 'r3', '--avoid', 'r1', '--avoid', 'r2'],
      { cwd: dir },
    );
    expect(JSON.parse(both.stdout).roles).toEqual(['r0', 'r1,r2', 'r3']);
  });
});

describe('input files', () => {
  it.each([['/dev/zero'], ['/dev/null'], ['/dev/urandom']])(
    'refuses the device %s with exit 2 before reading it',
    async (path) => {
      for (const flag of ['--data', '--overlay']) {
        const r = await cli([flag, path, 'roles']);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(/a device, not a regular file/);
      }
    },
  );

  it('refuses a FIFO with no writer at once, rather than waiting forever', async () => {
    const dir = folder();
    const fifo = join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    const r = await cli(['--data', fifo, 'roles']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a pipe \(FIFO\), not a regular file/);
  });

  it('refuses a file over the input limit, and names the setting that raises it', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'big.json'), `${' '.repeat(2 * 1024 * 1024)}{}`);
    const prior = process.env.CAREER_LATTICE_MAX_INPUT_MB;
    process.env.CAREER_LATTICE_MAX_INPUT_MB = '1';
    try {
      const r = await cli(['--data', 'big.json', 'roles'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /it is 2 MB, over the 1 MB the command line reads \(set CAREER_LATTICE_MAX_INPUT_MB/,
      );
    } finally {
      if (prior === undefined) delete process.env.CAREER_LATTICE_MAX_INPUT_MB;
      else process.env.CAREER_LATTICE_MAX_INPUT_MB = prior;
    }
  });
});
