/**
 * The TypeScript engine: prepared records → Aggregates, in memory (and in the browser). It does
 * exactly what the SQL in sql.ts does, step for step; read the two side by side.
 */
import { type Aggregates, canonical, type LifeRow, monthsOf, type OutcomeKind, type PeopleRow, type ProblemCode, type ProblemLine, type RoleRow } from './aggregates.js';
import type { PreparedRecord } from './records.js';

/** Stands for "no end yet" in the running latest end, as in the SQL. */
const OPEN = 2147483647;

interface Good {
  readonly line: number;
  readonly person: string;
  /** The matched role, or '' for a title that matched none. */
  readonly rk: string;
  readonly start: number;
  readonly end: number | null;
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
export function aggregateRecords(records: readonly PreparedRecord[], titleMap: ReadonlyMap<string, string>, asOfDay?: number): Aggregates {
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
    const g: Good = { line: r.line, person: r.person!, rk: (r.title !== null ? titleMap.get(r.title) : undefined) ?? '', start, end: r.endDay };
    let list = byPerson.get(g.person);
    if (!list) byPerson.set(g.person, (list = []));
    list.push(g);
    if (firstDay === null || start < firstDay) firstDay = start;
    const last = g.end !== null && g.end > start ? g.end : start;
    if (latest === null || last > latest) latest = last;
  }
  const asOf = latest === null ? null : asOfDay !== undefined && asOfDay > latest ? asOfDay : latest;

  const life = new Map<string, { role: string; kind: OutcomeKind; to: string; months: number; spells: number }>();
  const people = new Map<string, { row: Omit<PeopleRow, 'people'>; persons: Set<string> }>();
  const roles = new Map<string, { spells: number; persons: Set<string>; joined: number; joinedPersons: Set<string>; exposure: number }>();

  for (const [person, spells] of byPerson) {
    spells.sort((a, b) => a.start - b.start || a.line - b.line);
    // Overlaps, and runs of one role merged into one spell (an island).
    const islands: { rk: string; start: number; end: number }[] = [];
    let prevEnd: number | null = null;
    let prev: Good | undefined;
    for (const s of spells) {
      if (prevEnd !== null && prevEnd > s.start) note(s.line, 'overlap', prev!.line);
      const end = s.end ?? OPEN;
      prevEnd = prevEnd === null || end > prevEnd ? end : prevEnd;
      const island = islands[islands.length - 1];
      if (prev && prev.rk === s.rk && island) {
        if (end > island.end) island.end = end;
      } else islands.push({ rk: s.rk, start: s.start, end });
      prev = s;
    }
    islands.forEach((island, i) => {
      if (island.rk === '') return;
      const next = islands[i + 1];
      const before = islands[i - 1];
      const kind: OutcomeKind = next ? (next.rk === '' ? 'other' : 'move') : island.end < OPEN ? 'left' : 'in_post';
      const to = kind === 'move' ? next!.rk : '';
      const days = (next ? next.start : island.end < OPEN ? island.end : asOf!) - island.start;
      const months = monthsOf(days);
      const lifeKey = `${island.rk}\u0000${kind}\u0000${to}\u0000${months}`;
      const row = life.get(lifeKey);
      if (row) row.spells++;
      else life.set(lifeKey, { role: island.rk, kind, to, months, spells: 1 });
      const peopleKey = `${island.rk}\u0000${kind}\u0000${to}`;
      let p = people.get(peopleKey);
      if (!p) people.set(peopleKey, (p = { row: { role: island.rk, kind, to }, persons: new Set() }));
      p.persons.add(person);
      let r = roles.get(island.rk);
      if (!r) roles.set(island.rk, (r = { spells: 0, persons: new Set(), joined: 0, joinedPersons: new Set(), exposure: 0 }));
      r.spells++;
      r.persons.add(person);
      r.exposure += days;
      if (!before || before.rk === '') {
        r.joined++;
        r.joinedPersons.add(person);
      }
    });
  }

  return canonical({
    life: [...life.values()] satisfies LifeRow[],
    people: [...people.values()].map(({ row, persons }) => ({ ...row, people: persons.size })),
    roles: [...roles].map(
      ([role, r]): RoleRow => ({ role, spells: r.spells, people: r.persons.size, joined: r.joined, joinedPeople: r.joinedPersons.size, exposureDays: r.exposure }),
    ),
    problems: { counts, lines: problems },
    period: { firstDay, asOfDay: asOf },
  });
}
