/**
 * Public result and option types of the Lattice's queries. Results are plain, frozen data.
 */
import type {
  Dataset,
  Direction,
  Pay,
  Qualification,
  Requirements,
  Role,
  Track,
  Transition,
  TransitionKind,
} from './schema/dataset.js';

/** A transition as the lattice holds it: with its deterministic key and derived direction. */
export type LatticeTransition = Transition & {
  /** Stable, unique key: the transition's `id`, or `from>to:kind` (with `#n` for repeats). */
  readonly key: string;
  readonly direction: Direction;
};

/**
 * How a route is weighed: months (default), steps, or a function of a transition (a finite number
 * from 0 to 10^15). A route's weight is the exact sum of its transitions' weights: weights whose
 * floating-point sums would round are first each rounded to a power-of-two grain fine enough that
 * none moves by more than a 2^-51 part of the heaviest weight times their number (README,
 * "Weights add up exactly").
 */
export type WeightOption = 'months' | 'steps' | ((transition: LatticeTransition) => number);

/**
 * The sector a query is limited to (e.g. `children`): no move, role or qualification outside it is
 * offered. Default: the dataset's own `sector` (an overlay can fix it), else every sector.
 */
export interface SectorOption {
  readonly sector?: string;
}

/** Options shared by every route query. The last three (WorkLimits) every bounded query takes. */
export interface RouteOptions extends SectorOption {
  /** Only transitions of these kinds. Default: all. */
  readonly kinds?: readonly TransitionKind[];
  /** Never pass through these roles. */
  readonly avoid?: readonly string[];
  /** Pass through each of these roles (in any order). */
  readonly via?: readonly string[];
  /** Allowed directions. Default `['up', 'across']`; `down` only when asked. */
  readonly directions?: readonly Direction[];
  /** Default `'months'`. */
  readonly weight?: WeightOption;
  /** At most this many transitions. */
  readonly maxSteps?: number;
  /**
   * Units of work (edges looked at) before the query stops: with `truncated`, or with
   * QueryBudgetError where the answer must be exact. Default DEFAULT_BUDGET.
   */
  readonly budget?: number;
  /** Cancels a query: aborted before it starts, or from inside it (a weight callback). */
  readonly signal?: AbortSignal;
  /** Milliseconds of wall-clock time before the query stops, as if its budget ran out. */
  readonly timeoutMs?: number;
}

/** The limits every bounded query takes, beside its own options. */
export type WorkLimits = Pick<RouteOptions, 'budget' | 'signal' | 'timeoutMs'>;

export interface PathsOptions extends RouteOptions {
  /** At most this many routes (default 50). */
  readonly limit?: number;
}

/** A route through the lattice: its roles and transitions in order, with totals. Frozen data. */
export interface Route {
  /** Role ids from start to end; `roles.length === steps + 1`. */
  readonly roles: readonly string[];
  readonly transitions: readonly LatticeTransition[];
  /** Total typical months. */
  readonly months: number;
  readonly steps: number;
  /** Total under the chosen weight. */
  readonly weight: number;
  /** Qualifications gained along the route, in order. */
  readonly gains: readonly string[];
  /** Qualifications some step requires that no earlier step of the route grants. */
  readonly requires: readonly string[];
  /** True when any step's months is an estimate. */
  readonly estimated: boolean;
  /** The least and most months: the sum of the steps' ranges (a step without one counts its months). Holds `months`. */
  readonly monthsRange: { readonly least: number; readonly most: number };
  /** The pay change of each step and of the whole route (first role to last), where both ends have sourced pay. */
  readonly pay: RoutePay;
}

/** A move's effect on pay: both roles' reference pay, and the change when both are known and comparable. */
export interface PayChange {
  readonly from: Pay | undefined;
  readonly to: Pay | undefined;
  /** `to.min - from.min` and `to.max - from.max`; undefined when either side has no figure, or the two are for different currencies, periods, years or areas. */
  readonly change: { readonly min: number; readonly max: number } | undefined;
}

/** What a route pays: the pay change of each step and of the whole route, where the roles have sourced pay. */
export interface RoutePay {
  readonly steps: readonly PayChange[];
  readonly overall: PayChange;
}

/** Routes ranked best first (weight, then steps, then ids), and whether more may exist. */
export interface RouteList {
  readonly routes: readonly Route[];
  /** True when a limit or the work budget cut the search short: more routes may exist. */
  readonly truncated: boolean;
}

/** A move out of a role: the transition, the role it leads to, and its direction. */
export interface Move {
  readonly transition: LatticeTransition;
  readonly role: Role;
  readonly direction: Direction;
}

/** Options of nextSteps, horizontalMoves and eligibility: which moves to list. */
export interface NextStepsOptions extends SectorOption {
  readonly kinds?: readonly TransitionKind[];
  /** Default: all three directions. */
  readonly directions?: readonly Direction[];
}

/** Options of `roles(filter)`: every field given must match (a role's `sectors` must include `sector`). */
export interface RoleFilter {
  readonly track?: Track | readonly Track[];
  readonly level?: number;
  readonly minLevel?: number;
  readonly maxLevel?: number;
  readonly sector?: string;
  readonly stage?: string;
  readonly entry?: boolean;
  readonly specialism?: string;
  /** Roles whose post needs this credential. */
  readonly credential?: string;
}

/** One match of `find(text)`: the role, how well and by what it matched. */
export interface FindResult {
  readonly role: Role;
  /** How closely `text` matched: 1 = exact; lower is a looser match. */
  readonly score: number;
  /** What matched. Specialism matches are listed after every id, title or alias match. */
  readonly matched: 'id' | 'title' | 'alias' | 'specialism';
  /** The id, title, alias or specialism that matched. */
  readonly text: string;
}

/** A role `reachableFrom` reaches: the least weight, and the months and steps of that route. */
export interface Reachable {
  readonly role: string;
  readonly weight: number;
  readonly months: number;
  readonly steps: number;
}

export interface ReachableOptions
  extends Pick<RouteOptions, 'kinds' | 'avoid' | 'directions' | 'weight' | 'maxSteps' | 'sector'>,
    WorkLimits {
  /** Only roles within this weight. */
  readonly maxWeight?: number;
}

/** A move into a role, the role it comes from and what it requires. */
export interface IncomingRequirement {
  readonly transition: LatticeTransition;
  readonly from: Role;
  readonly requires: Requirements;
}

/** What `prerequisitesFor(role)` found a role needs. */
export interface Prerequisites {
  readonly role: string;
  /** Where routes were taken from: the given `from`, or every entry role. */
  readonly from: readonly string[];
  readonly reachable: boolean;
  /** Each incoming transition and what it requires. */
  readonly incoming: readonly IncomingRequirement[];
  /** Qualifications every route needs. */
  readonly every: readonly string[];
  /** Qualifications some (not all) routes need. */
  readonly some: readonly string[];
  /** Least months to reach the role, and that route's steps (undefined when unreachable). */
  readonly months: number | undefined;
  readonly steps: number | undefined;
  readonly fastest: Route | undefined;
  /** The budget ran out while deciding `some`: each item listed is certain, but some may be missing. */
  readonly truncated: boolean;
}

/** Options of prerequisitesFor: where routes start, which moves they use, and the work limits. */
export interface PrerequisitesOptions
  extends Pick<RouteOptions, 'kinds' | 'directions' | 'sector'>,
    WorkLimits {
  /** Routes from this role only (default: from every entry role). */
  readonly from?: string;
}

/** Where a person stands: their role, qualifications held and months served (both default 0). */
export interface Profile {
  /** The person's current role. */
  readonly role: string;
  /** The sector the person works in: their moves are limited to it (as the `sector` option). */
  readonly sector?: string;
  /** Qualifications (and warrants) held. */
  readonly qualifications?: readonly string[];
  /** Months served in the current role. */
  readonly monthsInRole?: number;
  /** Months since qualifying (registering) as a social worker. */
  readonly monthsQualified?: number;
}

/** What a person still lacks for a move. */
export interface Missing {
  readonly qualifications: readonly string[];
  /** Months still to serve in the current role (0 when met). */
  readonly monthsInRole: number;
  /** Months still to gain since qualifying (0 when met). */
  readonly monthsQualified: number;
}

/** A move with whether it is open to the person now and, if not, what is missing. */
export interface EligibleMove extends Move {
  readonly open: boolean;
  readonly missing: Missing;
  /** Months until the move is complete from today: waiting plus the move itself. */
  readonly monthsToComplete: number;
  /** What the move does to pay. */
  readonly pay: PayChange;
}

/** `eligibility(profile)`: the moves open now and those blocked, each with what is missing. */
export interface Eligibility {
  readonly profile: Required<Omit<Profile, 'sector'>>;
  readonly open: readonly EligibleMove[];
  readonly blocked: readonly EligibleMove[];
}

/** One step of a gap route: the move, the wait before it, its duration and what was missing. */
export interface GapStep {
  readonly transition: LatticeTransition;
  /** Months waited before the step can start (time to serve, qualifications to gain). */
  readonly wait: number;
  /** Months the step itself takes once started. */
  readonly duration: number;
  /** What was missing at that point of the route. */
  readonly missing: Missing;
  /** What the step does to pay. */
  readonly pay: PayChange;
}

/** gapTo's options: which moves the route may use, and the work limits. */
export type GapOptions = Pick<RouteOptions, 'kinds' | 'avoid' | 'directions' | 'sector'> &
  WorkLimits;

/** `gapTo(profile, target)`: the quickest route from where a person stands, counting time still to serve. */
export interface Gap {
  readonly from: string;
  readonly target: string;
  readonly reachable: boolean;
  readonly route: Route | undefined;
  readonly steps: readonly GapStep[];
  /** Qualifications the route needs that the person lacks and the route does not grant. */
  readonly missingQualifications: readonly string[];
  /** Total months from today, counting months still to serve. */
  readonly months: number | undefined;
  readonly truncated: boolean;
}

export type { Dataset, Direction, Qualification, Role, Track, Transition, TransitionKind };
