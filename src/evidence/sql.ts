/**
 * The aggregation, as SQL: the one place it is written. It runs unchanged on DuckDB (the embedded
 * default, duckdb.ts) and on Spark SQL or a warehouse at national scale (README, "Evidence at
 * national scale"): plain ANSI window functions, GROUP BY and UNION ALL; no engine's own date
 * functions (dates arrive as day numbers) and no DDL.
 *
 * Inputs, two tables (or views):
 *   records(line BIGINT, person STRING, title STRING, start_day INT, end_day INT, end_bad INT)
 *     one row per record; start_day/end_day are days since 1970-01-01, NULL when empty or not a
 *     date; end_bad = 1 when the end is written but is not a date.
 *   title_map(title STRING, role STRING)  each title (trimmed) that matched a role, and its id.
 *
 * Output: one small table, the Aggregates of aggregates.ts, one `section` at a time:
 *   life     role, kind, to_role, months, n        spells that ended `kind` after `months`
 *   people   role, kind, to_role, n                different people behind each outcome
 *   role     role, n, people, days                 spells, people and days in each role
 *   joined   role, n, people                       spells that began from outside
 *   problem  kind (the code), n                    records with each problem
 *   line     kind (the code), line, other_line     the first problem lines
 *   period   first_day, as_of
 * It names no person and no title, and holds no date but the period.
 */

/** Portable SQL needs a literal: the as-of day number, or NULL. */
function asOfLiteral(asOfDay: number | undefined): string {
  if (asOfDay === undefined) return 'CAST(NULL AS INT)';
  if (!Number.isSafeInteger(asOfDay))
    throw new RangeError(`evidenceSql: asOfDay must be a whole number of days, not ${asOfDay}`);
  return `CAST(${asOfDay} AS INT)`;
}

/** The titles and how many records carry each: matched to roles in TypeScript, then loaded as title_map. */
export const TITLES_SQL = 'SELECT title, COUNT(*) AS n FROM records GROUP BY title';

/** The aggregation. `problemLines` caps the problem lines listed (all are counted). */
export function evidenceSql(options: { asOfDay?: number; problemLines?: number } = {}): string {
  const limit = options.problemLines ?? 1000;
  if (!Number.isSafeInteger(limit) || limit < 0)
    throw new RangeError(`evidenceSql: problemLines must be a whole number ≥ 0, not ${limit}`);
  const w = 'PARTITION BY person ORDER BY start_day, line';
  return `WITH
checked AS (
  SELECT r.line, r.person, m.role, r.start_day, r.end_day,
    CASE
      WHEN r.person IS NULL THEN 'no_person'
      WHEN r.start_day IS NULL THEN 'unknown_start'
      WHEN r.end_bad = 1 THEN 'unknown_end'
      WHEN r.end_day IS NOT NULL AND r.end_day < r.start_day THEN 'end_before_start'
      ELSE NULL
    END AS problem
  FROM records r LEFT JOIN title_map m ON r.title = m.title
),
good AS (
  SELECT line, person, COALESCE(role, '') AS rk, start_day, end_day FROM checked WHERE problem IS NULL
),
limits AS (
  SELECT MIN(start_day) AS first_day,
    CASE WHEN ${asOfLiteral(options.asOfDay)} > MAX(CASE WHEN end_day IS NOT NULL AND end_day > start_day THEN end_day ELSE start_day END)
      THEN ${asOfLiteral(options.asOfDay)}
      ELSE MAX(CASE WHEN end_day IS NOT NULL AND end_day > start_day THEN end_day ELSE start_day END) END AS as_of
  FROM good
),
ordered AS (
  SELECT line, person, rk, start_day, end_day,
    MAX(COALESCE(end_day, 2147483647)) OVER (${w} ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end,
    LAG(line) OVER (${w}) AS prev_line,
    CASE WHEN LAG(rk) OVER (${w}) = rk THEN 0 ELSE 1 END AS new_island
  FROM good
),
numbered AS (
  SELECT person, rk, start_day, end_day,
    SUM(new_island) OVER (${w} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS island
  FROM ordered
),
islands AS (
  SELECT person, island, MIN(rk) AS rk, MIN(start_day) AS start_day, MAX(COALESCE(end_day, 2147483647)) AS end_day
  FROM numbered GROUP BY person, island
),
linked AS (
  SELECT person, rk, start_day, end_day,
    LEAD(rk) OVER (PARTITION BY person ORDER BY island) AS next_rk,
    LEAD(start_day) OVER (PARTITION BY person ORDER BY island) AS next_start,
    LAG(rk) OVER (PARTITION BY person ORDER BY island) AS prev_rk
  FROM islands
),
outcomes AS (
  SELECT person, rk AS role, prev_rk,
    CASE WHEN next_rk IS NOT NULL THEN (CASE WHEN next_rk = '' THEN 'other' ELSE 'move' END)
         WHEN end_day < 2147483647 THEN 'left' ELSE 'in_post' END AS kind,
    CASE WHEN next_rk IS NOT NULL AND next_rk <> '' THEN next_rk ELSE '' END AS to_role,
    (CASE WHEN next_rk IS NOT NULL THEN next_start WHEN end_day < 2147483647 THEN end_day ELSE l.as_of END) - start_day AS days
  FROM linked CROSS JOIN limits l
  WHERE rk <> ''
),
problems AS (
  SELECT line, problem AS code, CAST(NULL AS BIGINT) AS other_line FROM checked WHERE problem IS NOT NULL
  UNION ALL
  SELECT line, 'overlap' AS code, prev_line AS other_line FROM ordered WHERE prev_end > start_day
)
SELECT 'life' AS section, role, kind, to_role, CAST(FLOOR(CAST(days * 48 AS DOUBLE) / CAST(1461 AS DOUBLE) + CAST(0.5 AS DOUBLE)) AS INT) AS months,
  COUNT(*) AS n, CAST(NULL AS BIGINT) AS people, CAST(NULL AS BIGINT) AS days, CAST(NULL AS BIGINT) AS line, CAST(NULL AS BIGINT) AS other_line
FROM outcomes GROUP BY role, kind, to_role, CAST(FLOOR(CAST(days * 48 AS DOUBLE) / CAST(1461 AS DOUBLE) + CAST(0.5 AS DOUBLE)) AS INT)
UNION ALL
SELECT 'people', role, kind, to_role, CAST(NULL AS INT), CAST(NULL AS BIGINT), COUNT(DISTINCT person), CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS BIGINT)
FROM outcomes GROUP BY role, kind, to_role
UNION ALL
SELECT 'role', role, CAST(NULL AS STRING), CAST(NULL AS STRING), CAST(NULL AS INT), COUNT(*), COUNT(DISTINCT person), SUM(CAST(days AS BIGINT)), CAST(NULL AS BIGINT), CAST(NULL AS BIGINT)
FROM outcomes GROUP BY role
UNION ALL
SELECT 'joined', role, CAST(NULL AS STRING), CAST(NULL AS STRING), CAST(NULL AS INT), COUNT(*), COUNT(DISTINCT person), CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS BIGINT)
FROM outcomes WHERE prev_rk IS NULL OR prev_rk = '' GROUP BY role
UNION ALL
SELECT 'problem', CAST(NULL AS STRING), code, CAST(NULL AS STRING), CAST(NULL AS INT), COUNT(*), CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS BIGINT)
FROM problems GROUP BY code
UNION ALL
SELECT 'line', CAST(NULL AS STRING), code, CAST(NULL AS STRING), CAST(NULL AS INT), CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), line, other_line
FROM (SELECT line, code, other_line FROM problems ORDER BY line, code LIMIT ${limit}) first_problems
UNION ALL
SELECT 'period', CAST(NULL AS STRING), CAST(NULL AS STRING), CAST(NULL AS STRING), CAST(NULL AS INT), CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(first_day AS BIGINT), CAST(as_of AS BIGINT)
FROM limits
`;
}
