/**
 * Smoke test of the analyst walkthrough (examples/analyst/walkthrough.ts), run as a person runs it:
 * on the O*NET-shaped fixtures, writing its GraphML files to a temporary folder. It must finish
 * cleanly, answer its questions, and write two GraphML files holding the two graphs; without O*NET
 * tables it says so and writes only the UK one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { createLattice, datasetFromOnet, type Lattice, ukSocialWork } from '../../src/index.js';

const ONET = 'tests/fixtures/onet';
const read = (file: string) => readFileSync(join(ONET, file), 'utf8');

function walkthrough(...args: string[]) {
  return spawnSync(
    process.execPath,
    ['--import', 'tsx', 'examples/analyst/walkthrough.ts', ...args],
    { encoding: 'utf8', timeout: 60_000 },
  );
}

/** The nodes and edges of a GraphML file, by id. */
function graphml(path: string): { nodes: string[]; edges: string[] } {
  const text = readFileSync(path, 'utf8');
  expect(XMLValidator.validate(text)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name, _p, _l, isAttribute) => !isAttribute && ['node', 'edge'].includes(name),
  });
  const graph = (
    parser.parse(text) as {
      graphml: { graph: { node?: { id: string }[]; edge?: { id: string }[] } };
    }
  ).graphml.graph;
  return { nodes: (graph.node ?? []).map((n) => n.id), edges: (graph.edge ?? []).map((e) => e.id) };
}

const expectGraphOf = (path: string, l: Lattice) =>
  expect(graphml(path)).toEqual({
    nodes: l.dataset.roles.map((r) => r.id),
    edges: l.transitions().map((t) => t.key),
  });

describe('examples/analyst/walkthrough.ts', () => {
  it('answers its questions on the bundled data and the O*NET fixtures, and writes both graphs as GraphML', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'walkthrough-')), 'uk.graphml');
    const r = walkthrough(ONET, out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);

    const uk = createLattice(ukSocialWork);
    const onet = createLattice(
      datasetFromOnet({
        related: read('Related Occupations.txt'),
        jobZones: read('Job Zones.txt'),
        occupations: read('Occupation Data.txt'),
      }),
    );
    expect(r.stdout).toContain(
      `UK social work: ${uk.size.roles} roles, ${uk.size.transitions} transitions`,
    );
    expect(r.stdout).toContain(
      'What is the fastest route from a newly qualified social worker to principal social worker?',
    );
    expect(r.stdout).toMatch(
      /roles that need the AMHP warrant: .*Approved mental health professional/,
    );
    expect(r.stdout).toContain(
      `O*NET 29.3: ${onet.size.roles} occupations, ${onet.size.transitions} related-occupation links`,
    );
    expect(r.stdout).toContain(
      'Fastest route: Customer Service Representatives → General and Operations Managers',
    );
    expect(r.stdout).not.toMatch(/undefined|NaN/);

    expect(r.stdout).toContain(`GraphML written: ${out}`);
    expectGraphOf(out, uk);
    const onetOut = out.replace(/\.graphml$/, '-onet.graphml');
    expect(r.stdout).toContain(`GraphML written: ${onetOut}`);
    expectGraphOf(onetOut, onet);
  });

  it('skips O*NET, saying why, when the folder has no O*NET tables', () => {
    const dir = mkdtempSync(join(tmpdir(), 'walkthrough-'));
    const out = join(dir, 'uk.graphml');
    const r = walkthrough(join(dir, 'no-onet-here'), out);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('skipped: no O*NET tables in');
    expectGraphOf(out, createLattice(ukSocialWork));
    expect(existsSync(join(dir, 'uk-onet.graphml'))).toBe(false);
  });
});
