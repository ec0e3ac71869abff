/**
 * The structural invariants every bundled dataset keeps — the national one and each council
 * overlay laid over it. Plain code over the JSON, so they hold whatever the engine does; each
 * returns what breaks the invariant (empty when it holds), so a failure names the culprits.
 */
import type { Dataset } from '../src/index.js';

const tag = (t: Dataset['transitions'][number]) => t.id ?? `${t.from}>${t.to}:${t.kind}`;

/** References that resolve to nothing: roles, qualifications, sources. */
export function danglingReferences(data: Dataset): string[] {
  const roles = new Set(data.roles.map((r) => r.id));
  const quals = new Set(data.qualifications.map((q) => q.id));
  const sources = new Set(data.sources.map((s) => s.id));
  const out: string[] = [];
  for (const t of data.transitions) {
    if (!roles.has(t.from)) out.push(`${tag(t)}.from ${t.from}`);
    if (!roles.has(t.to)) out.push(`${tag(t)}.to ${t.to}`);
    for (const q of [...(t.requires?.qualifications ?? []), ...(t.grants ?? [])])
      if (!quals.has(q)) out.push(`${tag(t)} → ${q}`);
  }
  for (const r of data.roles)
    for (const q of r.credentials ?? []) if (!quals.has(q)) out.push(`${r.id}.credentials ${q}`);
  const cited = [
    ...data.qualifications.map((e) => [`qualification ${e.id}`, e.sources] as const),
    ...data.roles.map((e) => [`role ${e.id}`, e.sources] as const),
    ...data.transitions.map((e) => [`transition ${tag(e)}`, e.sources] as const),
  ];
  for (const [what, ids] of cited)
    for (const s of ids) if (!sources.has(s)) out.push(`${what} cites ${s}`);
  return out;
}

/** Roles no entry role leads to (moves in any direction count). */
export function unreachableFromEntry(data: Dataset): string[] {
  const out = new Map<string, string[]>();
  for (const t of data.transitions) out.set(t.from, [...(out.get(t.from) ?? []), t.to]);
  const seen = new Set(data.roles.filter((r) => r.entry).map((r) => r.id));
  const queue = [...seen];
  while (queue.length)
    for (const next of out.get(queue.shift()!) ?? [])
      if (!seen.has(next)) seen.add(next), queue.push(next);
  return data.roles.filter((r) => !seen.has(r.id)).map((r) => r.id);
}

/** Roles on or behind a cycle of up moves (Kahn's algorithm over up edges leaves them unvisited). */
export function rolesInUpCycles(data: Dataset): string[] {
  const level = new Map(data.roles.map((r) => [r.id, r.level]));
  const up = data.transitions.filter((t) => level.get(t.to)! > level.get(t.from)!);
  const indegree = new Map(data.roles.map((r) => [r.id, 0]));
  for (const t of up) indegree.set(t.to, indegree.get(t.to)! + 1);
  const queue = [...indegree].filter(([, d]) => d === 0).map(([id]) => id);
  const visited = new Set<string>();
  while (queue.length) {
    const id = queue.shift()!;
    visited.add(id);
    for (const t of up) {
      if (t.from !== id) continue;
      indegree.set(t.to, indegree.get(t.to)! - 1);
      if (indegree.get(t.to) === 0) queue.push(t.to);
    }
  }
  return data.roles.filter((r) => !visited.has(r.id)).map((r) => r.id);
}

/**
 * Transitions whose `requires` gives a figure (months in role or since qualifying) that is not
 * marked `estimated` and is not in `sourced` — the ids whose cited source states the figure.
 */
export function unmarkedRequirementFigures(data: Dataset, sourced: ReadonlySet<string>): string[] {
  return data.transitions
    .filter(
      (t) =>
        (t.requires?.monthsInRole !== undefined || t.requires?.monthsQualified !== undefined) &&
        !t.requires.estimated &&
        !sourced.has(tag(t)),
    )
    .map(tag);
}

/**
 * Bundled transitions whose requirement figures a cited source states (not estimates): the DfE agency
 * rules, the DoLS regulations (BIA) and Cafcass's entry requirement. tests/dataset.test.ts checks each
 * against its source's words.
 */
export const SOURCED_REQUIREMENT_IDS: ReadonlySet<string> = new Set([
  'experienced-to-agency-children',
  'experienced-to-bia',
  'senior-practitioner-to-bia',
  'amhp-to-bia',
  'experienced-to-cafcass',
  'senior-practitioner-to-cafcass',
]);
