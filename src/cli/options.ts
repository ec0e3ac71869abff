/**
 * Option values from the command line, checked as they are parsed: a bad value is a clear
 * usage error (exit 2) naming the option, never a surprise further down.
 */
import { type Command, InvalidArgumentError, Option } from 'commander';
import { DIRECTIONS, QUALIFICATION_KINDS, TRANSITION_KINDS } from '../schema/constants.js';
import type { Direction, QualificationKind, TransitionKind } from '../schema/dataset.js';
import type { RouteOptions, WeightOption } from '../types.js';
import { isCalendarDay } from '../util/calendarDay.js';
import { collectIds, refuseSplitIds } from './idList.js';

/** A whole number ≥ min. */
export const wholeNumber =
  (min: number) =>
  (value: string): number => {
    const n = Number(value);
    if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < min)
      throw new InvalidArgumentError(`expected a whole number ≥ ${min}.`);
    return n;
  };

/** A number of months ≥ 0. */
export function monthsValue(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0)
    throw new InvalidArgumentError('expected a number of months ≥ 0.');
  return n;
}

/** A real calendar day, YYYY-MM-DD: `2025-13-45` and `2025-02-30` are not. */
export function calendarDate(value: string): string {
  if (!isCalendarDay(value.trim()))
    throw new InvalidArgumentError('expected a calendar date, YYYY-MM-DD (e.g. 2027-09-01).');
  return value.trim();
}

/** Comma lists (`\,` for a comma inside an id), and the option given more than once: `--avoid a,b --avoid c`. */
export const collect = collectIds;

const oneOf =
  <T extends string>(known: readonly T[], what: string) =>
  (value: string, previous: T[] | undefined): T[] => {
    const items = collect(value, undefined);
    for (const item of items) {
      if (!known.includes(item as T))
        throw new InvalidArgumentError(
          `"${item}" is not a ${what}; choose from ${known.join(', ')}.`,
        );
    }
    return [...(previous ?? []), ...(items as T[])];
  };

export const kindsValue = oneOf<TransitionKind>(TRANSITION_KINDS, 'transition kind');
export const directionsValue = oneOf<Direction>(DIRECTIONS, 'direction');
export const qualificationKindsValue = oneOf<QualificationKind>(
  QUALIFICATION_KINDS,
  'qualification kind',
);

/** The route options every route command shares. */
export function addRouteOptions(cmd: Command, { maxSteps }: { maxSteps: string }): Command {
  return cmd
    .option('--max-steps <n>', `at most this many moves (${maxSteps})`, wholeNumber(1))
    .option(
      '--kinds <kinds>',
      `only moves of these kinds, comma-separated: ${TRANSITION_KINDS.join(', ')}`,
      kindsValue,
    )
    .option(
      '--avoid <roles>',
      'never pass through these roles (comma-separated or repeated; \\, for a comma in an id)',
      collect,
    )
    .option(
      '--via <roles>',
      'pass through each of these roles (comma-separated or repeated; \\, for a comma in an id)',
      collect,
    )
    .option(
      '--directions <dirs>',
      'allowed directions, comma-separated: up, across, down (default up,across)',
      directionsValue,
    )
    .addOption(
      new Option('--weight <measure>', 'what "fastest" means (observed, trodden: with --evidence)')
        .choices(['months', 'steps', 'observed', 'trodden'])
        .default('months'),
    );
}

export interface RouteFlags {
  readonly maxSteps?: number;
  readonly kinds?: TransitionKind[];
  readonly avoid?: string[];
  readonly via?: string[];
  readonly directions?: Direction[];
  readonly weight?: string;
}

/** The library's RouteOptions from the flags, with role names already resolved to ids. */
export function routeOptions(flags: RouteFlags, resolve: (text: string) => string): RouteOptions {
  const isId = (text: string): boolean => {
    try {
      return resolve(text) === text;
    } catch {
      return false;
    }
  };
  refuseSplitIds('avoid', flags.avoid, isId);
  refuseSplitIds('via', flags.via, isId);
  return {
    ...(flags.maxSteps !== undefined ? { maxSteps: flags.maxSteps } : {}),
    ...(flags.kinds ? { kinds: flags.kinds } : {}),
    ...(flags.avoid ? { avoid: flags.avoid.map(resolve) } : {}),
    ...(flags.via ? { via: flags.via.map(resolve) } : {}),
    ...(flags.directions ? { directions: flags.directions } : {}),
    ...(flags.weight ? { weight: flags.weight as WeightOption } : {}),
  };
}

/** The `Examples:` block every command's --help ends with. */
export function examples(lines: readonly (readonly [command: string, what: string])[]): string {
  return `\nExamples:\n${lines.map(([command, what]) => `  $ ${command}\n      ${what}`).join('\n')}\n`;
}
