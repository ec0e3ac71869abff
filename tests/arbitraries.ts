/**
 * fast-check generators of small random lattices and query options. Ids include the awkward
 * ones (`__proto__`, `constructor`, unicode) so every property also checks they are ordinary.
 */
import fc from 'fast-check';
import type { Dataset, Direction, TransitionKind } from '../src/index.js';
import { TRANSITION_KINDS } from '../src/index.js';

const ID_POOL = [
  'a',
  'b',
  'c',
  'd',
  'e',
  'f',
  'g',
  'h',
  '__proto__',
  'constructor',
  'toString',
  'b-2',
  'é-role',
  'zz',
  'A',
];
const QUALS = ['q1', 'q2', 'q3'];
/** Months with repeats and fractions, so ties and float sums both happen. */
const MONTHS = [0, 0.5, 1, 1, 2, 3, 5, 12];

export interface RandomLattice {
  dataset: Dataset;
  ids: string[];
}

export const randomLattice = (maxRoles = 8, maxTransitions = 18): fc.Arbitrary<RandomLattice> =>
  fc.uniqueArray(fc.constantFrom(...ID_POOL), { minLength: 1, maxLength: maxRoles }).chain((ids) =>
    fc
      .record({
        levels: fc.array(fc.integer({ min: 0, max: 3 }), {
          minLength: ids.length,
          maxLength: ids.length,
        }),
        entries: fc.array(fc.boolean(), { minLength: ids.length, maxLength: ids.length }),
        transitions: fc.array(
          fc.record({
            from: fc.constantFrom(...ids),
            to: fc.constantFrom(...ids),
            kind: fc.constantFrom(...TRANSITION_KINDS),
            months: fc.constantFrom(...MONTHS),
            requires: fc.option(
              fc.record({
                qualifications: fc.uniqueArray(fc.constantFrom(...QUALS), { maxLength: 2 }),
                monthsInRole: fc.constantFrom(0, 6, 12),
                monthsQualified: fc.constantFrom(0, 12, 24),
              }),
              { nil: undefined },
            ),
            grants: fc.option(fc.uniqueArray(fc.constantFrom(...QUALS), { maxLength: 2 }), {
              nil: undefined,
            }),
          }),
          { maxLength: ids.length < 2 ? 0 : maxTransitions },
        ),
      })
      .map(({ levels, entries, transitions }) => ({
        ids,
        dataset: {
          id: 'random',
          title: 'Random lattice',
          version: '1',
          sources: [{ id: 's', title: 'Generated', publisher: 'fast-check' }],
          qualifications: QUALS.map((id, i) => ({
            id,
            title: `Qualification ${id}`,
            kind: i === 0 ? ('registration' as const) : ('training' as const),
            months: 3 * (i + 1),
            sources: ['s'],
          })),
          roles: ids.map((id, i) => ({
            id,
            title: `Role ${id}`,
            level: levels[i]!,
            stage: 'stage',
            track: 'practice' as const,
            sectors: [],
            ...(entries[i] ? { entry: true } : {}),
            sources: ['s'],
          })),
          transitions: transitions
            .filter((t) => t.from !== t.to)
            .map(({ requires, grants, ...t }) => ({
              ...t,
              ...(requires ? { requires } : {}),
              ...(grants ? { grants } : {}),
              sources: ['s'],
            })),
        } satisfies Dataset,
      })),
  );

export interface RandomOptions {
  kinds?: TransitionKind[];
  directions?: Direction[];
  avoid?: string[];
  via?: string[];
  maxSteps?: number;
  weight?: 'months' | 'steps';
}

export interface RandomQuery {
  from: string;
  to: string;
  options: RandomOptions;
}

/** A lattice with a query on it: endpoints and options drawn from its own roles. */
export const latticeWithQuery = (maxRoles = 8) =>
  randomLattice(maxRoles).chain(({ dataset, ids }) =>
    fc
      .record({
        from: fc.constantFrom(...ids),
        to: fc.constantFrom(...ids),
        kinds: fc.option(fc.subarray([...TRANSITION_KINDS], { minLength: 1 }), { nil: undefined }),
        directions: fc.option(fc.subarray<Direction>(['up', 'across', 'down'], { minLength: 1 }), {
          nil: undefined,
        }),
        avoid: fc.option(fc.subarray(ids, { maxLength: Math.min(2, ids.length) }), {
          nil: undefined,
        }),
        via: fc.option(fc.subarray(ids, { maxLength: Math.min(2, ids.length) }), {
          nil: undefined,
        }),
        maxSteps: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
        weight: fc.option(fc.constantFrom<'months' | 'steps'>('months', 'steps'), {
          nil: undefined,
        }),
      })
      .map((q) => {
        // avoid may not name the endpoints, nor overlap via (those are usage errors).
        const avoid = q.avoid?.filter(
          (r) => r !== q.from && r !== q.to && !(q.via ?? []).includes(r),
        );
        const options: RandomOptions = {};
        if (q.kinds) options.kinds = q.kinds;
        if (q.directions) options.directions = q.directions;
        if (avoid?.length) options.avoid = avoid;
        if (q.via?.length) options.via = q.via;
        if (q.maxSteps !== undefined) options.maxSteps = q.maxSteps;
        if (q.weight) options.weight = q.weight;
        const query: RandomQuery = { from: q.from, to: q.to, options };
        return { dataset, ids, query };
      }),
  );

/** Months with a grain of 0.5 (the bucket queue) and repeats (ties). */
const MEDIUM_MONTHS = [0, 0.5, 1, 2, 3, 6, 6, 12, 18, 24];

/** A move between roles named by their index (role i is `r${i}`). */
export interface IndexedMove {
  readonly from: number;
  readonly to: number;
  readonly kind: TransitionKind;
  readonly months: number;
}

/**
 * A dataset of roles `r0`, `r1`, … at the given levels (a role's index is its place in `levels`,
 * or the number given with `ids`), and these moves, all citing one generated source.
 */
export function indexedLattice(
  name: string,
  levels: readonly number[],
  moves: readonly IndexedMove[],
  ids: readonly number[] = levels.map((_, i) => i),
): Dataset {
  const id = (i: number) => `r${i}`;
  return {
    id: name,
    title: `${name[0]!.toUpperCase()}${name.slice(1)} lattice`,
    version: '1',
    sources: [{ id: 's', title: 'Generated', publisher: 'fast-check' }],
    qualifications: [],
    roles: levels.map((level, i) => ({
      id: id(ids[i]!),
      title: `Role ${ids[i]}`,
      level,
      stage: 'stage',
      track: 'practice' as const,
      sectors: [],
      sources: ['s'],
    })),
    transitions: moves.map((m) => ({
      from: id(m.from),
      to: id(m.to),
      kind: m.kind,
      months: m.months,
      sources: ['s'],
    })),
  };
}

export interface MediumLattice {
  dataset: Dataset;
  from: string;
  to: string;
  directions: Direction[];
  kinds: TransitionKind[] | undefined;
  /** 'months', 'steps', or a weight without a grain (float sums, the heap queue). */
  weight: 'months' | 'steps' | 'thirds';
}

/** A career-shaped lattice of 10–60 roles: levels rising with the index, moves mostly up. */
export const mediumLattice: fc.Arbitrary<MediumLattice> = fc
  .integer({ min: 10, max: 60 })
  .chain((n) =>
    fc
      .record({
        n: fc.constant(n),
        jitter: fc.array(fc.integer({ min: -1, max: 1 }), { minLength: n, maxLength: n }),
        // One to four moves out of every role, most of them a few roles ahead.
        moves: fc.array(
          fc.array(
            fc.record({
              reach: fc.oneof(
                { arbitrary: fc.integer({ min: 1, max: 4 }), weight: 4 },
                { arbitrary: fc.integer({ min: -3, max: 0 }), weight: 1 },
              ),
              months: fc.constantFrom(...MEDIUM_MONTHS),
              kind: fc.constantFrom(...TRANSITION_KINDS),
            }),
            { minLength: 2, maxLength: 5 },
          ),
          { minLength: n, maxLength: n },
        ),
        from: fc.integer({ min: 0, max: n - 2 }),
        ahead: fc.integer({ min: 1, max: 10 }),
        // Mostly career questions (up, with or without the rest); sometimes no up at all.
        directions: fc.constantFrom<Direction[]>(
          ['up', 'across'],
          ['up', 'across', 'down'],
          ['up'],
          ['up', 'down'],
          ['across', 'down'],
        ),
        kinds: fc.option(fc.subarray([...TRANSITION_KINDS], { minLength: 1 }), {
          nil: undefined,
          freq: 1,
        }),
        weight: fc.constantFrom<MediumLattice['weight']>('months', 'steps', 'thirds'),
      })
      .map(({ n, jitter, moves, from, ahead, directions, kinds, weight }) => {
        const id = (i: number) => `r${i}`;
        const dataset = indexedLattice(
          'medium',
          Array.from({ length: n }, (_, i) => Math.max(0, Math.floor((i * 6) / n) + jitter[i]!)),
          moves
            .flatMap((out, from) =>
              out.map((m) => ({ ...m, from, to: Math.min(n - 1, Math.max(0, from + m.reach)) })),
            )
            .filter((m) => m.to !== m.from),
        );
        return {
          dataset,
          from: id(from),
          to: id(from + 1 + (ahead % (n - 1 - from))),
          directions,
          kinds,
          weight,
        };
      }),
  );

/**
 * A move's sectors kept to those some role is in (validation reports a move sector no role is
 * in), or all of them when a role lists none (such a role is in every sector).
 */
export function sectorsInUse(
  sectors: readonly string[],
  roles: readonly (readonly string[])[],
): string[] | undefined {
  if (roles.some((r) => r.length === 0)) return [...sectors];
  const kept = sectors.filter((s) => roles.some((r) => r.includes(s)));
  return kept.length ? kept : undefined;
}
