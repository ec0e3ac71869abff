/**
 * The aggregation, as SQL: the one place it is written. It runs unchanged on DuckDB (the embedded
 * default, duckdb.ts) and on Spark SQL or a warehouse at national scale (README, "Evidence at
 * national scale"): plain ANSI window functions, GROUP BY, LIKE and UNION ALL; no engine's own
 * date functions (dates arrive as day numbers) and no DDL.
 *
 * Inputs, two tables (or views):
 *   records(line BIGINT, person STRING, title STRING, start_day INT, end_day INT, end_bad INT,
 *           sector STRING, agency INT, fte DOUBLE, leaving STRING)
 *     one row per record; start_day/end_day are days since 1970-01-01, NULL when empty or not a
 *     date; end_bad = 1 when the end is written but is not a date; sector as written (NULL when
 *     empty); agency = 1 for an agency spell; fte NULL when not given; leaving the category of the
 *     leaving reason (workforce, retired, internal; NULL when not given): records.ts says how.
 *   title_map(title STRING, role STRING, agency_role STRING)
 *     each title (trimmed) that matched a role, its id, and the role its agency spells count in
 *     (NULL or empty: the same role).
 *
 * Output: one small table, the Aggregates of aggregates.ts, one `section` at a time:
 *   life     role, kind, to_role, months, n        spells that ended `kind` after `months`
 *                                                  (to_role: the next role for a move, the
 *                                                  leaving category for left)
 *   people   role, kind, to_role, people           different people behind each outcome
 *   role     role, n, people, days                 spells, people and days in each role
 *   joined   role, n, people                       spells that began from outside
 *   fte      role, kind (part, full, unknown), n, people   spells by full-time equivalent
 *   problem  kind (the code), n                    records with each problem
 *   line     kind (the code), line, other_line     the first problem lines
 *   period   first_day, as_of (in line, other_line)
 * It names no person and no title, and holds no date but the period.
 *
 * Cost: roles, leaving reasons and FTE are small integers from here on (role ids come back
 * only in the small result), and there are two sorts. The records are sorted by person once (one window pass gives each record its
 * neighbours: overlaps, the next role, where a spell began); only records in runs of one role —
 * a spell of several records — are sorted again, to be merged (few). The spells are then sorted
 * by person and role once, so that people are counted as first rows: no COUNT(DISTINCT person),
 * no hash table over every person.
 */

/** Stands for "no end yet" (an open spell) in running maxima; the TypeScript engine's OPEN. */
const OPEN = 2147483647;

/** Portable SQL needs a literal: the as-of day number, or NULL. */
function asOfLiteral(asOfDay: number | undefined): string {
  if (asOfDay === undefined) return 'CAST(NULL AS INT)';
  if (!Number.isSafeInteger(asOfDay))
    throw new RangeError(`evidenceSql: asOfDay must be a whole number of days, not ${asOfDay}`);
  return `CAST(${asOfDay} AS INT)`;
}

/** A record outside the sector (its sector does not start with the prefix) counts as a post outside the framework. */
function outOfSector(prefix: string | undefined): string {
  if (prefix === undefined) return '1 = 0';
  if (!/^[a-z0-9 -]+$/.test(prefix))
    throw new RangeError(
      `evidenceSql: the sector prefix must be lower-case letters, digits, spaces or hyphens, not ${JSON.stringify(prefix)}`,
    );
  return `r.sector IS NOT NULL AND lower(r.sector) NOT LIKE '${prefix}%'`;
}

/** The titles and how many records carry each: matched to roles in TypeScript, then loaded as title_map. */
export const TITLES_SQL = 'SELECT title, COUNT(*) AS n FROM records GROUP BY title';

/**
 * The aggregation. `problemLines` caps the problem lines listed (all are counted); `sectorPrefix`
 * (records.ts sectorPrefix) keeps one sector's records, the rest counting as posts outside.
 */
export function evidenceSql(
  options: { asOfDay?: number; problemLines?: number; sectorPrefix?: string } = {},
): string {
  const limit = options.problemLines ?? 1000;
  if (!Number.isSafeInteger(limit) || limit < 0)
    throw new RangeError(`evidenceSql: problemLines must be a whole number ≥ 0, not ${limit}`);
  const w = 'PARTITION BY person ORDER BY start_day, line';
  // The second (and last) sort: a person's spells in one role, by outcome, so people are counted
  // as first rows rather than with COUNT(DISTINCT person) or a hash table of every person.
  const v = 'PARTITION BY person, role_k ORDER BY kind, to_k, start_day';
  const whole = 'ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING';
  const months =
    'CAST(FLOOR(CAST(days * 48 AS DOUBLE) / CAST(1461 AS DOUBLE) + CAST(0.5 AS DOUBLE)) AS INT)';
  const nulls = (...types: string[]) => types.map((t) => `CAST(NULL AS ${t})`).join(', ');
  // A record set aside: the same test everywhere it is needed, on the records themselves, so
  // that no large intermediate result is read twice (an engine would have to keep it).
  const problem = `CASE
      WHEN r.person IS NULL THEN 'no_person'
      WHEN r.start_day IS NULL THEN 'unknown_start'
      WHEN r.end_bad = 1 THEN 'unknown_end'
      WHEN r.end_day IS NOT NULL AND r.end_day < r.start_day THEN 'end_before_start'
      ELSE NULL
    END`;
  const good = `r.person IS NOT NULL AND r.start_day IS NOT NULL AND r.end_bad = 0 AND (r.end_day IS NULL OR r.end_day >= r.start_day)`;
  const sums = (cols: string) =>
    `COUNT(*) AS n, SUM(first_outcome) AS outcome_people, SUM(first_in_role) AS people, SUM(CAST(days AS BIGINT)) AS days,
    SUM(joined) AS joined, SUM(first_in_role * any_joined) AS joined_people,
    SUM(CASE WHEN fte_k = 0 THEN 1 ELSE 0 END) AS part, SUM(first_in_role * any_part) AS part_people,
    SUM(CASE WHEN fte_k = 1 THEN 1 ELSE 0 END) AS full_time, SUM(first_in_role * any_full) AS full_people,
    SUM(CASE WHEN fte_k = 2 THEN 1 ELSE 0 END) AS unknown, SUM(first_in_role * any_unknown) AS unknown_people
  FROM counted GROUP BY GROUPING SETS (${cols})`;
  return `WITH
limits AS (
  SELECT MIN(r.start_day) AS first_day,
    CASE WHEN ${asOfLiteral(options.asOfDay)} > MAX(CASE WHEN r.end_day IS NOT NULL AND r.end_day > r.start_day THEN r.end_day ELSE r.start_day END)
      THEN ${asOfLiteral(options.asOfDay)}
      ELSE MAX(CASE WHEN r.end_day IS NOT NULL AND r.end_day > r.start_day THEN r.end_day ELSE r.start_day END) END AS as_of
  FROM records r WHERE ${good}
),
codes AS (
  SELECT role, CAST(ROW_NUMBER() OVER (ORDER BY role) AS INT) AS k FROM (
    SELECT role FROM title_map WHERE NULLIF(role, '') IS NOT NULL
    UNION SELECT agency_role FROM title_map WHERE NULLIF(agency_role, '') IS NOT NULL
  ) named_roles
),
coded_map AS (
  SELECT m.title, c.k, a.k AS agency_k
  FROM title_map m JOIN codes c ON m.role = c.role LEFT JOIN codes a ON m.agency_role = a.role
),
good AS (
  SELECT r.line, r.person, r.start_day, r.end_day,
    CASE WHEN r.fte IS NULL THEN 2 WHEN r.fte < 1 THEN 0 ELSE 1 END AS fte_k,
    CASE r.leaving WHEN 'workforce' THEN 1 WHEN 'retired' THEN 2 WHEN 'internal' THEN 3 ELSE 0 END AS leave_k,
    CASE
      WHEN ${outOfSector(options.sectorPrefix)} THEN 0
      WHEN r.agency = 1 AND m.agency_k IS NOT NULL THEN m.agency_k
      ELSE COALESCE(m.k, 0)
    END AS rk
  FROM records r LEFT JOIN coded_map m ON r.title = m.title
  WHERE ${good}
),
bounds AS (
  SELECT line, person, rk, start_day, end_day, fte_k, leave_k,
    CASE WHEN MAX(COALESCE(end_day, ${OPEN})) OVER (${w} ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) > start_day
      THEN LAG(line) OVER (${w}) END AS overlap_line,
    LAG(rk) OVER (${w}) AS prev_rk,
    LEAD(rk) OVER (${w}) AS next_rk,
    LEAD(start_day) OVER (${w}) AS next_start,
    CASE WHEN LAG(rk) OVER (${w}) IS NULL OR LAG(rk) OVER (${w}) <> rk THEN 1 ELSE 0 END AS is_first,
    CASE WHEN LEAD(rk) OVER (${w}) IS NULL OR LEAD(rk) OVER (${w}) <> rk THEN 1 ELSE 0 END AS is_last
  FROM good
),
runs AS (
  SELECT person, rk, start_day, end_day, fte_k, leave_k, prev_rk, next_rk, next_start, is_first, is_last,
    SUM(is_first) OVER (${w} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS island
  FROM bounds WHERE rk <> 0 AND (is_first = 0 OR is_last = 0)
),
spells AS (
  SELECT person, rk, start_day, COALESCE(end_day, ${OPEN}) AS end_day, fte_k, leave_k, prev_rk, next_rk, next_start
  FROM bounds WHERE rk <> 0 AND is_first = 1 AND is_last = 1
  UNION ALL
  SELECT person, MIN(rk), MIN(start_day), MAX(COALESCE(end_day, ${OPEN})), MIN(fte_k),
    MAX(CASE WHEN is_last = 1 THEN leave_k END), MAX(CASE WHEN is_first = 1 THEN prev_rk END),
    MAX(CASE WHEN is_last = 1 THEN next_rk END), MAX(CASE WHEN is_last = 1 THEN next_start END)
  FROM runs GROUP BY person, island
),
outcomes AS (
  SELECT person, rk AS role_k, start_day, fte_k,
    CASE WHEN prev_rk IS NULL OR prev_rk = 0 THEN 1 ELSE 0 END AS joined,
    CASE WHEN next_rk IS NOT NULL THEN (CASE WHEN next_rk = 0 THEN 'other' ELSE 'move' END)
         WHEN end_day < ${OPEN} THEN 'left' ELSE 'in_post' END AS kind,
    CASE WHEN next_rk IS NOT NULL THEN next_rk WHEN end_day < ${OPEN} THEN leave_k ELSE 0 END AS to_k,
    (CASE WHEN next_rk IS NOT NULL THEN next_start WHEN end_day < ${OPEN} THEN end_day ELSE l.as_of END) - start_day AS days
  FROM spells CROSS JOIN limits l
),
counted AS (
  SELECT role_k, kind, to_k, days, ${months} AS months, joined, fte_k,
    CASE WHEN ROW_NUMBER() OVER (${v}) = 1 THEN 1 ELSE 0 END AS first_in_role,
    CASE WHEN ROW_NUMBER() OVER (${v}) = 1 OR LAG(kind) OVER (${v}) <> kind OR LAG(to_k) OVER (${v}) <> to_k THEN 1 ELSE 0 END AS first_outcome,
    MAX(joined) OVER (${v} ${whole}) AS any_joined,
    MAX(CASE WHEN fte_k = 0 THEN 1 ELSE 0 END) OVER (${v} ${whole}) AS any_part,
    MAX(CASE WHEN fte_k = 1 THEN 1 ELSE 0 END) OVER (${v} ${whole}) AS any_full,
    MAX(CASE WHEN fte_k = 2 THEN 1 ELSE 0 END) OVER (${v} ${whole}) AS any_unknown
  FROM outcomes
),
grouped AS (
  SELECT role_k, kind, to_k, months, ${sums('(role_k, kind, to_k, months), (role_k, kind, to_k), (role_k)')}
),
figures AS (
  SELECT c.role, g.kind,
    CASE WHEN g.kind = 'move' THEN t.role
         WHEN g.kind = 'left' THEN (CASE g.to_k WHEN 1 THEN 'workforce' WHEN 2 THEN 'retired' WHEN 3 THEN 'internal' ELSE '' END)
         ELSE '' END AS to_role,
    g.months, g.n, g.outcome_people, g.people, g.days, g.joined, g.joined_people, g.part, g.part_people,
    g.full_time, g.full_people, g.unknown, g.unknown_people
  FROM grouped g JOIN codes c ON g.role_k = c.k LEFT JOIN codes t ON g.to_k = t.k
),
problems AS (
  SELECT r.line, ${problem} AS code, CAST(NULL AS BIGINT) AS other_line FROM records r WHERE NOT (${good})
  UNION ALL
  SELECT line, 'overlap' AS code, overlap_line AS other_line FROM bounds WHERE overlap_line IS NOT NULL
)
SELECT 'life' AS section, role, kind, to_role, months,
  n, CAST(NULL AS BIGINT) AS people, CAST(NULL AS BIGINT) AS days, CAST(NULL AS BIGINT) AS line, CAST(NULL AS BIGINT) AS other_line
FROM figures WHERE months IS NOT NULL
UNION ALL
SELECT 'people', role, kind, to_role, ${nulls('INT', 'BIGINT')}, outcome_people, ${nulls('BIGINT', 'BIGINT', 'BIGINT')}
FROM figures WHERE months IS NULL AND kind IS NOT NULL
UNION ALL
SELECT 'role', role, ${nulls('STRING', 'STRING', 'INT')}, n, people, days, ${nulls('BIGINT', 'BIGINT')}
FROM figures WHERE kind IS NULL
UNION ALL
SELECT 'joined', role, ${nulls('STRING', 'STRING', 'INT')}, joined, joined_people, ${nulls('BIGINT', 'BIGINT', 'BIGINT')}
FROM figures WHERE kind IS NULL AND joined > 0
UNION ALL
SELECT 'fte', role, 'part', ${nulls('STRING', 'INT')}, part, part_people, ${nulls('BIGINT', 'BIGINT', 'BIGINT')}
FROM figures WHERE kind IS NULL AND part > 0
UNION ALL
SELECT 'fte', role, 'full', ${nulls('STRING', 'INT')}, full_time, full_people, ${nulls('BIGINT', 'BIGINT', 'BIGINT')}
FROM figures WHERE kind IS NULL AND full_time > 0
UNION ALL
SELECT 'fte', role, 'unknown', ${nulls('STRING', 'INT')}, unknown, unknown_people, ${nulls('BIGINT', 'BIGINT', 'BIGINT')}
FROM figures WHERE kind IS NULL AND unknown > 0
UNION ALL
SELECT 'problem', ${nulls('STRING')}, code, ${nulls('STRING', 'INT')}, COUNT(*), ${nulls('BIGINT', 'BIGINT', 'BIGINT', 'BIGINT')}
FROM problems GROUP BY code
UNION ALL
SELECT 'line', ${nulls('STRING')}, code, ${nulls('STRING', 'INT', 'BIGINT', 'BIGINT', 'BIGINT')}, line, other_line
FROM (SELECT line, code, other_line FROM problems ORDER BY line, code LIMIT ${limit}) first_problems
UNION ALL
SELECT 'period', ${nulls('STRING', 'STRING', 'STRING', 'INT', 'BIGINT', 'BIGINT', 'BIGINT')}, CAST(first_day AS BIGINT), CAST(as_of AS BIGINT)
FROM limits
`;
}
