/**
 * eligibility: for a person (role, qualifications held, months in role, months since
 * qualifying), which moves are open now and, for the rest, exactly what is missing.
 *
 * A move is open when the person holds every required qualification and has served at
 * least its `monthsInRole` and `monthsQualified`. Time-served (`experience`) moves are gated by
 * their typical months in post too; for vacancies and panels those months are typical, not a bar.
 */
import { QueryOptionsError } from '../errors.js';
import { payChange } from '../model/pay.js';
import type {
  Eligibility,
  EligibleMove,
  LatticeTransition,
  Missing,
  NextStepsOptions,
  Profile,
} from '../types.js';
import { describe } from '../util/describe.js';
import { type Core, qualificationOf, roleIndexOf } from './core.js';
import { nextSteps } from './moves.js';

/** The state of a person at one point of a route. */
export interface Standing {
  readonly qualifications: ReadonlySet<string>;
  readonly monthsInRole: number;
  readonly monthsQualified: number;
}

/** Checks a profile and fills defaults. */
export function readProfile(
  core: Core,
  fn: string,
  profile: unknown,
): Required<Omit<Profile, 'sector'>> {
  if (typeof profile !== 'object' || profile === null || Array.isArray(profile)) {
    throw new QueryOptionsError(
      fn,
      ['profile'],
      `the profile must be an object like { role, qualifications, monthsInRole, monthsQualified }, not ${describe(profile)}`,
    );
  }
  const p = profile as Record<string, unknown>;
  for (const key of Object.keys(p)) {
    if (!['role', 'qualifications', 'monthsInRole', 'monthsQualified'].includes(key)) {
      throw new QueryOptionsError(fn, ['profile', key], `unknown profile field "${key}"`);
    }
  }
  roleIndexOf(core, fn, p.role);
  const quals = p.qualifications ?? [];
  if (!Array.isArray(quals))
    throw new QueryOptionsError(
      fn,
      ['profile', 'qualifications'],
      'qualifications must be an array of qualification ids',
    );
  quals.forEach((q) => qualificationOf(core, fn, q));
  const months = (name: 'monthsInRole' | 'monthsQualified'): number => {
    const v = p[name] ?? 0;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      throw new QueryOptionsError(
        fn,
        ['profile', name],
        `${name} must be a finite number ≥ 0, not ${describe(v)}`,
      );
    }
    return v;
  };
  return Object.freeze({
    role: p.role as string,
    qualifications: Object.freeze([...new Set(quals as string[])]),
    monthsInRole: months('monthsInRole'),
    monthsQualified: months('monthsQualified'),
  });
}

/** What a transition still needs from someone standing where `standing` says. */
export function missingFor(t: LatticeTransition, standing: Standing): Missing {
  const needInRole = Math.max(
    t.requires?.monthsInRole ?? 0,
    t.kind === 'experience' ? t.months : 0,
  );
  return Object.freeze({
    qualifications: Object.freeze(
      (t.requires?.qualifications ?? []).filter((q) => !standing.qualifications.has(q)),
    ),
    monthsInRole: Math.max(0, needInRole - standing.monthsInRole),
    monthsQualified: Math.max(0, (t.requires?.monthsQualified ?? 0) - standing.monthsQualified),
  });
}

/**
 * Months from now until a move is made, given what is missing. A qualification move takes its
 * months of study once it can start. For the other kinds `months` is the typical time in post
 * before the move, and time already served counts against it (so does time spent waiting).
 */
export function stepMonths(t: LatticeTransition, wait: number, monthsInRole: number): number {
  return t.kind === 'qualification' ? wait + t.months : Math.max(wait, t.months - monthsInRole);
}

export function isOpen(missing: Missing): boolean {
  return (
    missing.qualifications.length === 0 &&
    missing.monthsInRole === 0 &&
    missing.monthsQualified === 0
  );
}

export function eligibility(core: Core, profile: Profile, options?: NextStepsOptions): Eligibility {
  const fn = 'eligibility';
  const p = readProfile(core, fn, profile);
  const standing: Standing = {
    qualifications: new Set(p.qualifications),
    monthsInRole: p.monthsInRole,
    monthsQualified: p.monthsQualified,
  };
  const open: EligibleMove[] = [];
  const blocked: EligibleMove[] = [];
  const here = core.index.roles[roleIndexOf(core, fn, p.role)]!;
  for (const move of nextSteps(core, p.role, options, fn)) {
    const missing = missingFor(move.transition, standing);
    const ok = isOpen(missing);
    const qualMonths = missing.qualifications.reduce(
      (sum, q) => sum + (core.qualifications.get(q)?.months ?? 0),
      0,
    );
    const wait = Math.max(missing.monthsInRole, missing.monthsQualified, qualMonths);
    const entry = Object.freeze({
      ...move,
      open: ok,
      missing,
      monthsToComplete: stepMonths(move.transition, wait, p.monthsInRole),
      pay: payChange(here, move.role),
    });
    (ok ? open : blocked).push(entry);
  }
  return Object.freeze({ profile: p, open: Object.freeze(open), blocked: Object.freeze(blocked) });
}
