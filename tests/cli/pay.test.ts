/**
 * Pay in the CLI's route answers: the change over a route is shown only between figures that
 * compare (same currency, period, year and area), and says why when it is not.
 */
import { describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

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
