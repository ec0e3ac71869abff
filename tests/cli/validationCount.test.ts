/**
 * Validate once: with `--overlay`, the CLI validates each input once (the dataset, the overlay)
 * and the result once; createLattice takes the result as it is (a ValidDataset).
 *
 * Counted at the two checks every validation runs exactly once: the dataset's reference checks
 * (src/schema/references.ts) and the overlay's parse (src/overlay/parseOverlay.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseOverlay } from '../../src/overlay/parseOverlay.js';
import { referenceIssues } from '../../src/schema/references.js';
import { cli, workspace } from './helpers.js';

vi.mock('../../src/schema/references.js', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../src/schema/references.js')>();
  return { ...m, referenceIssues: vi.fn(m.referenceIssues) };
});
vi.mock('../../src/overlay/parseOverlay.js', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../src/overlay/parseOverlay.js')>();
  return { ...m, parseOverlay: vi.fn(m.parseOverlay) };
});

const datasetValidations = vi.mocked(referenceIssues);
const overlayValidations = vi.mocked(parseOverlay);

describe('the CLI validates once', () => {
  beforeEach(() => {
    datasetValidations.mockClear();
    overlayValidations.mockClear();
  });

  it('with --data and --overlay: one validation per input, one for the result, none in createLattice', async () => {
    const { dir, small } = workspace();
    const overlay = join(dir, 'overlay.json');
    writeFileSync(
      overlay,
      JSON.stringify({
        id: 'local',
        title: 'Local',
        retitle: { roles: { sw: 'Social worker (local)' } },
      }),
    );
    const r = await cli(['roles', '--data', small, '--overlay', overlay, '--json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Social worker (local)');
    // The dataset file, then the overlay's result.
    expect(datasetValidations).toHaveBeenCalledTimes(2);
    expect(overlayValidations).toHaveBeenCalledTimes(1);
  });

  it('with --data alone: one validation', async () => {
    const { dir, small } = workspace();
    const r = await cli(['roles', '--data', small, '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(datasetValidations).toHaveBeenCalledTimes(1);
    expect(overlayValidations).toHaveBeenCalledTimes(0);
  });

  it('the counters see a validation when there is one (an invalid overlay still is one)', async () => {
    const { dir, small } = workspace();
    const overlay = join(dir, 'overlay.json');
    writeFileSync(overlay, JSON.stringify({ title: 'No id', remove: { roles: ['nobody'] } }));
    const r = await cli(['roles', '--data', small, '--overlay', overlay], { cwd: dir });
    expect(r.code).toBe(2);
    // Shape and reference problems at once: the missing id, and the unknown role.
    expect(r.stderr).toContain('nobody');
    expect(r.stderr).toMatch(/\bid\b/);
    expect(overlayValidations).toHaveBeenCalledTimes(1);
  });
});
