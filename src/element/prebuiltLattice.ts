/**
 * A lattice over a dataset that was validated when its payload was built: the same core and
 * the same query functions as `Lattice`, without validating (or deep-freezing) the data again —
 * in a browser on a slow phone that was most of the start-up, and it keeps zod out of the
 * element's bundle. Only `latticeFromPayload` makes one, from a payload `site:build` (or
 * `buildPayload`) wrote from a ValidDataset.
 *
 * Why not `createLattice(ValidDataset)`: that brand is a record kept in memory (a WeakSet), so
 * data that crossed the network as JSON is rightly not one; the payload's validation happened
 * at build time, in another process.
 *
 * It offers the queries the element uses (`PlannerLattice`); a `Lattice` is one too, so the
 * views render either.
 */
import type { Lattice } from '../lattice/Lattice.js';
import { type Core, createCore, qualificationOf, roleIndexOf } from '../queries/core.js';
import { eligibility } from '../queries/eligibility.js';
import { kFastestRoutes } from '../queries/fastestRoutes.js';
import { find } from '../queries/find.js';
import { gapTo } from '../queries/gapTo.js';
import { nextSteps } from '../queries/moves.js';
import { roles } from '../queries/roles.js';
import type { Dataset, Qualification, Role, Source } from '../schema/dataset.js';
import type {
  Eligibility,
  FindResult,
  Gap,
  GapOptions,
  LatticeTransition,
  Move,
  NextStepsOptions,
  Profile,
  RoleFilter,
  RouteList,
  RouteOptions,
} from '../types.js';

/** What the element asks of a lattice. */
export type PlannerLattice = Pick<
  Lattice,
  | 'title'
  | 'version'
  | 'role'
  | 'hasRole'
  | 'roles'
  | 'qualification'
  | 'qualifications'
  | 'sources'
  | 'transitions'
  | 'find'
  | 'nextSteps'
  | 'kFastestRoutes'
  | 'eligibility'
  | 'gapTo'
> & {
  asOf(day: string): PlannerLattice;
  /** Builds the query index ahead of the first query (a lattice that has one built already has none). */
  prepare?(): void;
};

type InForce = {
  validFrom?: string | undefined;
  validUntil?: string | undefined;
  proposed?: boolean | undefined;
};

/** The same rule as Lattice.asOf. */
const inForce = (entry: InForce, day: string): boolean =>
  !entry.proposed &&
  (entry.validFrom === undefined || entry.validFrom <= day) &&
  (entry.validUntil === undefined || day < entry.validUntil);

export class PrebuiltLattice implements PlannerLattice {
  readonly #dataset: Dataset;
  #built: Core | undefined;
  readonly #byId: ReadonlyMap<string, Role>;
  readonly #asOf = new Map<string, PrebuiltLattice>();

  /** `dataset` must have passed validation (createLattice) unchanged. */
  constructor(dataset: Dataset) {
    this.#dataset = dataset;
    this.#byId = new Map(dataset.roles.map((r) => [r.id, r]));
  }

  /**
   * The query core (the graph index), built on the first query rather than with the lattice: the
   * landing state (a form, role titles) needs none of it, and on a slow phone it is the largest
   * single piece of start-up work. `prepare()` builds it ahead, in a task of its own.
   */
  get #core(): Core {
    this.#built ??= createCore(this.#dataset);
    return this.#built;
  }

  /** Builds the query core now (see #core). */
  prepare(): void {
    void this.#core;
  }

  /** The dataset as validated when the payload was built (toSvg reads the lattice by this shape). */
  get dataset(): Dataset {
    return this.#dataset;
  }

  get title(): string {
    return this.#dataset.title;
  }

  get version(): string {
    return this.#dataset.version;
  }

  role(id: string): Role {
    return this.#byId.get(id) ?? this.#core.index.roles[roleIndexOf(this.#core, 'role', id)]!;
  }

  hasRole(id: string): boolean {
    return this.#byId.has(id);
  }

  roles(filter?: RoleFilter): readonly Role[] {
    return filter === undefined ? this.#dataset.roles : roles(this.#core, filter);
  }

  qualification(id: string): Qualification {
    return qualificationOf(this.#core, 'qualification', id);
  }

  qualifications(): readonly Qualification[] {
    return this.#dataset.qualifications;
  }

  sources(): readonly Source[] {
    return this.#dataset.sources;
  }

  transitions(): readonly LatticeTransition[] {
    return this.#core.index.transitions.all();
  }

  find(text: string, options?: { limit?: number }): readonly FindResult[] {
    return find(this.#core, text, options);
  }

  nextSteps(id: string, options?: NextStepsOptions): readonly Move[] {
    return nextSteps(this.#core, id, options);
  }

  kFastestRoutes(from: string, to: string, k: number, options?: RouteOptions): RouteList {
    return kFastestRoutes(this.#core, from, to, k, options);
  }

  eligibility(profile: Profile, options?: NextStepsOptions): Eligibility {
    return eligibility(this.#core, profile, options);
  }

  gapTo(profile: Profile, target: string, options?: GapOptions): Gap {
    return gapTo(this.#core, profile, target, options);
  }

  /** The careers as they stand on `day` (YYYY-MM-DD), as Lattice.asOf. */
  asOf(day: string): PrebuiltLattice {
    const cached = this.#asOf.get(day);
    if (cached) return cached;
    const d = this.#dataset;
    const keep = new Set(d.roles.filter((r) => inForce(r, day)).map((r) => r.id));
    const lattice = new PrebuiltLattice({
      ...d,
      roles: d.roles.filter((r) => keep.has(r.id)),
      transitions: d.transitions.filter(
        (t) => inForce(t, day) && keep.has(t.from) && keep.has(t.to),
      ),
    });
    this.#asOf.set(day, lattice);
    return lattice;
  }
}

/**
 * The lattice of a payload's dataset, without validating it again (see above). The one call to
 * change when the library gains its own way to build from validated data.
 */
export function latticeFromPayload(payload: { readonly dataset: Dataset }): PrebuiltLattice {
  return new PrebuiltLattice(payload.dataset);
}
