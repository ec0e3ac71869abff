/**
 * The Lattice: a validated career framework, built once into a compact index and read-only
 * afterwards. Every query returns plain, frozen data.
 */
import { QueryOptionsError } from '../errors.js';
import { sectorOption, sectorView } from '../model/sector.js';
import { type Core, createCore, qualificationOf, roleIndexOf } from '../queries/core.js';
import { eligibility } from '../queries/eligibility.js';
import { fastestRoute, kFastestRoutes } from '../queries/fastestRoutes.js';
import { find } from '../queries/find.js';
import { gapTo } from '../queries/gapTo.js';
import { horizontalMoves, nextSteps } from '../queries/moves.js';
import { pathsBetween } from '../queries/pathsBetween.js';
import { prerequisitesFor } from '../queries/prerequisitesFor.js';
import { reachableFrom } from '../queries/reachableFrom.js';
import { ladder, roles, rolesRequiring } from '../queries/roles.js';
import type {
  Dataset,
  DatasetInput,
  Qualification,
  Role,
  Source,
  Track,
} from '../schema/dataset.js';
import type { ValidDataset } from '../schema/valid.js';
import type {
  Eligibility,
  FindResult,
  Gap,
  GapOptions,
  LatticeTransition,
  Move,
  NextStepsOptions,
  PathsOptions,
  Prerequisites,
  PrerequisitesOptions,
  Profile,
  Reachable,
  ReachableOptions,
  RoleFilter,
  Route,
  RouteList,
  RouteOptions,
} from '../types.js';
import { isCalendarDay } from '../util/calendarDay.js';
import { describe } from '../util/describe.js';
import { deepFreeze } from '../util/freeze.js';
import { validated } from './validation.js';

/** What the queries see: the dataset, or — when it is limited to a sector — that sector's view of it. */
function queryable(dataset: Dataset): Dataset {
  return dataset.sector === undefined ? dataset : sectorView(dataset, dataset.sector);
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `sector` taken out of a query's options (the queries themselves never see it); anything else is passed on as given. */
function splitSector<T>(options: T): [unknown, T] {
  if (!isRecord(options) || !Object.hasOwn(options, 'sector')) return [undefined, options];
  const { sector, ...rest } = options;
  return [sector, rest as T];
}

/**
 * Validates a dataset and builds the lattice.
 *
 * @throws LatticeValidationError listing every problem, each with its path.
 * @example
 * const lattice = createLattice(ukSocialWork);
 * lattice.fastestRoute('newly-qualified-social-worker', 'team-manager')?.months;
 */
export function createLattice(dataset: DatasetInput | ValidDataset): Lattice {
  // A ValidDataset (from validateDataset, extendDataset, datasetFromCsv…) is not validated again.
  const parsed = validated(dataset, 'createLattice');
  OWNED.add(parsed);
  return new Lattice(parsed);
}

/**
 * Datasets nobody else holds a reference to: the output of validation (zod builds every object
 * and array afresh; tests/immutability.prop.test.ts checks that nothing is shared with the input)
 * and asOf()'s filtered copies of already-frozen data, both valid. The constructor freezes these
 * in place; any other dataset it validates first, which also copies it (on 500k transitions a
 * second copy alone took seconds).
 */
const OWNED = new WeakSet<object>();

type InForce = {
  validFrom?: string | undefined;
  validUntil?: string | undefined;
  proposed?: boolean | undefined;
};

function inForce(entry: InForce, date: string): boolean {
  return (
    !entry.proposed &&
    (entry.validFrom === undefined || entry.validFrom <= date) &&
    (entry.validUntil === undefined || date < entry.validUntil)
  );
}

const CORES = new WeakMap<Lattice, Core>();

/**
 * The query core behind a lattice, for the exports that run the algorithms on its index
 * (internal: not part of the public API). A lattice from the package's other build (ESM or CJS)
 * is not in this build's map: its dataset, valid and frozen already, gets a core of its own.
 */
export function coreOf(lattice: Lattice): Core {
  let core = CORES.get(lattice);
  if (core === undefined) {
    core = createCore(queryable(lattice.dataset));
    CORES.set(lattice, core);
  }
  return core;
}

/** Lattices asOf() keeps per lattice, most recently used first: one per date asked would grow without end. */
const AS_OF_CACHE = 16;

/**
 * An immutable, validated career lattice and every query on it. Build one with `createLattice`;
 * `asOf(date)` and `inSector(sector)` give views of it.
 */
export class Lattice {
  readonly #dataset: Dataset;
  readonly #core: Core;
  readonly #asOf = new Map<string, Lattice>();
  readonly #sectors = new Map<string, Lattice>();

  /**
   * Prefer createLattice(). The constructor validates too (and keeps its own frozen copy), so a
   * dataset with a dangling reference can never become an edge to the wrong role.
   * @throws LatticeValidationError listing every problem, each with its path.
   */
  constructor(dataset: Dataset) {
    const owned: Dataset = OWNED.has(dataset) ? dataset : validated(dataset, 'new Lattice');
    this.#dataset = deepFreeze(owned);
    this.#core = createCore(queryable(owned));
    CORES.set(this, this.#core);
  }

  /** The validated dataset (frozen; read-only: a lattice never changes). */
  get dataset(): Dataset {
    return this.#dataset;
  }

  /** The dataset's id. */
  get id(): string {
    return this.dataset.id;
  }

  /** The dataset's title. */
  get title(): string {
    return this.dataset.title;
  }

  /** The dataset's version. */
  get version(): string {
    return this.dataset.version;
  }

  /** Number of roles and transitions. */
  get size(): { readonly roles: number; readonly transitions: number } {
    return { roles: this.#core.index.n, transitions: this.#core.index.m };
  }

  /**
   * The role with this id.
   * @throws UnknownIdError naming the closest ids.
   * @example lattice.role('team-manager').level
   */
  role(id: string): Role {
    return this.#core.index.roles[roleIndexOf(this.#core, 'role', id)]!;
  }

  /**
   * Whether a role has this id (never throws).
   * @example lattice.hasRole('team-manager') // true
   */
  hasRole(id: string): boolean {
    return this.#core.index.roleIndex.has(id);
  }

  /**
   * Whether a qualification has this id (never throws).
   * @example lattice.hasQualification('amhp-warrant') // true
   */
  hasQualification(id: string): boolean {
    return this.#core.qualifications.has(id);
  }

  /**
   * Roles in dataset order, optionally filtered by track, level, sector, stage, entry, specialism or credential.
   * @example lattice.roles({ track: 'practice', minLevel: 3 })
   */
  roles(filter?: RoleFilter): readonly Role[] {
    return roles(this.#core, filter);
  }

  /**
   * The qualification with this id.
   * @throws UnknownIdError naming the closest ids.
   * @example lattice.qualification('amhp-warrant').kind
   */
  qualification(id: string): Qualification {
    return qualificationOf(this.#core, 'qualification', id);
  }

  /** Every qualification, in dataset order. */
  qualifications(): readonly Qualification[] {
    return this.dataset.qualifications;
  }

  /** The sources the dataset cites, in dataset order. */
  sources(): readonly Source[] {
    return this.dataset.sources;
  }

  /** Every transition, with its key and direction, ordered by (from, to, key). */
  transitions(): readonly LatticeTransition[] {
    return this.#core.index.transitions.all();
  }

  /**
   * Forgiving search over ids, titles and aliases (case, accents, word prefixes, typos): best match
   * first; then roles by their specialisms (`matched: 'specialism'`).
   * @example lattice.find('snr practitoner')[0]?.role.id // 'senior-practitioner'
   */
  find(text: string, options?: { limit?: number }): readonly FindResult[] {
    return find(this.#core, text, options);
  }

  /**
   * Moves out of a role (all directions unless `directions` says otherwise).
   * @example lattice.nextSteps('team-manager', { directions: ['down'] }) // back to practice
   */
  nextSteps(id: string, options?: NextStepsOptions): readonly Move[] {
    const [sector, opts] = splitSector(options);
    return nextSteps(this.#coreFor('nextSteps', sector), id, opts);
  }

  /**
   * Moves to roles at the same level: deepening expertise is a career too.
   * @example lattice.horizontalMoves('senior-practitioner').map((m) => m.role.title)
   */
  horizontalMoves(id: string, options?: Omit<NextStepsOptions, 'directions'>): readonly Move[] {
    const [sector, opts] = splitSector(options);
    return horizontalMoves(this.#coreFor('horizontalMoves', sector), id, opts);
  }

  /**
   * Simple routes, best first (weight, then steps, then ids); bounded by `maxSteps` (8), `limit` (50,
   * at most MAX_ROUTES), a work budget and `timeoutMs` — `truncated` says when routes were left out.
   * @example lattice.pathsBetween('social-worker', 'team-manager', { kinds: ['experience', 'vacancy'] }).routes
   */
  pathsBetween(from: string, to: string, options?: PathsOptions): RouteList {
    const [sector, opts] = splitSector(options);
    return pathsBetween(this.#coreFor('pathsBetween', sector), from, to, opts);
  }

  /**
   * The least-weight simple route, or undefined. Exact; no step limit unless given.
   * @throws QueryBudgetError when the work budget or `timeoutMs` runs out before the answer is
   * certain (any search can; in practice `via`, `maxSteps` or a huge lattice).
   * @example lattice.fastestRoute('newly-qualified-social-worker', 'principal-social-worker')?.months
   */
  fastestRoute(from: string, to: string, options?: RouteOptions): Route | undefined {
    const [sector, opts] = splitSector(options);
    return fastestRoute(this.#coreFor('fastestRoute', sector), from, to, opts);
  }

  /**
   * The k least-weight simple routes (Yen's algorithm), best first; at most MAX_ROUTES. Never
   * throws for lack of budget: `truncated` says fewer than k came back because it ran out (or
   * because k was above MAX_ROUTES and more exist).
   * @example lattice.kFastestRoutes('social-worker', 'head-of-service', 3).routes.map((r) => r.months)
   */
  kFastestRoutes(from: string, to: string, k: number, options?: RouteOptions): RouteList {
    const [sector, opts] = splitSector(options);
    return kFastestRoutes(this.#coreFor('kFastestRoutes', sector), from, to, k, opts);
  }

  /**
   * What a role needs: per incoming move; on every simple route from an entry role (or `from`); on
   * some (not all) of them; and the least months to reach it. `truncated` when the budget ran out
   * deciding `some` (what it lists is certain, but it may miss some).
   * @throws QueryBudgetError when even `every` or the fastest route could not be finished.
   * @example lattice.prerequisitesFor('approved-mental-health-professional').every
   */
  prerequisitesFor(id: string, options?: PrerequisitesOptions): Prerequisites {
    const [sector, opts] = splitSector(options);
    return prerequisitesFor(this.#coreFor('prerequisitesFor', sector), id, opts);
  }

  /**
   * Roles reachable from a role, with least weight, months and steps. Exact.
   * @throws QueryBudgetError when the work budget or `timeoutMs` runs out first.
   * @example lattice.reachableFrom('social-worker', { maxWeight: 36 }).map((r) => r.role)
   */
  reachableFrom(id: string, options?: ReachableOptions): readonly Reachable[] {
    const [sector, opts] = splitSector(options);
    return reachableFrom(this.#coreFor('reachableFrom', sector), id, opts);
  }

  /**
   * Moves open to a person now, and exactly what is missing for the rest.
   * @example lattice.eligibility({ role: 'social-worker', monthsInRole: 18, monthsQualified: 30 }).open
   */
  eligibility(profile: Profile, options?: NextStepsOptions): Eligibility {
    const [optionSector, opts] = splitSector(options);
    const [sector, person] = this.#profileSector('eligibility', profile, optionSector);
    return eligibility(this.#coreFor('eligibility', sector), person as Profile, opts);
  }

  /**
   * The quickest route from where a person stands to a target, counting months still to serve.
   * Never throws for lack of budget: `truncated` says the route is the best found before it ran
   * out (`reachable` stays exact).
   * @example lattice.gapTo({ role: 'social-worker', monthsInRole: 6 }, 'team-manager').months
   */
  gapTo(profile: Profile, target: string, options?: GapOptions): Gap {
    const [optionSector, opts] = splitSector(options);
    const [sector, person] = this.#profileSector('gapTo', profile, optionSector);
    return gapTo(this.#coreFor('gapTo', sector), person as Profile, target, opts);
  }

  /**
   * A track's roles in order of level.
   * @example lattice.ladder('management').map((r) => r.title)
   */
  ladder(track: Track): readonly Role[] {
    return ladder(this.#core, track);
  }

  /**
   * Roles that need a qualification or warrant (held as a credential, or required to move in).
   * @example lattice.rolesRequiring('amhp-warrant').map((r) => r.id)
   */
  rolesRequiring(qualification: string): readonly Role[] {
    return rolesRequiring(this.#core, qualification);
  }

  /**
   * The lattice as one sector sees it (e.g. `children`): every role is kept (ids still resolve),
   * but only the moves and qualifications in the sector are offered — a move limited to other
   * sectors, a move to or from a role outside the sector, or one needing or granting a
   * qualification outside it, is left out. Every query's `sector` option is this view.
   * @throws QueryOptionsError for a sector the data does not name, or when the lattice is already
   * limited to another sector (by its dataset or overlay).
   * @example lattice.inSector('children').nextSteps('newly-qualified-social-worker')
   */
  inSector(sector: string): Lattice {
    const fixed = this.dataset.sector;
    if (fixed !== undefined && sector === fixed) return this;
    const name = sectorOption('inSector', sector, this.dataset)!;
    if (fixed !== undefined) {
      throw new QueryOptionsError(
        'inSector',
        ['sector'],
        `this lattice is limited to the "${fixed}" sector by its data; it cannot answer for "${name}"`,
      );
    }
    let view = this.#sectors.get(name);
    if (!view) {
      const dataset: Dataset = { ...this.dataset, sector: name };
      OWNED.add(dataset);
      view = new Lattice(dataset);
      this.#sectors.set(name, view);
    }
    return view;
  }

  /** The core a query runs on: this lattice's, or its sector view's when `sector` is asked for. */
  #coreFor(fn: string, sector: unknown): Core {
    if (sector === undefined || sector === this.dataset.sector) return this.#core;
    if (typeof sector !== 'string') sectorOption(fn, sector, this.dataset);
    try {
      return coreOf(this.inSector(sector as string));
    } catch (error) {
      // Name the query, not inSector, in the message.
      if (error instanceof QueryOptionsError)
        throw new QueryOptionsError(fn, ['sector'], error.message.replace(/^inSector: /, ''));
      throw error;
    }
  }

  /** The sector a person's question is about: the option, or the profile's (they must agree). */
  #profileSector(fn: string, profile: unknown, optionSector: unknown): [unknown, unknown] {
    const [own, rest] = splitSector(profile);
    if (own !== undefined && optionSector !== undefined && own !== optionSector) {
      throw new QueryOptionsError(
        fn,
        ['sector'],
        `the profile's sector ${describe(own)} and the sector option ${describe(optionSector)} disagree`,
      );
    }
    return [optionSector ?? own, rest];
  }

  /**
   * The lattice as it stands on a date: entries outside their validFrom/validUntil window, and
   * proposals not in force, are left out.
   */
  asOf(date: string | Date): Lattice {
    const day =
      typeof date === 'string'
        ? date
        : date instanceof Date && !Number.isNaN(date.getTime())
          ? date.toISOString().slice(0, 10)
          : undefined;
    if (day === undefined || !isCalendarDay(day)) {
      throw new QueryOptionsError(
        'asOf',
        ['date'],
        `the date must be a calendar day YYYY-MM-DD or a valid Date, not ${describe(date)}`,
      );
    }
    const cached = this.#asOf.get(day);
    if (cached) {
      this.#asOf.delete(day);
      this.#asOf.set(day, cached);
      return cached;
    }
    const keep = new Set(this.dataset.roles.filter((r) => inForce(r, day)).map((r) => r.id));
    const filtered: Dataset = {
      ...this.dataset,
      roles: this.dataset.roles.filter((r) => keep.has(r.id)),
      transitions: this.dataset.transitions.filter(
        (t) => inForce(t, day) && keep.has(t.from) && keep.has(t.to),
      ),
    };
    OWNED.add(filtered);
    const lattice = new Lattice(filtered);
    this.#asOf.set(day, lattice);
    if (this.#asOf.size > AS_OF_CACHE) this.#asOf.delete(this.#asOf.keys().next().value!);
    return lattice;
  }

  /** The dataset as plain JSON-safe data (a copy). */
  toJSON(): Dataset {
    return structuredClone(this.dataset) as Dataset;
  }
}
