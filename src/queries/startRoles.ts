/**
 * Where careers start, for the questions asked from no particular role (what a role needs, the
 * least experience it asks for): the roles marked `entry`; in a dataset that marks none, the roles
 * nothing leads to.
 */
import type { Core } from './core.js';

export function startRoles(core: Core): number[] {
  const g = core.index;
  const sources: number[] = [];
  for (let v = 0; v < g.n; v++) if (g.roles[v]!.entry) sources.push(v);
  if (sources.length === 0)
    for (let v = 0; v < g.n; v++) if (g.inStart[v + 1] === g.inStart[v]) sources.push(v);
  return sources;
}
