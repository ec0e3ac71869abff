/**
 * The evidence file's shape, checked when one is read back (it may have been edited, or come
 * from a Spark job): every problem listed, with its path.
 */
import * as z from 'zod/mini';
import { EvidenceInputError } from './errors.js';
import { EVIDENCE_FORMAT, type Evidence, ROLE_FIELDS } from './evidence.js';

const count = z.number().check(z.int(), z.gte(0));
const months = z.nullable(count);
const quartiles = z.object({ p25: months, median: months, p75: months });
const fraction = z.number().check(z.gte(0), z.lte(1));
const id = z.string().check(z.minLength(1));

export const evidenceSchema = z.object({
  format: z.literal(EVIDENCE_FORMAT),
  version: z.literal(1),
  source: z.nullable(z.string()),
  period: z.object({
    from: z.nullable(z.number().check(z.int())),
    to: z.nullable(z.number().check(z.int())),
  }),
  method: z.string(),
  moves: z.array(
    z.object({
      from: id,
      to: id,
      count,
      atRisk: count,
      share: fraction,
      estimatedShare: fraction,
      months: quartiles,
    }),
  ),
  // leftWorkforce … fteUnknown are optional: evidence files written before they existed still read.
  roles: z.array(
    z.object({
      role: id,
      spells: count,
      joined: z.nullable(count),
      left: z.nullable(count),
      inPost: z.nullable(count),
      toOther: z.nullable(count),
      leavingRate: z.nullable(z.number().check(z.gte(0))),
      leftWorkforce: z.optional(z.nullable(count)),
      retired: z.optional(z.nullable(count)),
      leftInternal: z.optional(z.nullable(count)),
      workforceLeavingRate: z.optional(z.nullable(z.number().check(z.gte(0)))),
      partTime: z.optional(z.nullable(count)),
      fullTime: z.optional(z.nullable(count)),
      fteUnknown: z.optional(z.nullable(count)),
      months: quartiles,
    }),
  ),
  suppressed: z.object({
    minCount: z.number().check(z.int(), z.gte(1)),
    primary: count,
    complementary: count,
    roles: count,
    moves: count,
    fields: z.array(z.object({ role: id, field: z.enum(ROLE_FIELDS) })),
    note: z.string(),
  }),
  framework: z.optional(
    z.object({
      notObserved: z.array(z.object({ from: id, to: id })),
      notDesigned: z.array(z.object({ from: id, to: id })),
    }),
  ),
});

/** An evidence file's contents, checked; EvidenceInputError listing every problem otherwise. */
export function parseEvidence(value: unknown, where = 'the evidence file'): Evidence {
  const result = z.safeParse(evidenceSchema, value);
  if (result.success) return result.data as Evidence;
  const problems = result.error.issues
    .slice(0, 20)
    .map((issue) => `- ${issue.path.length ? issue.path.join('.') : '(top)'}: ${issue.message}`);
  throw new EvidenceInputError(
    `${where} is not a career-lattice evidence file (${result.error.issues.length} problem${result.error.issues.length === 1 ? '' : 's'}):\n${problems.join('\n')}`,
  );
}
