/**
 * Hostile ids are ordinary ids everywhere: queries, CSV, exports and the CLI.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createLattice,
  type DatasetInput,
  datasetFromCsv,
  datasetToCsv,
  toGraphML,
  toJsonLd,
  toMermaid,
} from '../src/index.js';
import { cli } from './cli/helpers.js';

const LONG = `r${'x'.repeat(199)}`;
const IDS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'ключ-роль', '役割', LONG];
const src = ['__proto__'];

const hostile: DatasetInput = {
  id: '__proto__',
  title: 'Hostile ids',
  version: '1',
  sources: [
    { id: '__proto__', title: 'Source <script>alert(1)</script>', publisher: 'Tests & "co"' },
  ],
  qualifications: [
    {
      id: 'constructor',
      title: 'Constructor qualification',
      kind: 'training',
      months: 2,
      sources: src,
    },
  ],
  roles: IDS.map((id, i) => ({
    id,
    title: `Role ${i} "${id.slice(0, 12)}"`,
    level: i < 3 ? 1 : 2,
    stage: 's',
    track: 'practice' as const,
    sectors: [],
    entry: i === 0,
    sources: src,
  })),
  transitions: [
    { from: '__proto__', to: 'constructor', kind: 'vacancy', months: 1, sources: src },
    {
      from: 'constructor',
      to: 'toString',
      kind: 'panel',
      months: 2,
      requires: { qualifications: ['constructor'] },
      sources: src,
    },
    {
      from: 'toString',
      to: 'hasOwnProperty',
      kind: 'experience',
      months: 3,
      grants: ['constructor'],
      sources: src,
    },
    { from: 'hasOwnProperty', to: 'ключ-роль', kind: 'vacancy', months: 4, sources: src },
    { from: 'ключ-роль', to: '役割', kind: 'vacancy', months: 5, sources: src },
    { from: '役割', to: LONG, kind: 'vacancy', months: 6, sources: src },
    { from: '__proto__', to: LONG, kind: 'vacancy', months: 100, sources: src },
  ],
};

describe('hostile ids', () => {
  const lattice = createLattice(hostile);

  it('work in every query', () => {
    expect(lattice.role('__proto__').title).toMatch(/^Role 0/);
    expect(lattice.hasRole('valueOf')).toBe(false);
    expect(() => lattice.role('valueOf')).toThrow(/unknown role "valueOf"/);
    expect(lattice.fastestRoute('__proto__', LONG)?.roles).toEqual(IDS);
    expect(lattice.pathsBetween('__proto__', LONG).routes.map((r) => r.months)).toEqual([21, 100]);
    expect(lattice.kFastestRoutes('__proto__', LONG, 5).routes).toHaveLength(2);
    expect(
      lattice
        .reachableFrom('__proto__')
        .map((r) => r.role)
        .sort(),
    ).toEqual(IDS.slice(1).sort());
    expect(lattice.prerequisitesFor('hasOwnProperty').every).toEqual(['constructor']);
    expect(lattice.prerequisitesFor(LONG).some).toEqual(['constructor']);
    expect(
      lattice.eligibility({ role: 'constructor', qualifications: ['constructor'] }).open,
    ).toHaveLength(1);
    expect(lattice.gapTo({ role: '__proto__' }, 'toString').missingQualifications).toEqual([
      'constructor',
    ]);
    expect(lattice.find('constructor')[0]?.role.id).toBe('constructor');
    expect(lattice.rolesRequiring('constructor').map((r) => r.id)).toEqual(['toString']);
  });

  it('survive a CSV round trip', () => {
    const back = datasetFromCsv(datasetToCsv(lattice.dataset));
    expect(createLattice(back).dataset).toEqual(lattice.dataset);
  });

  it('are escaped in exports', () => {
    expect(toMermaid(lattice)).not.toContain('<script>');
    expect(toGraphML(lattice)).toContain('id="__proto__"');
    const ld = JSON.stringify(toJsonLd(lattice));
    expect(ld).toContain('__proto__');
  });

  it('work in the CLI', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hostile-')), 'hostile.json');
    writeFileSync(file, JSON.stringify(hostile));
    const paths = await cli(['paths', '__proto__', LONG, '--data', file, '--json']);
    expect(paths.code).toBe(0);
    expect(JSON.parse(paths.stdout).routes[0].roles).toEqual(IDS);
    const show = await cli(['show', 'constructor', '--data', file]);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('Role 1');
    const unknown = await cli(['show', 'valueOf', '--data', file]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr + unknown.stdout).not.toMatch(/at .*\.ts:\d+/);
  });
});
