/**
 * The prebuilt payload the element loads: a dataset validated at build time (`site:build`, or
 * `buildPayload` in any build script) plus what a council's overlay took away, so a stale link
 * to a removed role can be explained rather than met with an empty form.
 *
 * The envelope only: the lattice is built from it by `latticeFromPayload` (prebuiltLattice.ts), in
 * the planner's lazily loaded chunk.
 */
import type { Dataset } from '../schema/dataset.js';
import type { PayloadEvidence } from './evidence.js';

export const PAYLOAD_FORMAT = 'career-lattice/payload';
export const PAYLOAD_VERSION = 1;

export interface RemovedRole {
  readonly id: string;
  readonly title: string;
}

export interface Payload {
  readonly format: typeof PAYLOAD_FORMAT;
  readonly version: typeof PAYLOAD_VERSION;
  /** A dataset that passed validation when the payload was built. */
  readonly dataset: Dataset;
  /** Roles of the national data the council's overlay removed (id and national title). */
  readonly removed: readonly RemovedRole[];
  /**
   * Observed figures from the council's workforce records, publication-safe (`site:build
   * --evidence FILE`); absent when the site has none.
   */
  readonly evidence?: PayloadEvidence;
}

/**
 * The payload for a validated dataset, the base it was derived from (for `removed`), and the
 * evidence to show with it (already made publication-safe: see examples/council-site/src/evidence.ts).
 */
export function buildPayload(
  dataset: Dataset,
  base?: Dataset,
  evidence?: PayloadEvidence,
): Payload {
  const kept = new Set(dataset.roles.map((r) => r.id));
  const removed = (base?.roles ?? [])
    .filter((r) => !kept.has(r.id))
    .map((r) => ({ id: r.id, title: r.title }));
  return {
    format: PAYLOAD_FORMAT,
    version: PAYLOAD_VERSION,
    dataset,
    removed,
    ...(evidence ? { evidence } : {}),
  };
}

/** Thrown when a payload cannot be fetched or is not one. */
export class PayloadError extends Error {
  override readonly name = 'PayloadError';
}

/** Checks the envelope only: the dataset inside was validated when the payload was built. */
export function asPayload(value: unknown, where: string): Payload {
  const p = value as Partial<Payload> | null;
  if (typeof p !== 'object' || p === null || p.format !== PAYLOAD_FORMAT) {
    throw new PayloadError(
      `${where} is not a career-lattice payload (build one with npm run site:build)`,
    );
  }
  if (p.version !== PAYLOAD_VERSION)
    throw new PayloadError(
      `${where} is payload version ${String(p.version)}; this element reads version ${PAYLOAD_VERSION}`,
    );
  if (typeof p.dataset !== 'object' || p.dataset === null || !Array.isArray(p.removed))
    throw new PayloadError(`${where} has no dataset`);
  const ev = p.evidence as Partial<PayloadEvidence> | undefined;
  if (
    ev !== undefined &&
    (typeof ev !== 'object' ||
      ev === null ||
      !Array.isArray(ev.moves) ||
      !Array.isArray(ev.unpublished))
  )
    throw new PayloadError(`${where} has evidence the element cannot read`);
  return p as Payload;
}

export async function fetchPayload(url: string, signal?: AbortSignal): Promise<Payload> {
  let response: Response;
  try {
    response = await fetch(url, { signal: signal ?? null, credentials: 'same-origin' });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new PayloadError(`could not fetch ${url}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!response.ok) throw new PayloadError(`could not fetch ${url}: HTTP ${response.status}`);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new PayloadError(`${url} is not JSON`);
  }
  return asPayload(json, url);
}
