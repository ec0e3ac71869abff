/**
 * nextSteps and horizontalMoves: the moves out of a role, each with its transition, the
 * role it leads to and its direction.
 */

import { checkOptions } from '../arguments.js';
import { DIRECTIONS } from '../schema/constants.js';
import type { Move, NextStepsOptions } from '../types.js';
import { type Core, roleIndexOf } from './core.js';
import { filterOf } from './options.js';

export function nextSteps(
  core: Core,
  id: string,
  options?: NextStepsOptions,
  fn = 'nextSteps',
): readonly Move[] {
  const opts = checkOptions(fn, options, ['kinds', 'directions']);
  const u = roleIndexOf(core, fn, id);
  const { edgeOk } = filterOf(
    core,
    fn,
    { kinds: opts.kinds, directions: opts.directions },
    DIRECTIONS,
  );
  const { index } = core;
  const moves: Move[] = [];
  for (let e = index.outStart[u]!; e < index.outStart[u + 1]!; e++) {
    if (edgeOk !== null && edgeOk[e] === 0) continue;
    const transition = index.transitions.at(e);
    moves.push(
      Object.freeze({
        transition,
        role: index.roles[index.edgeTo[e]!]!,
        direction: transition.direction,
      }),
    );
  }
  return Object.freeze(moves);
}

/** Moves to roles at the same level: deepening expertise is a career too. */
export function horizontalMoves(
  core: Core,
  id: string,
  options?: Omit<NextStepsOptions, 'directions'>,
): readonly Move[] {
  const opts = checkOptions('horizontalMoves', options, ['kinds']);
  return nextSteps(
    core,
    id,
    { ...(opts.kinds !== undefined ? { kinds: opts.kinds as never } : {}), directions: ['across'] },
    'horizontalMoves',
  );
}
