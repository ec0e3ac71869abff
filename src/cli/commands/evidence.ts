/**
 * `career-lattice evidence FILE`: observed moves and times from an HR job-history extract (CSV,
 * NDJSON, Parquet) or a DfE workforce census return, private by default. Prints the analyst's
 * report (titles that did not match, problem lines); `--out` writes only the publishable evidence.
 */
import { accessSync, constants } from 'node:fs';
import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { agencyMap } from '../../evidence/agency.js';
import { CENSUS_ROLE_MAPPING } from '../../evidence/census.js';
import { EvidenceEngineError, EvidenceInputError } from '../../evidence/errors.js';
import { DEFAULT_MIN_COUNT } from '../../evidence/evidence.js';
import { aggregatesFromSqlRows } from '../../evidence/fromSqlRows.js';
import { matchTitles, type TitleMapping } from '../../evidence/matchTitles.js';
import { layEvidence } from '../../evidence/onLattice.js';
import { csvRows, formatOf, readCensusCsv, readRecordsText } from '../../evidence/readRecords.js';
import { sectorPrefix } from '../../evidence/records.js';
import {
  assembleReport,
  type EvidenceReport,
  type ReportOptions,
  reportFromPrepared,
} from '../../evidence/report.js';
import { evidenceSql, TITLES_SQL } from '../../evidence/sql.js';
import type { Lattice } from '../../lattice/Lattice.js';
import type { Context } from '../context.js';
import { CliUsageError, EXIT } from '../errors.js';
import { fsReason, readUserFile, writeUserFile } from '../files.js';
import { readJsonFile } from '../load.js';
import { calendarDate, examples, wholeNumber } from '../options.js';
import { addFormatOption } from '../output.js';
import { renderTable } from '../table.js';

interface Flags {
  readonly mapping?: string;
  readonly minCount?: number;
  readonly out?: string;
  readonly engine?: 'auto' | 'duckdb' | 'ts';
  readonly census?: boolean;
  readonly extractDate?: string;
  readonly source?: string;
  readonly aggregates?: boolean;
  readonly titles?: boolean;
  readonly printSql?: boolean;
  readonly agencyRole?: string;
}

/** A mapping file: JSON `{ "title": "role-id" | null }`, or CSV with `title,role` columns (empty role: outside the framework). */
function readMapping(path: string, cwd: string): TitleMapping {
  if (/\.csv$/i.test(path)) {
    const { header, rows } = csvRows(readUserFile(path, cwd, 'mapping file'));
    const [t, r] = [
      header.find((h) => /^title$/i.test(h.trim())),
      header.find((h) => /^role$/i.test(h.trim())),
    ];
    if (t === undefined || r === undefined)
      throw new CliUsageError(
        `The mapping file ${path} needs "title" and "role" columns; found ${header.join(', ')}.`,
      );
    return Object.fromEntries(rows.map(({ row }) => [row[t] ?? '', row[r]?.trim() || null]));
  }
  const json = readJsonFile(path, cwd, 'mapping file');
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    throw new CliUsageError(
      `The mapping file ${path} must be a JSON object: { "job title": "role-id" }.`,
    );
  return json as TitleMapping;
}

async function duckDbAvailable(): Promise<boolean> {
  try {
    const { loadDuckDb } = await import('../../evidence/duckdb.js');
    await loadDuckDb();
    return true;
  } catch {
    return false;
  }
}

async function buildReport(
  ctx: Context,
  _lattice: Lattice,
  file: string,
  flags: Flags,
  options: ReportOptions,
): Promise<EvidenceReport> {
  const cwd = ctx.io.cwd;
  if (flags.aggregates) {
    const rows = /\.json$/i.test(file)
      ? (readJsonFile(file, cwd, 'aggregates file') as Record<string, unknown>[])
      : csvRows(readUserFile(file, cwd, 'aggregates file')).rows.map((r) => r.row);
    if (!Array.isArray(rows))
      throw new CliUsageError(
        `The aggregates file ${file} must be a list of rows (the output of the evidence SQL).`,
      );
    const aggregates = aggregatesFromSqlRows(rows, `the aggregates file ${file}`);
    return assembleReport(
      aggregates,
      { map: new Map(), matched: [], unmatched: [], outside: [] },
      0,
      options,
    );
  }
  const format = formatOf(file);
  if (flags.census)
    return reportFromPrepared(
      readCensusCsv(readUserFile(file, cwd, 'census file'), file).records,
      options,
    );
  const engine = flags.engine ?? 'auto';
  if (
    engine === 'duckdb' ||
    (engine === 'auto' && (format === 'parquet' || (await duckDbAvailable())))
  ) {
    const { evidenceFromFileDuckDb } = await import('../../evidence/duckdb.js');
    try {
      accessSync(resolve(cwd, file), constants.R_OK);
    } catch (error) {
      throw new CliUsageError(`Cannot read the records file ${file}: ${fsReason(error)}.`);
    }
    return evidenceFromFileDuckDb(resolve(cwd, file), { ...options, format });
  }
  const read = readRecordsText(readUserFile(file, cwd, 'records file'), file, format);
  return reportFromPrepared(read.records, options, read.unreadable);
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
/** p25–median–p75; '…' where the curve has not fallen that far yet (too many still in post). */
const q = (m: { p25: number | null; median: number | null; p75: number | null }) =>
  [m.p25, m.median, m.p75].map((x) => (x === null ? '…' : String(x))).join('–');
const or = (v: number | null) => (v === null ? 'withheld' : String(v));
/** Part-time spells as a share of those with an FTE given: "20%", "–" when none is given. */
function partTimeText(r: EvidenceReport['evidence']['roles'][number]): string {
  if (r.partTime == null || r.fullTime == null) return 'withheld';
  const known = r.partTime + r.fullTime;
  return known === 0 ? '–' : pct(r.partTime / known);
}
const PROBLEM_TEXT: Record<string, string> = {
  no_person: 'no person id (set aside)',
  unknown_start: 'start missing or not a date (set aside)',
  unknown_end: 'end is not a date (set aside)',
  end_before_start: 'ends before it starts (set aside)',
  overlap: 'overlaps an earlier spell of the same person (used; the earlier spell ends here)',
};

function printText(ctx: Context, lattice: Lattice, file: string, report: EvidenceReport): void {
  const s = ctx.style;
  const ev = report.evidence;
  ctx.print(s.bold(`Evidence from ${file}`));
  ctx.print(
    s.dim(
      `${report.records} records; period ${ev.period.from ?? '?'}–${ev.period.to ?? '?'}; small numbers withheld below ${ev.suppressed.minCount}.`,
    ),
  );
  if (report.titles.unmatched.length) {
    ctx.print(
      `\n${s.bold(`Titles that matched no role (${report.titles.unmatched.length}) — their spells count as posts outside the framework`)}`,
    );
    ctx.print(
      renderTable(
        [
          { header: 'Title' },
          { header: 'Records', align: 'right' },
          { header: 'Why' },
          { header: 'Best guesses' },
        ],
        report.titles.unmatched
          .slice(0, 30)
          .map((u) => [
            u.title ?? '(blank)',
            String(u.records),
            u.reason,
            u.guesses.map((g) => `${g.role} (${g.score})`).join(', '),
          ]),
        s,
      ),
    );
    if (report.titles.unmatched.length > 30)
      ctx.print(
        s.dim(`  … and ${report.titles.unmatched.length - 30} more (--format json lists them all)`),
      );
    ctx.print(
      s.dim('  Map them with --mapping FILE (JSON { "title": "role-id" } or CSV title,role).'),
    );
  }
  const counts = Object.entries(report.problems.counts);
  if (counts.length || report.problems.unreadable.length) {
    ctx.print(`\n${s.bold('Problem records')}`);
    for (const [code, n] of counts) ctx.print(`  ${n} ${PROBLEM_TEXT[code] ?? code}`);
    for (const p of report.problems.lines.slice(0, 10))
      ctx.print(
        s.dim(
          `  ${file}, line ${p.line}: ${p.code.replace(/_/g, ' ')}${p.otherLine !== null ? ` (line ${p.otherLine})` : ''}`,
        ),
      );
    for (const u of report.problems.unreadable.slice(0, 10))
      ctx.print(s.dim(`  ${file}, line ${u.line}: ${u.message}`));
  }
  ctx.print(`\n${s.bold(`Observed moves (${ev.moves.length})`)}`);
  ctx.print(
    ev.moves.length
      ? renderTable(
          [
            { header: 'From' },
            { header: 'To' },
            { header: 'Moved', align: 'right' },
            { header: 'Of', align: 'right' },
            { header: 'Share', align: 'right' },
            { header: 'Months p25–median–p75', align: 'right' },
          ],
          [...ev.moves]
            .sort((a, b) => b.count - a.count)
            .map((m) => [
              m.from,
              m.to,
              String(m.count),
              String(m.atRisk),
              pct(m.share),
              q(m.months),
            ]),
          s,
        )
      : '  none to show',
  );
  const top = [...ev.moves].sort((a, b) => b.count - a.count).slice(0, 3);
  const on = layEvidence(lattice, ev);
  for (const m of top) ctx.print(s.dim(`  ${on.sentence(m.from, m.to)}`));
  ctx.print(`\n${s.bold(`Roles (${ev.roles.length})`)}`);
  ctx.print(
    renderTable(
      [
        { header: 'Role' },
        { header: 'Spells', align: 'right' },
        { header: 'Joined', align: 'right' },
        { header: 'Left', align: 'right' },
        { header: 'Retired', align: 'right' },
        { header: 'Internal', align: 'right' },
        { header: 'In post', align: 'right' },
        { header: 'Left workforce/yr', align: 'right' },
        { header: 'Part time', align: 'right' },
        { header: 'Months in role', align: 'right' },
      ],
      ev.roles.map((r) => [
        r.role,
        String(r.spells),
        or(r.joined),
        or(r.left),
        or(r.retired ?? null),
        or(r.leftInternal ?? null),
        or(r.inPost),
        r.workforceLeavingRate == null ? 'withheld' : pct(r.workforceLeavingRate),
        partTimeText(r),
        q(r.months),
      ]),
      s,
    ),
  );
  ctx.print(`\n${s.yellow(ev.suppressed.note)}`);
  if (ev.framework) {
    ctx.print(
      s.dim(
        `Designed moves not observed (or too rare to show): ${ev.framework.notObserved.length}. Observed moves the framework lacks: ${ev.framework.notDesigned.length}${
          ev.framework.notDesigned.length
            ? ` (${ev.framework.notDesigned
                .slice(0, 5)
                .map((m) => `${m.from} → ${m.to}`)
                .join('; ')}${ev.framework.notDesigned.length > 5 ? '; …' : ''})`
            : ''
        }.`,
      ),
    );
  }
  ctx.print(
    s.dim(
      'This report lists titles and line numbers: for the analyst only. Publish the file written by --out.',
    ),
  );
}

async function evidence(ctx: Context, file: string | undefined, flags: Flags): Promise<number> {
  const sector = (ctx.flags as { sector?: string }).sector;
  if (flags.printSql) {
    ctx.print(
      `-- 1. Titles (match them with: career-lattice evidence titles.csv --titles --out title_map.csv)\n${TITLES_SQL};\n`,
    );
    ctx.print(
      `-- 2. The aggregation (feed its result back with: career-lattice evidence result.csv --aggregates)\n${evidenceSql(sector !== undefined ? { sectorPrefix: sectorPrefix(sector) } : {})};`,
    );
    return EXIT.ok;
  }
  if (file === undefined)
    throw new CliUsageError('evidence: name the records file (or use --print-sql).');
  const lattice = await ctx.lattice();
  const minCount = flags.minCount ?? DEFAULT_MIN_COUNT;
  const mapping = {
    ...(flags.census ? CENSUS_ROLE_MAPPING : {}),
    ...(flags.mapping !== undefined ? readMapping(flags.mapping, ctx.io.cwd) : {}),
  };
  const agencyRole =
    flags.agencyRole === undefined
      ? undefined
      : flags.agencyRole === 'none'
        ? null
        : flags.agencyRole;
  if (typeof agencyRole === 'string' && !lattice.hasRole(agencyRole))
    throw new CliUsageError(
      `--agency-role: "${agencyRole}" is not a role id of the data (name one, or none).`,
    );
  const options: ReportOptions = {
    lattice,
    mapping,
    minCount,
    ...(agencyRole !== undefined ? { agencyRole } : {}),
    ...(flags.extractDate ? { asOf: flags.extractDate } : {}),
    ...(flags.source ? { source: flags.source } : {}),
  };
  const json = ctx.json;

  if (flags.titles) {
    const { rows } = csvRows(readUserFile(file, ctx.io.cwd, 'titles file'));
    const titles = matchTitles(
      lattice,
      rows.map(({ row }) => ({
        title: row.title ?? null,
        records: Number(row.n ?? row.records ?? 0),
      })),
      mapping,
    );
    if (flags.out !== undefined)
      writeUserFile(
        flags.out,
        ctx.io.cwd,
        titleMapCsv(titles.map, agencyMap(lattice, titles.map, agencyRole)),
      );
    if (json)
      ctx.printJson({
        matched: titles.matched,
        unmatched: titles.unmatched,
        outside: titles.outside,
      });
    else
      ctx.print(
        `${titles.matched.length} titles matched, ${titles.unmatched.length} did not${flags.out ? `; the title map is in ${flags.out}` : ''}.`,
      );
    return EXIT.ok;
  }

  let report: EvidenceReport;
  try {
    report = await buildReport(ctx, lattice, file, flags, options);
  } catch (error) {
    if (
      error instanceof EvidenceInputError ||
      error instanceof EvidenceEngineError ||
      error instanceof RangeError
    )
      throw new CliUsageError(error.message);
    throw error;
  }
  if (flags.out !== undefined)
    writeUserFile(flags.out, ctx.io.cwd, `${JSON.stringify(report.evidence, null, 2)}\n`);
  if (ctx.rowFormat) {
    ctx.printRows(
      [
        'from',
        'to',
        'count',
        'at_risk',
        'share',
        'estimated_share',
        'months_p25',
        'months_median',
        'months_p75',
      ],
      report.evidence.moves.map((m) => ({
        from: m.from,
        to: m.to,
        count: m.count,
        at_risk: m.atRisk,
        share: m.share,
        estimated_share: m.estimatedShare,
        months_p25: m.months.p25,
        months_median: m.months.median,
        months_p75: m.months.p75,
      })),
    );
  } else if (json) {
    const ev = report.evidence;
    ctx.printJson({
      moves: ev.moves,
      roles: ev.roles,
      unmatched: report.titles.unmatched,
      suppressed: ev.suppressed,
      problems: report.problems,
      records: report.records,
      period: ev.period,
      framework: ev.framework ?? null,
      method: ev.method,
      note: 'unmatched and problems name input titles and lines: for the analyst only. The file written by --out is the one to publish.',
    });
  } else printText(ctx, lattice, file, report);
  if (flags.out !== undefined && !json)
    ctx.note(`Evidence (safe to publish) written to ${flags.out}.`);
  return report.evidence.moves.length || report.evidence.roles.length ? EXIT.ok : EXIT.notFound;
}

const csvCell = (t: string) => (/[",\n\r]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);

/** The title_map table the SQL joins: title, role, and the role its agency spells count in (empty: the same). */
function titleMapCsv(
  map: ReadonlyMap<string, string>,
  agency: ReadonlyMap<string, string>,
): string {
  const rows = [...map].map(([t, r]) => `${csvCell(t)},${r},${agency.get(t) ?? ''}`);
  return `title,role,agency_role\n${rows.join('\n')}\n`;
}

export function register(program: Command, ctx: Context): void {
  const cmd = program.command('evidence');
  addFormatOption(cmd, 'one row per observed move');
  cmd
    .description(
      'observed moves and times from job-history records (CSV, NDJSON, Parquet) or a DfE census return; small numbers withheld',
    )
    .argument(
      '[file]',
      'the records: columns person, role (id or job title), start, end (empty while in post)',
    )
    .option(
      '--mapping <file>',
      'job titles to role ids: JSON { "title": "role-id" } or CSV title,role (empty role: not in the framework)',
    )
    .option(
      '--min-count <n>',
      `withhold counts of fewer than n people (default ${DEFAULT_MIN_COUNT}; 1 shows everything and is NOT for publication)`,
      wholeNumber(1),
    )
    .option(
      '--out <file>',
      'write the evidence file (safe to publish) to lay over the data with --evidence',
    )
    .addOption(
      new Option(
        '--engine <engine>',
        'DuckDB (any size; CSV, NDJSON, Parquet) or TypeScript (CSV, NDJSON)',
      )
        .choices(['auto', 'duckdb', 'ts'])
        .default('auto'),
    )
    .option(
      '--census',
      "the file is a DfE children's social work workforce census return (CSV), one year or several stacked",
    )
    .option(
      '--extract-date <date>',
      'the day the extract was taken, YYYY-MM-DD (default: its latest date)',
      calendarDate,
    )
    .option(
      '--source <text>',
      'where the records come from, as the evidence should say (e.g. "Anytown Council HR")',
    )
    .option(
      '--aggregates',
      'the file is the result of the evidence SQL run elsewhere (Spark, a warehouse): CSV or JSON',
    )
    .option(
      '--titles',
      'the file is the titles query result (title,n): match them and write the title map (--out)',
    )
    .option(
      '--agency-role <id>',
      'the role agency spells in practice posts count in (default agency-social-worker when the data has it; none: keep them in their post)',
    )
    .option('--print-sql', 'print the SQL to run on Spark or a warehouse, and exit')
    .addHelpText(
      'after',
      examples([
        [
          'career-lattice evidence hr-extract.csv',
          'observed moves, roles, unmatched titles and problem lines',
        ],
        [
          'career-lattice evidence hr-extract.csv --mapping titles.json --out evidence.json',
          'with local titles mapped; writes the publishable evidence',
        ],
        [
          'career-lattice evidence hr-extract.csv --sector children',
          "children's services only: other sectors' posts count as outside the framework",
        ],
        [
          'career-lattice evidence census-2024.csv --census --format json',
          'a DfE workforce census return, as JSON',
        ],
        [
          'career-lattice paths social-worker team-manager --evidence evidence.json --weight trodden',
          'routes ranked by how commonly they are taken',
        ],
      ]),
    )
    .action(async (file: string | undefined, flags: Flags) =>
      ctx.done(await evidence(ctx, file, flags)),
    );
}
