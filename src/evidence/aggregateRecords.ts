/**
 * The TypeScript engine: prepared records → Aggregates, in memory (and in the browser). It does
 * exactly what the SQL in sql.ts does, step for step; read the two side by side.
 */
import {
  type Aggregates,
  canonical,
  type FteClass,
  type FteRow,
  type LifeRow,
  monthsOf,
  type OutcomeKind,
  type PeopleRow,
  type ProblemCode,
  type ProblemLine,
  type RoleRow,
} from './aggregates.js';
import { type LeavingCategory, type PreparedRecord, sectorIn } from './records.js';

/** Stands for "no end yet" in the running latest end, as in the SQL. */
const OPEN = 2147483647;

interface Good {
  readonly line: number;
  readonly person: string;
  /** The matched role, or '' for a title that matched none. */
  readonly rk: string;
  readonly start: number;
  readonly end: number | null;
  readonly fte: number | null;
  readonly leaving: LeavingCategory | null;
}

export interface AggregateOptions {
  /** Title → the role its agency spells count in (agency.ts); titles not in it keep their role. */
  readonly agencyMap?: ReadonlyMap<string, string>;
  /** Keep one sector's records (records.ts sectorPrefix); the rest count as posts outside the framework. */
  readonly sectorPrefix?: string;
}

/** The role a good record counts in: '' outside the framework or the sector; the agency role for an agency spell. */
function roleOf(
  r: PreparedRecord,
  titleMap: ReadonlyMap<string, string>,
  options: AggregateOptions,
): string {
  if (r.title === null) return '';
  if (options.sectorPrefix !== undefined && !sectorIn(r.sector, options.sectorPrefix)) return '';
  if (r.agency) {
    const agency = options.agencyMap?.get(r.title);
    if (agency !== undefined) return agency;
  }
  return titleMap.get(r.title) ?? '';
}

function problemOf(r: PreparedRecord): ProblemCode | null {
  if (r.person === null) return 'no_person';
  if (r.startDay === null) return 'unknown_start';
  if (r.endBad) return 'unknown_end';
  if (r.endDay !== null && r.endDay < r.startDay) return 'end_before_start';
  return null;
}

/**
 * Aggregates prepared records. `titleMap` maps each title (as written, trimmed) to a role id;
 * titles not in it are "other" (a post the framework does not know). `asOfDay` is the day the
 * extract was taken (people in post are counted to it); it is never earlier than the latest date
 * in the records.
 */
export function aggregateRecords(
  records: readonly PreparedRecord[],
  titleMap: ReadonlyMap<string, string>,
  asOfDay?: number,
  options: AggregateOptions = {},
): Aggregates {
  const problems: ProblemLine[] = [];
  const counts: Partial<Record<ProblemCode, number>> = {};
  const note = (line: number, code: ProblemCode, otherLine: number | null) => {
    counts[code] = (counts[code] ?? 0) + 1;
    problems.push({ line, code, otherLine });
  };
  const byPerson = new Map<string, Good[]>();
  let firstDay: number | null = null;
  let latest: number | null = null;
  for (const r of records) {
    const code = problemOf(r);
    if (code) {
      note(r.line, code, null);
      continue;
    }
    const start = r.startDay!;
    const g: Good = {
      line: r.line,
      person: r.person!,
      rk: roleOf(r, titleMap, options),
      start,
      end: r.endDay,
      fte: r.fte ?? null,
      leaving: r.leaving ?? null,
    };
    let list = byPerson.get(g.person);
    if (!list) byPerson.set(g.person, (list = []));
    list.push(g);
    if (firstDay === null || start < firstDay) firstDay = start;
    const last = g.end !== null && g.end > start ? g.end : start;
    if (latest === null || last > latest) latest = last;
  }
  const asOf =
    latest === null ? null : asOfDay !== undefined && asOfDay > latest ? asOfDay : latest;

  // Roles and outcomes as small integers: keys are numbers, not strings (100,000 records in well under a second).
  const roleIds: string[] = [''];
  const roleIndex = new Map<string, number>([['', 0]]);
  const indexOf = (rk: string): number => {
    let i = roleIndex.get(rk);
    if (i === undefined) roleIndex.set(rk, (i = roleIds.push(rk) - 1));
    return i;
  };
  const KINDS: readonly OutcomeKind[] = ['move', 'other', 'left', 'in_post'];
  const R = 1 << 16;
  /** (role, kind, to) as one number. */
  const outcomeKey = (role: number, kind: number, to: number): number => (role * 4 + kind) * R + to;
  const life = new Map<number, number>();
  const people = new Map<number, number>();
  const roleSpells = new Map<
    number,
    { spells: number; people: number; joined: number; joinedPeople: number; exposure: number }
  >();
  const FTE: readonly FteClass[] = ['part', 'full', 'unknown'];
  /** role * 3 + FTE class → spells and people. */
  const fteCounts = new Map<number, { spells: number; people: number }>();
  const seenOutcomes = new Set<number>();
  const seenRoles = new Set<number>();
  const seenJoined = new Set<number>();
  const seenFte = new Set<number>();

  for (const spells of byPerson.values()) {
    spells.sort((a, b) => a.start - b.start || a.line - b.line);
    // Overlaps, and runs of one role merged into one spell (an island).
    const islands: {
      rk: number;
      start: number;
      end: number;
      fte: number | null;
      leaving: LeavingCategory | null;
    }[] = [];
    let prevEnd: number | null = null;
    let prev: Good | undefined;
    for (const s of spells) {
      if (prevEnd !== null && prevEnd > s.start) note(s.line, 'overlap', prev!.line);
      const end = s.end ?? OPEN;
      prevEnd = prevEnd === null || end > prevEnd ? end : prevEnd;
      const island = islands[islands.length - 1];
      if (prev && prev.rk === s.rk && island) {
        if (end > island.end) island.end = end;
        if (s.fte !== null && (island.fte === null || s.fte < island.fte)) island.fte = s.fte;
        island.leaving = s.leaving;
      } else
        islands.push({ rk: indexOf(s.rk), start: s.start, end, fte: s.fte, leaving: s.leaving });
      prev = s;
    }
    seenOutcomes.clear();
    seenRoles.clear();
    seenJoined.clear();
    seenFte.clear();
    for (let i = 0; i < islands.length; i++) {
      const island = islands[i]!;
      if (island.rk === 0) continue;
      const next = islands[i + 1];
      const before = islands[i - 1];
      const kind = next ? (next.rk === 0 ? 1 : 0) : island.end < OPEN ? 2 : 3;
      // A move's next role; how a leaver left (the leaving category, '' when not given).
      const to = kind === 0 ? next!.rk : kind === 2 ? indexOf(island.leaving ?? '') : 0;
      const days = (next ? next.start : island.end < OPEN ? island.end : asOf!) - island.start;
      const key = outcomeKey(island.rk, kind, to);
      const lifeKey = key * 65536 + monthsOf(days);
      life.set(lifeKey, (life.get(lifeKey) ?? 0) + 1);
      if (!seenOutcomes.has(key)) {
        seenOutcomes.add(key);
        people.set(key, (people.get(key) ?? 0) + 1);
      }
      let r = roleSpells.get(island.rk);
      if (!r)
        roleSpells.set(
          island.rk,
          (r = { spells: 0, people: 0, joined: 0, joinedPeople: 0, exposure: 0 }),
        );
      r.spells++;
      r.exposure += days;
      if (!seenRoles.has(island.rk)) seenRoles.add(island.rk), r.people++;
      if (!before || before.rk === 0) {
        r.joined++;
        if (!seenJoined.has(island.rk)) seenJoined.add(island.rk), r.joinedPeople++;
      }
      const fteKey = island.rk * 3 + (island.fte === null ? 2 : island.fte < 1 ? 0 : 1);
      let f = fteCounts.get(fteKey);
      if (!f) fteCounts.set(fteKey, (f = { spells: 0, people: 0 }));
      f.spells++;
      if (!seenFte.has(fteKey)) seenFte.add(fteKey), f.people++;
    }
  }
  const unpack = (key: number) => {
    const to = key % R;
    const rest = (key - to) / R;
    const kind = rest % 4;
    return { role: roleIds[(rest - kind) / 4]!, kind: KINDS[kind]!, to: roleIds[to]! };
  };

  return canonical({
    life: [...life].map(([key, spells]): LifeRow => {
      const months = key % 65536;
      return { ...unpack((key - months) / 65536), months, spells };
    }),
    people: [...people].map(([key, n]): PeopleRow => ({ ...unpack(key), people: n })),
    roles: [...roleSpells].map(
      ([role, r]): RoleRow => ({
        role: roleIds[role]!,
        spells: r.spells,
        people: r.people,
        joined: r.joined,
        joinedPeople: r.joinedPeople,
        exposureDays: r.exposure,
      }),
    ),
    fte: [...fteCounts].map(
      ([key, f]): FteRow => ({
        role: roleIds[Math.floor(key / 3)]!,
        fte: FTE[key % 3]!,
        spells: f.spells,
        people: f.people,
      }),
    ),
    problems: { counts, lines: problems },
    period: { firstDay, asOfDay: asOf },
  });
}
