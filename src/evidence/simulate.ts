/**
 * Synthetic job-history records, seeded: people walk through a lattice with given move
 * probabilities and times in role, and the walk is written out as an HR extract with the noise
 * real ones have — title variants and typos, agency spells, overlapping or missing end dates,
 * people still in post, the odd impossible date. For tests, examples and benchmarks; the
 * simulator's own figures (`truth`) are what the evidence should recover.
 */
import Papa from 'papaparse';
import type { Lattice } from '../lattice/Lattice.js';
import { dayNumber, dayText, type JobRecord } from './records.js';

/** Where people in a role go next: probabilities (the rest leave), and months in the role. */
export interface SimulatedRole {
  readonly next: readonly { readonly to: string; readonly p: number }[];
  /** Months in the role before moving on: uniform between these (whole months, inclusive). */
  readonly months: readonly [min: number, max: number];
}

export interface SimulationModel {
  readonly roles: Readonly<Record<string, SimulatedRole>>;
  /** Where people join, with weights. */
  readonly entry: readonly { readonly role: string; readonly weight: number }[];
}

export interface Noise {
  /** Chance a record's title is a variant (an alias, other case, extra words) instead of the role's title. */
  readonly variant?: number;
  /** Chance of a typo in the title. */
  readonly typo?: number;
  /** Chance a spell is an agency spell (agency = yes). */
  readonly agency?: number;
  /** Chance a spell's end runs past the next one's start (a handover overlap). */
  readonly overlap?: number;
  /** Chance a spell that is followed by another has no end date. */
  readonly missingEnd?: number;
  /** Chance a record has an impossible date (end before start, or not a date). */
  readonly badDate?: number;
  /** Chance of a title the framework does not know. */
  readonly unknownTitle?: number;
  /** Chance a person works part time (FTE 0.6 or 0.8 on every record; others 1). Without it, no FTE is written. */
  readonly partTime?: number;
  /** Chances a leaver's reason is retirement, or an internal transfer (the rest resign). */
  readonly retire?: number;
  readonly internal?: number;
}

export interface SimulationOptions {
  readonly people: number;
  readonly seed?: number;
  /** People join between these years; the extract is taken at the end of `to`. */
  readonly from?: number;
  readonly to?: number;
  readonly noise?: Noise;
  /** Write ids rather than titles (no title noise). */
  readonly ids?: boolean;
  /** Sectors as an HR system writes them (e.g. "Children's services"): each person works in one, picked evenly. */
  readonly sectors?: readonly string[];
}

/** A seeded generator in [0, 1): mulberry32. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A model from a lattice: each role's up and across moves equally likely, `leave` of people leaving, months around each move's own. */
export function modelFromLattice(
  lattice: Lattice,
  options: { leave?: number; entry?: readonly string[] } = {},
): SimulationModel {
  const leave = options.leave ?? 0.3;
  const roles: Record<string, SimulatedRole> = {};
  for (const role of lattice.roles()) {
    const moves = lattice.nextSteps(role.id, { directions: ['up', 'across'] });
    const targets = [...new Set(moves.map((m) => m.role.id))];
    const typical = moves.length
      ? Math.max(6, Math.round(moves.reduce((n, m) => n + m.transition.months, 0) / moves.length))
      : 36;
    roles[role.id] = {
      next: targets.map((to) => ({ to, p: (1 - leave) / targets.length })),
      months: [Math.max(1, Math.round(typical / 2)), Math.round(typical * 1.5)],
    };
  }
  const entry = (options.entry ?? lattice.roles({ entry: true }).map((r) => r.id)).map((role) => ({
    role,
    weight: 1,
  }));
  return { roles, entry };
}

/** The simulator's own figures: the share of spells in `from` that end in a move to `to`, and the quartiles of months in `from`. */
export function truth(
  model: SimulationModel,
  from: string,
  to: string,
): { share: number; months: { p25: number; median: number; p75: number } } {
  const role = model.roles[from];
  if (!role) throw new RangeError(`truth: no role "${from}" in the model`);
  const share = role.next.filter((n) => n.to === to).reduce((s, n) => s + n.p, 0);
  // Whole months uniform on [min, max]: the smallest m with P(M ≤ m) ≥ q.
  const [min, max] = role.months;
  const q = (p: number) => min + Math.ceil(p * (max - min + 1)) - 1;
  return { share, months: { p25: q(0.25), median: q(0.5), p75: q(0.75) } };
}

const KEYS = 'qwertyuiopasdfghjklzxcvbnm';

function typo(text: string, random: () => number): string {
  if (text.length < 4) return text;
  const i = 1 + Math.floor(random() * (text.length - 2));
  const kind = random();
  if (kind < 0.5) return text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2); // swap
  if (kind < 0.8) return text.slice(0, i) + text.slice(i + 1); // drop
  return text.slice(0, i) + KEYS[Math.floor(random() * KEYS.length)] + text.slice(i); // insert
}

/**
 * Records from `model` for `people` people. With `lattice`, titles are written as HR systems
 * would (the role's title or an alias, in various cases); without, as role ids.
 */
export function simulateRecords(
  model: SimulationModel,
  options: SimulationOptions,
  lattice?: Lattice,
): JobRecord[] {
  const random = seededRandom(options.seed ?? 1);
  const from = options.from ?? 2010;
  const to = options.to ?? 2024;
  const firstDay = dayNumber(from, 1, 1)!;
  const asOf = dayNumber(to, 12, 31)!;
  const noise = options.noise ?? {};
  const chance = (p: number | undefined) => p !== undefined && p > 0 && random() < p;
  const totalWeight = model.entry.reduce((n, e) => n + e.weight, 0);
  const pickEntry = () => {
    let x = random() * totalWeight;
    for (const e of model.entry) if ((x -= e.weight) < 0) return e.role;
    return model.entry[model.entry.length - 1]!.role;
  };
  const title = (role: string): string => {
    if (options.ids || !lattice?.hasRole(role)) return role;
    const r = lattice.role(role);
    let text = r.title;
    if (chance(noise.variant)) {
      const variants = [
        r.title.toUpperCase(),
        r.title.toLowerCase(),
        ...(r.aliases ?? []).filter((a) => a.length > 3),
        `${r.title} (children)`,
      ];
      text = variants[Math.floor(random() * variants.length)]!;
    }
    if (chance(noise.typo)) text = typo(text, random);
    return text;
  };
  const fmt = (day: number) => {
    const iso = dayText(day);
    return random() < 0.2 ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : iso;
  };
  const records: JobRecord[] = [];
  for (let p = 0; p < options.people; p++) {
    const person = `P${String(p + 1).padStart(7, '0')}`;
    let role: string | undefined = pickEntry();
    let start = firstDay + Math.floor(random() * (asOf - firstDay));
    const spells: { role: string; start: number; end: number | null }[] = [];
    // Drawn only when asked for, so extracts without them keep their seeded stream.
    const sector = options.sectors?.length
      ? options.sectors[Math.floor(random() * options.sectors.length)]
      : undefined;
    const fte =
      noise.partTime === undefined
        ? undefined
        : chance(noise.partTime)
          ? random() < 0.5
            ? '0.6'
            : '0.8'
          : '1';
    while (role !== undefined && start <= asOf) {
      const spec: SimulatedRole | undefined = model.roles[role];
      const [min, max] = spec?.months ?? [12, 48];
      const months = min + Math.floor(random() * (max - min + 1));
      // Within half a month of `months` months of 30.4375 days: the evidence reads back `months`.
      const days = Math.max(0, Math.ceil(((months - 0.5) * 1461) / 48)) + Math.floor(random() * 30);
      const end = start + days;
      let next: string | undefined;
      let x = random();
      for (const n of spec?.next ?? []) {
        x -= n.p;
        if (x < 0) {
          next = n.to;
          break;
        }
      }
      if (end > asOf) {
        spells.push({ role, start, end: null });
        break;
      }
      spells.push({ role, start, end: next ? end - 1 : end });
      role = next;
      start = end;
    }
    spells.forEach((s, i) => {
      const last = i === spells.length - 1;
      let end: string | null = s.end === null ? null : fmt(s.end);
      let startText = fmt(s.start);
      if (!last && chance(noise.missingEnd)) end = null;
      else if (!last && s.end !== null && chance(noise.overlap))
        end = fmt(s.end + 1 + Math.floor(random() * 45));
      if (chance(noise.badDate)) {
        if (random() < 0.5 && s.end !== null) end = fmt(s.start - 1 - Math.floor(random() * 300));
        else startText = random() < 0.5 ? `${dayText(s.start).slice(0, 4)}-02-30` : 'unknown';
      }
      const agency = chance(noise.agency);
      let reason: string | undefined;
      if (end !== null && last) {
        const x = noise.retire !== undefined || noise.internal !== undefined ? random() : 1;
        reason =
          x < (noise.retire ?? 0)
            ? 'Retirement'
            : x < (noise.retire ?? 0) + (noise.internal ?? 0)
              ? 'Internal transfer'
              : 'resigned';
      }
      records.push({
        person,
        role: chance(noise.unknownTitle) ? 'Business Support Officer' : title(s.role),
        start: startText,
        end,
        ...(sector !== undefined ? { sector } : {}),
        ...(fte !== undefined ? { fte } : {}),
        ...(agency ? { agency: 'yes' } : {}),
        ...(reason !== undefined ? { leaving_reason: reason } : {}),
      });
    });
  }
  return records;
}

const COLUMNS = [
  'person',
  'role',
  'start',
  'end',
  'sector',
  'fte',
  'agency',
  'leaving_reason',
] as const;

/** Records as an HR-style CSV extract (person, role, start, end, sector, fte, agency, leaving_reason). */
export function recordsToCsv(records: readonly JobRecord[]): string {
  const data = records.map((r) =>
    COLUMNS.map((c) => (r[c] === null || r[c] === undefined ? '' : String(r[c]))),
  );
  return `${Papa.unparse({ fields: [...COLUMNS], data }, { newline: '\n' })}\n`;
}

/** Records as NDJSON, one object a line. */
export function recordsToNdjson(records: readonly JobRecord[]): string {
  return `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;
}
