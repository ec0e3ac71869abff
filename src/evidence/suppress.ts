/**
 * Small-number suppression, with complementary suppression checked by an adversary.
 *
 * Published counts are tied by sums: every spell in a role ends one way (a move to each role,
 * a move to a post outside the framework, leaving, still in post), and every spell began one way
 * (from outside, or a move from each role). A count withheld in one such sum could be recovered
 * by subtraction, so more are withheld until it cannot. The check is an adversary, not a rule of
 * thumb: `attack` narrows every withheld count to the interval the published figures allow, by
 * propagating bounds through all the sums together (as an intruder with a spreadsheet would);
 * a withheld count is safe when that interval is at least `minCount − 1` wide — no narrower than
 * "fewer than minCount", which withholding says anyway.
 */

export interface Cell {
  readonly id: string;
  readonly value: number;
  /** Different people behind the count: what the threshold applies to. */
  readonly people: number;
  /** The role whose row this cell is in (or whose total it is). */
  readonly role: string;
  /** For a move: the destination role. */
  readonly to?: string;
}

/** total = Σ parts. */
export interface Relation {
  readonly total: string;
  readonly parts: readonly string[];
}

export type Interval = readonly [lo: number, hi: number];

/** The tightest bounds an adversary gets on each withheld cell from the published ones. */
export function attack(
  cells: ReadonlyMap<string, Cell>,
  relations: readonly Relation[],
  withheld: ReadonlySet<string>,
): Map<string, Interval> {
  const lo = new Map<string, number>();
  const hi = new Map<string, number>();
  for (const [id, cell] of cells) {
    lo.set(id, withheld.has(id) ? 0 : cell.value);
    hi.set(id, withheld.has(id) ? Infinity : cell.value);
  }
  const tighten = (id: string, l: number, h: number): boolean => {
    let changed = false;
    if (l > lo.get(id)!) lo.set(id, l), (changed = true);
    if (h < hi.get(id)!) hi.set(id, h), (changed = true);
    return changed;
  };
  for (let round = 0, changed = true; changed && round < 1000; round++) {
    changed = false;
    for (const { total, parts } of relations) {
      let sumLo = 0;
      let sumHi = 0;
      let infinite = 0;
      for (const p of parts) {
        sumLo += lo.get(p)!;
        const h = hi.get(p)!;
        if (h === Infinity) infinite++;
        else sumHi += h;
      }
      if (tighten(total, sumLo, infinite ? Infinity : sumHi)) changed = true;
      const tLo = lo.get(total)!;
      const tHi = hi.get(total)!;
      for (const p of parts) {
        const h = hi.get(p)!;
        const othersHi =
          infinite - (h === Infinity ? 1 : 0) > 0 ? Infinity : sumHi - (h === Infinity ? 0 : h);
        const othersLo = sumLo - lo.get(p)!;
        if (tighten(p, Math.max(0, tLo - othersHi), tHi - othersLo)) changed = true;
      }
    }
  }
  const out = new Map<string, Interval>();
  for (const id of withheld) out.set(id, [lo.get(id)!, hi.get(id)!]);
  return out;
}

export interface Suppression {
  /** Fewer than minCount people. */
  readonly primary: ReadonlySet<string>;
  /** Withheld so that a primary cell cannot be recovered. */
  readonly complementary: ReadonlySet<string>;
  /** Roles withheld entirely (too few people, or no other way to protect a count). */
  readonly roles: ReadonlySet<string>;
}

/** The cells to withhold. Deterministic: the same counts always withhold the same cells. */
export function suppress(
  cells: ReadonlyMap<string, Cell>,
  relations: readonly Relation[],
  minCount: number,
): Suppression {
  const primary = new Set<string>();
  const complementary = new Set<string>();
  const roles = new Set<string>();
  if (minCount <= 1) return { primary, complementary, roles };
  const withheld = new Set<string>();
  const byRole = new Map<string, string[]>();
  for (const cell of cells.values()) {
    for (const r of cell.to !== undefined ? [cell.role, cell.to] : [cell.role]) {
      let list = byRole.get(r);
      if (!list) byRole.set(r, (list = []));
      list.push(cell.id);
    }
    if (cell.people > 0 && cell.people < minCount) primary.add(cell.id), withheld.add(cell.id);
  }
  const withholdRole = (role: string) => {
    roles.add(role);
    for (const id of byRole.get(role) ?? []) {
      if (!withheld.has(id)) withheld.add(id), complementary.add(id);
    }
  };
  for (const id of primary) if (id.startsWith('spells:')) withholdRole(cells.get(id)!.role);
  const relationsOf = new Map<string, Relation[]>();
  for (const rel of relations) {
    for (const id of [rel.total, ...rel.parts]) {
      let list = relationsOf.get(id);
      if (!list) relationsOf.set(id, (list = []));
      list.push(rel);
    }
  }
  for (;;) {
    const bounds = attack(cells, relations, withheld);
    const exposed = [...bounds]
      .filter(([, [l, h]]) => h - l < minCount - 1)
      .map(([id]) => id)
      .sort();
    if (exposed.length === 0) break;
    const id = exposed[0]!;
    // The smallest published part of a sum this cell is in: the least information lost.
    const candidates = (relationsOf.get(id) ?? [])
      .flatMap((rel) => rel.parts)
      .filter((p) => !withheld.has(p))
      .map((p) => cells.get(p)!)
      .sort(
        (a, b) =>
          (a.value === 0 ? 1 : 0) - (b.value === 0 ? 1 : 0) ||
          a.value - b.value ||
          (a.id < b.id ? -1 : 1),
      );
    const pick = candidates[0];
    if (pick) {
      withheld.add(pick.id);
      complementary.add(pick.id);
    } else {
      // Every part is withheld and the count is still exposed: withhold the role itself.
      const cell = cells.get(id)!;
      const target = [cell.role, cell.to].find((r) => r !== undefined && !roles.has(r));
      if (target !== undefined) withholdRole(target);
      else {
        // Never reached in practice; safe all the same: publish no count at all.
        for (const r of byRole.keys()) withholdRole(r);
        break;
      }
    }
  }
  return { primary, complementary, roles };
}
