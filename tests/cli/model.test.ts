/**
 * The CLI on the model's figures: --sector, time ranges, pay with its year and source, grouped
 * sector twins, and proposed moves marked; a route's pay change only between figures that compare.
 */
import { describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

describe('the CLI and the model', () => {
  it("--sector children: the children's ASYE only, time as a range, pay with year and source", async () => {
    const r = await cli([
      '--sector',
      'children',
      '--as-of',
      '2026-12-01',
      'fastest',
      'newly-qualified-social-worker',
      'team-manager',
    ]);
    expect(r.code).toBe(0);
    // One ASYE in the children's view: no need to say which.
    expect(r.stdout).toMatch(/Social worker \(social-worker\)\s+experience\s/);
    expect(r.stdout).not.toContain('asye-adults');
    expect(r.stdout).toMatch(/Time: about \d+(\.5)? to \d+(\.5)? years \(typical \d+ months\)/);
    expect(r.stdout).toMatch(
      /Pay: Team manager: £51,555 a year \(2018, London; source: Community Care/,
    );
  });

  it('without a sector, paths groups routes that differ only by the sector’s own ASYE', async () => {
    const r = await cli([
      '--as-of',
      '2026-12-01',
      'paths',
      'newly-qualified-social-worker',
      'experienced-social-worker',
      '--max-steps',
      '2',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "Step 1 by sector: asye-adults (adults') or asye-children (children's)",
    );
    expect(r.stdout.match(/^Route \d+/gm)?.length).toBe(2); // time served or panel, each once
  });

  it('an unknown sector is a usage error naming the closest', async () => {
    const r = await cli(['--sector', 'childen', 'moves', 'social-worker']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/did you mean "children"/);
  });

  it('moves from a BIA mark the AMCP as proposed; show gives pay with its source', async () => {
    const moves = await cli(['moves', 'best-interests-assessor']);
    expect(moves.stdout).toMatch(/Approved mental capacity professional.*proposed, not in force/);
    const show = await cli(['show', 'nhs-mental-health-social-worker']);
    expect(show.stdout).toMatch(
      /£38,682 to £54,710 a year \(2025\/26, England, Agenda for Change bands 6-7; source: NHS Employers/,
    );
  });
});

describe('pay under a route', () => {
  it('bundled data: a 2024 England mean and a 2018 London median are not turned into a pay rise', async () => {
    const r = await cli(['fastest', 'social-worker', 'team-manager']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Pay: Social worker: £43,000 a year (2024, England');
    expect(r.stdout).toContain('Pay: Team manager: £51,555 a year (2018, London');
    expect(r.stdout).toContain(
      'Pay change: not worked out: the figures are for different years, areas or periods',
    );
    expect(r.stdout).not.toMatch(/Pay change over the route/);
  });

  it("London overlay: one borough's grades compare, so the route's pay change is shown", async () => {
    const r = await cli([
      '--overlay',
      'data/overlays/london-childrens.json',
      'fastest',
      'social-worker',
      'team-manager',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'Pay: Team manager: up to £56,172 a year (London Borough of Sutton, Grade 9',
    );
    expect(r.stdout).toContain('Pay change over the route: +£7,089 a year');
  });
});
