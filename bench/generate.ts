/**
 * A seeded generator of synthetic, career-shaped lattices for the benchmarks.
 *
 * Shape (what real frameworks look like, scaled up):
 * - roles sit at levels 0..8 in a pyramid-ish spread (few students and directors, many
 *   practitioners), grouped in *families* of about 60 roles (a profession in an organisation),
 *   each family spanning several tracks (practice, management, education, …);
 * - about 5 transitions per role: mostly up one level (sometimes two), across to the same level
 *   (often both ways, so same-level roles form cycles), and some down; most stay in the family
 *   and track, some cross to another family (so the graph is one connected world);
 * - parallel transitions: some pairs of roles are joined by two moves of different kinds
 *   (e.g. a progression panel and an open vacancy);
 * - months from a realistic distribution by kind: experience 12–48, panels 24–36, vacancies
 *   2–12 (recruitment time), qualifications 6–24 — whole months, so exact ties abound, as in
 *   real data.
 *
 * Same seed, same dataset, on every machine (a 32-bit PRNG, no Math.random).
 */
import type { Dataset, Track, TransitionKind } from '../src/index.js';
import { TRACKS } from '../src/schema/dataset.js';

/** mulberry32: small, fast, good enough for synthetic data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  readonly roles: number;
  /** Average transitions per role (default 5). */
  readonly perRole?: number;
  readonly seed?: number;
  /** Roles per family (default 60). */
  readonly familySize?: number;
}

const LEVELS = 9;
/** Share of roles at each level 0..8. */
const LEVEL_SHARE = [0.05, 0.1, 0.16, 0.18, 0.16, 0.13, 0.1, 0.07, 0.05];
/** Every track, in the schema's order (the seeded graphs depend on it). */
const TRACK_POOL: readonly Track[] = TRACKS;

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

/** A weighted choice among [value, weight] pairs. */
function choose<T>(r: () => number, table: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, w] of table) total += w;
  let x = r() * total;
  for (const [v, w] of table) {
    x -= w;
    if (x < 0) return v;
  }
  return table[table.length - 1]![0];
}

/** Log-normal months, rounded to whole months and clamped. */
function logNormalMonths(
  r: () => number,
  median: number,
  sigma: number,
  min: number,
  max: number,
): number {
  // Box–Muller.
  const z = Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  return Math.min(max, Math.max(min, Math.round(median * Math.exp(sigma * z))));
}

function monthsFor(r: () => number, kind: TransitionKind): number {
  switch (kind) {
    case 'experience':
      return choose(r, [
        [12, 3],
        [18, 2],
        [24, 4],
        [36, 2],
        [48, 1],
      ] as const);
    case 'panel':
      return choose(r, [
        [24, 2],
        [36, 1],
      ] as const);
    case 'vacancy':
      return logNormalMonths(r, 4, 0.5, 2, 12);
    case 'qualification':
      return choose(r, [
        [6, 1],
        [12, 3],
        [18, 1],
        [24, 2],
      ] as const);
  }
}

type Dir = 'up' | 'across' | 'down';
const KIND_BY_DIR: Readonly<Record<Dir, readonly (readonly [TransitionKind, number])[]>> = {
  up: [
    ['experience', 45],
    ['panel', 15],
    ['vacancy', 30],
    ['qualification', 10],
  ],
  across: [
    ['vacancy', 60],
    ['experience', 25],
    ['qualification', 15],
  ],
  down: [
    ['vacancy', 80],
    ['experience', 20],
  ],
};

export interface GeneratedRole {
  readonly id: string;
  readonly level: number;
  readonly family: number;
  readonly track: Track;
}

/** The synthetic dataset, valid for createLattice. */
export function generateDataset(options: GenerateOptions): Dataset {
  const n = options.roles;
  const perRole = options.perRole ?? 5;
  const familySize = options.familySize ?? 60;
  const r = rng(options.seed ?? 20251123);
  const families = Math.max(1, Math.round(n / familySize));

  // Roles: each family gets a slice of roles, spread over levels, on 3–5 of the tracks.
  const roles: GeneratedRole[] = [];
  const familyTracks: Track[][] = [];
  for (let f = 0; f < families; f++) {
    const tracks: Track[] = ['practice'];
    const extra = 2 + Math.floor(r() * 3);
    while (tracks.length < 1 + extra) {
      const t = pick(r, TRACK_POOL);
      if (!tracks.includes(t)) tracks.push(t);
    }
    familyTracks.push(tracks);
  }
  for (let i = 0; i < n; i++) {
    const family = i % families;
    const level = choose(
      r,
      LEVEL_SHARE.map((s, l) => [l, s] as const),
    );
    const tracks = familyTracks[family]!;
    // Practice dominates the lower levels, management the upper ones.
    const track = level <= 3 && r() < 0.6 ? 'practice' : pick(r, tracks);
    const id = `${track}-f${String(family).padStart(4, '0')}-l${level}-${i.toString(36)}`;
    roles.push({ id, level, family, track });
  }

  // Index: roles by (family, level) and by level.
  const byFamilyLevel = new Map<number, number[]>();
  const byLevel: number[][] = Array.from({ length: LEVELS }, () => []);
  for (let i = 0; i < n; i++) {
    const { family, level } = roles[i]!;
    const key = family * LEVELS + level;
    let list = byFamilyLevel.get(key);
    if (!list) byFamilyLevel.set(key, (list = []));
    list.push(i);
    byLevel[level]!.push(i);
  }

  /** A role at `level`, in the family (usually) and track (often) of role i; -1 if none. */
  const targetAt = (i: number, level: number, sameFamily: number, sameTrack: number): number => {
    if (level < 0 || level >= LEVELS) return -1;
    const me = roles[i]!;
    const local = r() < sameFamily ? byFamilyLevel.get(me.family * LEVELS + level) : undefined;
    const pool = local && local.length > 0 ? local : byLevel[level]!;
    if (pool.length === 0) return -1;
    let best = -1;
    for (let tries = 0; tries < 4; tries++) {
      const j = pick(r, pool);
      if (j === i) continue;
      best = j;
      if (r() >= sameTrack || roles[j]!.track === me.track) break;
    }
    return best;
  };

  const transitions: Dataset['transitions'] = [];
  const seen = new Set<string>();
  const add = (from: number, to: number, kind: TransitionKind, months: number): void => {
    const key = `${from}>${to}:${kind}`;
    if (seen.has(key)) return;
    seen.add(key);
    transitions.push({
      from: roles[from]!.id,
      to: roles[to]!.id,
      kind,
      months,
      sources: ['synthetic'],
    });
  };

  for (let i = 0; i < n; i++) {
    const me = roles[i]!;
    // Out-degree 2..8, averaging about perRole once the cycles and parallels are added.
    const degree = Math.max(1, Math.round(perRole * 0.86 + (r() - 0.5) * 4));
    for (let d = 0; d < degree; d++) {
      let dir: Dir = choose(r, [
        ['up', 58],
        ['across', 29],
        ['down', 13],
      ] as const);
      if (dir === 'up' && me.level === LEVELS - 1) dir = 'across';
      if (dir === 'down' && me.level === 0) dir = 'up';
      const level =
        dir === 'up' ? me.level + (r() < 0.15 ? 2 : 1) : dir === 'down' ? me.level - 1 : me.level;
      const j = targetAt(i, Math.min(level, LEVELS - 1), dir === 'across' ? 0.8 : 0.85, 0.65);
      if (j < 0) continue;
      const kind = choose(r, KIND_BY_DIR[dir]);
      add(i, j, kind, monthsFor(r, kind));
      // Same-level moves often go both ways: cycles among peers.
      if (dir === 'across' && r() < 0.4) add(j, i, kind, monthsFor(r, kind));
      // Parallel transitions: the same move by another route in (panel vs vacancy, say).
      if (r() < 0.08) {
        const other = choose(
          r,
          KIND_BY_DIR[dir].filter(([k]) => k !== kind),
        );
        add(i, j, other, monthsFor(r, other));
      }
    }
  }

  const STAGES = [
    'student',
    'newly qualified',
    'practitioner',
    'experienced',
    'senior',
    'lead',
    'manager',
    'head',
    'director',
  ];
  return {
    id: `synthetic-${n}`,
    title: `Synthetic career lattice (${n} roles)`,
    version: '1',
    sources: [
      {
        id: 'synthetic',
        title: 'Generated by bench/generate.ts',
        publisher: 'career-lattice benchmarks',
      },
    ],
    qualifications: [],
    roles: roles.map((role) => ({
      id: role.id,
      title: `${role.track} role ${role.id}`,
      level: role.level,
      stage: STAGES[role.level]!,
      track: role.track,
      sectors: [],
      ...(role.level === 0 ? { entry: true } : {}),
      sources: ['synthetic'],
    })),
    transitions,
  };
}

/** Roles with their levels, for picking query pairs. */
export function levelsOf(dataset: Dataset): Map<string, number> {
  return new Map(dataset.roles.map((r) => [r.id, r.level]));
}
