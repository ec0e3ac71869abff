/**
 * `--evidence FILE` on the query commands: observed figures laid over the lattice. Kept here so
 * the commands each need only a line: route weights `observed` and `trodden`, and the sentences
 * printed under a route or a list of moves.
 */
import { EvidenceInputError } from '../evidence/errors.js';
import type { EvidenceOnLattice, layEvidence } from '../evidence/onLattice.js';
import type { Lattice } from '../lattice/Lattice.js';
import type { Route, RouteOptions } from '../types.js';
import type { Context } from './context.js';
import { CliUsageError } from './errors.js';
import { readJsonFile } from './load.js';

const cache = new WeakMap<Context, EvidenceOnLattice | undefined>();

let lay: typeof layEvidence | undefined;

/**
 * Loads the evidence code — with zod, which checks evidence files — only for a call with
 * --evidence; the context awaits this beside the lattice, so evidenceOf can stay synchronous.
 */
export async function loadEvidenceSupport(): Promise<void> {
  lay ??= (await import('../evidence/onLattice.js')).layEvidence;
}

/** The evidence named by --evidence, over this lattice; undefined without the flag. */
export function evidenceOf(ctx: Context, lattice: Lattice): EvidenceOnLattice | undefined {
  if (cache.has(ctx)) return cache.get(ctx);
  const file = (ctx.flags as { evidence?: string }).evidence;
  let on: EvidenceOnLattice | undefined;
  if (file !== undefined) {
    if (!lay) throw new Error('internal error: evidence support was not loaded before the query');
    try {
      on = lay(
        lattice,
        readJsonFile(file, ctx.io.cwd, 'evidence file'),
        `The evidence file ${file}`,
      );
    } catch (error) {
      if (error instanceof EvidenceInputError) throw new CliUsageError(error.message);
      throw error;
    }
  }
  cache.set(ctx, on);
  return on;
}

/** Route options with `--weight observed|trodden` turned into the evidence's weight functions. */
export function withEvidenceWeight<T extends RouteOptions>(
  ctx: Context,
  lattice: Lattice,
  options: T,
): T {
  const weight = options.weight as unknown;
  if (weight !== 'observed' && weight !== 'trodden') return options;
  const on = evidenceOf(ctx, lattice);
  if (!on)
    throw new CliUsageError(
      `--weight ${weight} needs observed evidence: add --evidence FILE (made by "career-lattice evidence --out FILE").`,
    );
  return { ...options, weight: weight === 'observed' ? on.observedMonths : on.trodden };
}

/** The evidence sentences for a route, indented, or '' without evidence. */
export function routeEvidenceText(ctx: Context, lattice: Lattice, route: Route): string {
  const on = evidenceOf(ctx, lattice);
  const lines = on?.routeSentences(route) ?? [];
  return lines.length
    ? `\n${lines.map((l) => `  ${ctx.style.dim(`Observed: ${l}`)}`).join('\n')}`
    : '';
}

/** The evidence sentences for moves out of `from`. */
export function movesEvidenceText(
  ctx: Context,
  lattice: Lattice,
  from: string,
  to: readonly string[],
): string {
  const on = evidenceOf(ctx, lattice);
  if (!on) return '';
  const lines = to.map((t) => on.sentence(from, t)).filter((x): x is string => x !== undefined);
  const source = on.evidence.source
    ? ` (${on.evidence.source}, ${on.evidence.period.from}–${on.evidence.period.to})`
    : ` (${on.evidence.period.from}–${on.evidence.period.to})`;
  return lines.length
    ? `\n${ctx.style.bold(`Observed${source}`)}\n${lines.map((l) => `  ${l}`).join('\n')}`
    : `\n${ctx.style.dim('No observed moves out of this role in the evidence.')}`;
}
