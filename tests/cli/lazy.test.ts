/** The CLI loads only the command it is asked for: which word names it. */
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../src/cli/bundled.js';
import { commandNamed } from '../../src/cli/run.js';
import { createLattice, ukSocialWork } from '../../src/index.js';
import { isValidDataset } from '../../src/schema/valid.js';
import { cli } from './helpers.js';

describe('commandNamed', () => {
  it('finds the command after global options and their values', () => {
    expect(commandNamed(['paths', 'a', 'b'])).toBe('paths');
    expect(commandNamed(['--data', 'roles', 'moves', 'x'])).toBe('moves');
    expect(commandNamed(['--json', '--as-of', '2026-01-01', 'export', '--format', 'svg'])).toBe(
      'export',
    );
    expect(commandNamed(['--help'])).toBeUndefined();
    expect(commandNamed(['pahts'])).toBeUndefined();
    expect(commandNamed(['--', 'paths'])).toBeUndefined();
    expect(commandNamed(['toString'])).toBeUndefined();
  });

  it('still lists every command in the overview, and suggests one for a typo', async () => {
    const help = await cli(['--help']);
    for (const name of ['roles', 'paths', 'batch', 'matrix', 'export'])
      expect(help.stdout).toContain(`  ${name}`);
    const typo = await cli(['pahts', 'a', 'b']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('paths');
  });
});

describe('bundledDataset', () => {
  it('run from source, is the raw bundled data, validated by createLattice as usual', () => {
    const raw = bundledDataset();
    expect(isValidDataset(raw)).toBe(false);
    expect(createLattice(raw).dataset).toEqual(ukSocialWork);
  });
});
