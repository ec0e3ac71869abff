/**
 * Type tests of the public API (vitest typecheck mode: checked by the compiler, run in
 * `npm test`). They pin what a TypeScript user of the package sees: the result types of the
 * queries, that results are read-only, the error classes and the options a query accepts.
 */
import { describe, expectTypeOf, it } from 'vitest';
import {
  createLattice,
  type Dataset,
  type Eligibility,
  extendDataset,
  type Gap,
  type Issue,
  type Lattice,
  type LatticeError,
  type LatticeTransition,
  type LatticeValidationError,
  MAX_ROUTES,
  type Prerequisites,
  type QueryOptionsError,
  type Reachable,
  type Route,
  type RouteList,
  type TransitionKind,
  toJsonLd,
  toMermaid,
  type UnknownIdError,
  UnknownRoleError,
  ukSocialWork,
  validateDataset,
} from '../../src/index.js';

const lattice = createLattice(ukSocialWork);

describe('the public API, as the compiler sees it', () => {
  it('createLattice builds a Lattice from a dataset', () => {
    expectTypeOf(createLattice).returns.toEqualTypeOf<Lattice>();
    expectTypeOf(lattice.dataset).toEqualTypeOf<Dataset>();
    expectTypeOf(lattice.size).toEqualTypeOf<{
      readonly roles: number;
      readonly transitions: number;
    }>();
  });

  it('look-ups: has… answers a boolean, role/qualification return the entry', () => {
    expectTypeOf(lattice.hasRole).parameters.toEqualTypeOf<[id: string]>();
    expectTypeOf(lattice.hasRole).returns.toEqualTypeOf<boolean>();
    expectTypeOf(lattice.hasQualification).parameters.toEqualTypeOf<[id: string]>();
    expectTypeOf(lattice.hasQualification).returns.toEqualTypeOf<boolean>();
    expectTypeOf(lattice.role('x').id).toEqualTypeOf<string>();
    expectTypeOf(lattice.transitions()).toEqualTypeOf<readonly LatticeTransition[]>();
  });

  it('route queries return Routes; a Route is read-only data', () => {
    expectTypeOf(lattice.fastestRoute('a', 'b')).toEqualTypeOf<Route | undefined>();
    expectTypeOf(lattice.pathsBetween('a', 'b')).toEqualTypeOf<RouteList>();
    expectTypeOf(lattice.kFastestRoutes('a', 'b', 3)).toEqualTypeOf<RouteList>();
    expectTypeOf<RouteList['routes']>().toEqualTypeOf<readonly Route[]>();
    expectTypeOf<Route['roles']>().toEqualTypeOf<readonly string[]>();
    expectTypeOf<Route['transitions']>().toEqualTypeOf<readonly LatticeTransition[]>();
    expectTypeOf<Route['months']>().toEqualTypeOf<number>();
    expectTypeOf<LatticeTransition['kind']>().toEqualTypeOf<TransitionKind>();
    // @ts-expect-error: results are read-only.
    lattice.pathsBetween('a', 'b').routes.push(undefined as unknown as Route);
    expectTypeOf(MAX_ROUTES).toEqualTypeOf<number>();
  });

  it('query options are checked by the compiler', () => {
    expectTypeOf(lattice.pathsBetween)
      .parameter(2)
      .toMatchTypeOf<{ limit?: number; maxSteps?: number } | undefined>();
    // @ts-expect-error: no such option.
    lattice.pathsBetween('a', 'b', { limt: 3 });
    // @ts-expect-error: kinds are the four transition kinds.
    lattice.fastestRoute('a', 'b', { kinds: ['promotion'] });
  });

  it('the other questions have their own result types', () => {
    expectTypeOf(lattice.prerequisitesFor('a')).toEqualTypeOf<Prerequisites>();
    expectTypeOf<Prerequisites['every']>().toEqualTypeOf<readonly string[]>();
    expectTypeOf(lattice.reachableFrom('a')).toEqualTypeOf<readonly Reachable[]>();
    expectTypeOf(lattice.eligibility({ role: 'a' })).toEqualTypeOf<Eligibility>();
    expectTypeOf(lattice.gapTo({ role: 'a' }, 'b')).toEqualTypeOf<Gap>();
    expectTypeOf(lattice.asOf('2026-01-01')).toEqualTypeOf<Lattice>();
  });

  it('errors: one hierarchy; UnknownRoleError is UnknownIdError under its 0.x name', () => {
    expectTypeOf<UnknownIdError>().toMatchTypeOf<LatticeError>();
    expectTypeOf<UnknownRoleError>().toEqualTypeOf<UnknownIdError>();
    expectTypeOf(UnknownRoleError).toEqualTypeOf<typeof UnknownIdError>();
    expectTypeOf<UnknownIdError['entity']>().toEqualTypeOf<'role' | 'qualification'>();
    expectTypeOf<UnknownIdError['suggestions']>().toEqualTypeOf<readonly string[]>();
    expectTypeOf<LatticeValidationError['issues']>().toEqualTypeOf<readonly Issue[]>();
    expectTypeOf<QueryOptionsError['path']>().toEqualTypeOf<readonly (string | number)[]>();
  });

  it('validation, overlays and exports', () => {
    expectTypeOf(validateDataset).returns.toHaveProperty('success');
    expectTypeOf(extendDataset).returns.toMatchTypeOf<Dataset>();
    expectTypeOf(toMermaid).parameter(0).toEqualTypeOf<Lattice>();
    expectTypeOf(toJsonLd(lattice)['@context']).toEqualTypeOf<'https://schema.org'>();
  });
});
