/**
 * datasetFromOnet: the O*NET "Related Occupations", "Job Zones" and "Occupation Data" tables
 * (tab-separated text, as the O*NET database ships them) as a career-lattice dataset, so every
 * query runs on a national occupational taxonomy.
 *
 * [Reference]: O*NET Resource Center, "O*NET Database" — Related Occupations (relatedness tiers
 * Primary-Short = ranks 1–5, Primary-Long = 6–10, Supplemental = 11–20), Job Zones (1–5).
 * The data is © USDOL/ETA under CC BY 4.0: anything built from it must credit
 * "O*NET <version> Database, USDOL/ETA, CC BY 4.0" — the dataset this returns carries that credit
 * in its source, description and licence.
 */
import Papa from 'papaparse';
import { checkOptions } from '../arguments.js';
import { type Issue, LatticeValidationError, QueryOptionsError } from '../errors.js';
import { TRACKS } from '../schema/constants.js';
import type { DatasetInput, Role, Track, Transition } from '../schema/dataset.js';
import { makeIssue } from '../schema/issues.js';
import { type ValidDataset, validateDataset } from '../schema/validate.js';
import { describe } from '../util/describe.js';

/** The text of the three O*NET tables (tab-separated, header row first). */
export interface OnetTables {
  /** `Related Occupations.txt`: O*NET-SOC Code, Title, Related O*NET-SOC Code, Related Title, Relatedness Tier, Index. */
  readonly related: string;
  /** `Job Zones.txt`: O*NET-SOC Code, Title, Job Zone, Date, Domain Source. */
  readonly jobZones: string;
  /** `Occupation Data.txt`: O*NET-SOC Code, Title, Description. */
  readonly occupations: string;
}

/** The tiers of O*NET's Related Occupations table, closest first. */
export const ONET_TIERS = ['Primary-Short', 'Primary-Long', 'Supplemental'] as const;
/** One of ONET_TIERS. */
export type OnetTier = (typeof ONET_TIERS)[number];

/** Options of `datasetFromOnet`. */
export interface OnetOptions {
  /** The O*NET release, for the title, id and credit line. Default `'29.3'`. */
  readonly version?: string;
  /** Dataset id. Default `onet-<version>` (`onet-29-3`). */
  readonly id?: string;
  /** Dataset title. Default `O*NET <version> occupations`. */
  readonly title?: string;
  /** Role ids: the O*NET-SOC code (`'code'`, default: `11-1011.00`) or a slug of the title (`'slug'`: `chief-executives`, with the code kept as an alias). */
  readonly ids?: 'code' | 'slug';
  /** `'soc'` (default): track from the SOC major group (see `onetTrack`); or one track for every role. */
  readonly track?: 'soc' | Track;
  /** Typical months of a move to a related occupation; default `defaultOnetMonths`. Must return a finite number ≥ 0. */
  readonly months?: (tier: OnetTier, index: number) => number;
  /** Job Zones up to this one mark `entry` roles (ways in). Default 2 (little or some preparation needed). */
  readonly entryMaxZone?: number;
  /** Level of an occupation with no job zone and no related occupation that has one. Default 3. */
  readonly defaultLevel?: number;
}

const FILES = {
  related: 'Related Occupations.txt',
  jobZones: 'Job Zones.txt',
  occupations: 'Occupation Data.txt',
} as const;
type Table = keyof typeof FILES;

const COLUMNS = {
  related: {
    required: ['O*NET-SOC Code', 'Related O*NET-SOC Code', 'Relatedness Tier', 'Index'],
    optional: ['Title', 'Related Title'],
  },
  jobZones: { required: ['O*NET-SOC Code', 'Job Zone'], optional: ['Title'] },
  occupations: { required: ['O*NET-SOC Code', 'Title'], optional: ['Description'] },
} as const;

/** SOC 2018 major groups: the first two digits of an O*NET-SOC code. */
export const SOC_MAJOR_GROUPS: Readonly<Record<string, string>> = {
  '11': 'Management',
  '13': 'Business and Financial Operations',
  '15': 'Computer and Mathematical',
  '17': 'Architecture and Engineering',
  '19': 'Life, Physical, and Social Science',
  '21': 'Community and Social Service',
  '23': 'Legal',
  '25': 'Educational Instruction and Library',
  '27': 'Arts, Design, Entertainment, Sports, and Media',
  '29': 'Healthcare Practitioners and Technical',
  '31': 'Healthcare Support',
  '33': 'Protective Service',
  '35': 'Food Preparation and Serving Related',
  '37': 'Building and Grounds Cleaning and Maintenance',
  '39': 'Personal Care and Service',
  '41': 'Sales and Related',
  '43': 'Office and Administrative Support',
  '45': 'Farming, Fishing, and Forestry',
  '47': 'Construction and Extraction',
  '49': 'Installation, Maintenance, and Repair',
  '51': 'Production',
  '53': 'Transportation and Material Moving',
  '55': 'Military Specific',
};

const JOB_ZONE_NAMES = [
  '',
  'little or no preparation needed',
  'some preparation needed',
  'medium preparation needed',
  'considerable preparation needed',
  'extensive preparation needed',
];

const CODE = /^\d{2}-\d{4}\.\d{2}$/;
const TIER_BASE: Readonly<Record<OnetTier, number>> = {
  'Primary-Short': 6,
  'Primary-Long': 12,
  Supplemental: 24,
};

/**
 * The default months of a move between related occupations: a base per relatedness tier plus the
 * rank (`Index`): Primary-Short 6 + i (ranks 1–5 → 7–11 months), Primary-Long 12 + i (6–10 → 18–22),
 * Supplemental 24 + i (11–20 → 35–44). Closer relations are quicker moves, and the order of ranks is
 * kept within and across tiers. An estimate (O*NET gives no durations): transitions are marked
 * `estimated: true`.
 *
 * @example defaultOnetMonths('Primary-Short', 1) // 7
 */
export function defaultOnetMonths(tier: OnetTier, index: number): number {
  return TIER_BASE[tier] + index;
}

/**
 * The track an O*NET-SOC occupation is put on: `management` for SOC major group 11 and for
 * first-line supervisors in any group; `education` for group 25; `research` for group 19 (life,
 * physical and social science); `practice` (doing the occupation's own work) for the rest.
 *
 * @example onetTrack('25-2021.00', 'Elementary School Teachers, Except Special Education') // 'education'
 */
export function onetTrack(code: string, title: string): Track {
  const group = code.slice(0, 2);
  if (group === '11' || /^First-Line Supervisors\b/i.test(title)) return 'management';
  if (group === '25') return 'education';
  if (group === '19') return 'research';
  return 'practice';
}

/** The credit line O*NET's licence asks for. */
export function onetCredit(version = '29.3'): string {
  return `O*NET ${version} Database, USDOL/ETA, CC BY 4.0`;
}

interface Row {
  readonly line: number;
  readonly get: (column: string) => string | undefined;
}

/** Rows of one tab-separated table, with every structural problem reported. */
function readTable(table: Table, text: string, issues: Issue[]): Row[] {
  const file = FILES[table];
  const issue = (line: number, code: string, message: string, column?: string) =>
    issues.push({
      ...makeIssue(
        code,
        column === undefined ? [table, line] : [table, line, column],
        undefined,
        message,
      ),
      file,
      line,
      ...(column !== undefined ? { column } : {}),
    });
  // O*NET's tables are plain TSV: no quoting (a title may hold a `"`), one record per line. Line
  // ends are made one kind first, so record i is physical line i + 1.
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = Papa.parse<string[]>(body, {
    delimiter: '\t',
    newline: '\n',
    quoteChar: '\u0000',
    skipEmptyLines: false,
  }).data;
  const blank = (fields: readonly string[]) => fields.every((f) => f.trim() === '');
  const headerAt = lines.findIndex((l) => !blank(l));
  if (headerAt < 0) {
    issue(
      1,
      'missing_header',
      `the table is empty: expected a header row with ${COLUMNS[table].required.map((c) => `"${c}"`).join(', ')}`,
    );
    return [];
  }
  const header = lines[headerAt]!.map((h) => h.trim());
  const position = new Map(header.map((h, i) => [h, i]));
  const missing = COLUMNS[table].required.filter((c) => !position.has(c));
  if (missing.length) {
    issue(
      headerAt + 1,
      'missing_column',
      `the header has no ${missing.map((c) => `"${c}"`).join(', ')} column (found ${header.map((h) => `"${h}"`).join(', ')})`,
    );
    return [];
  }
  const rows: Row[] = [];
  for (let i = headerAt + 1; i < lines.length; i++) {
    const fields = lines[i]!;
    if (blank(fields)) continue;
    if (fields.length !== header.length) {
      issue(
        i + 1,
        'field_count',
        `expected ${header.length} tab-separated fields, found ${fields.length}`,
      );
      continue;
    }
    rows.push({
      line: i + 1,
      get: (column) => (position.has(column) ? fields[position.get(column)!]!.trim() : undefined),
    });
  }
  return rows;
}

function slugify(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/&/g, ' and ')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 120) || 'occupation'
  );
}

/**
 * Builds a dataset from the text of the three O*NET tables:
 *
 * - a **role** per O*NET-SOC code found in any table (none is dropped): id = the code (or a slug of
 *   the title with `ids: 'slug'`, the code kept as an alias); title and description (→ `summary`)
 *   from Occupation Data, else the other tables' titles; **level = Job Zone** (1–5), stage
 *   `Job Zone n (… preparation needed)`; a code with no job zone gets the rounded median zone of
 *   its related occupations, else `defaultLevel` (3), and says so in its stage and `meta.onet`;
 *   track from the SOC major group (`onetTrack`); sectors = `[major group name]`
 *   (e.g. `Management`); `entry` for Job Zones ≤ `entryMaxZone` (2);
 * - a **transition** per Related Occupations row: kind `experience`, months from the relatedness
 *   tier and index (`defaultOnetMonths`: Primary-Short 6 + i …), `estimated: true`, and a note naming
 *   the tier and rank (`O*NET related occupation: Primary-Short, rank 3`);
 * - one **source** crediting "O*NET <version> Database, USDOL/ETA, CC BY 4.0"; licence `CC-BY-4.0`.
 *
 * Tables are read by their header names (column order does not matter); a BOM, CRLF line ends and
 * blank lines are accepted.
 *
 * @throws LatticeValidationError listing every malformed line: issues `{ code, path, message, file,
 *   line, column }` with `path` like `["related", 12, "Index"]` (1-based physical line numbers).
 * @throws QueryOptionsError for a bad option.
 * @example
 * const read = (f: string) => readFileSync(join(dir, f), 'utf8');
 * const dataset = datasetFromOnet({
 *   related: read('Related Occupations.txt'),
 *   jobZones: read('Job Zones.txt'),
 *   occupations: read('Occupation Data.txt'),
 * });
 * createLattice(dataset).fastestRoute('43-4051.00', '11-1021.00', { directions: ['up', 'across', 'down'] });
 */
export function datasetFromOnet(tables: OnetTables, options?: OnetOptions): ValidDataset {
  const fn = 'datasetFromOnet';
  if (typeof tables !== 'object' || tables === null)
    throw new QueryOptionsError(
      fn,
      [],
      `expected { related, jobZones, occupations } (the text of the three tables), not ${describe(tables)}`,
    );
  for (const table of Object.keys(FILES) as Table[]) {
    if (typeof tables[table] !== 'string')
      throw new QueryOptionsError(
        fn,
        [table],
        `${table} must be the text of "${FILES[table]}", not ${describe(tables[table])}`,
      );
  }
  const opts = checkOptions(fn, options, [
    'version',
    'id',
    'title',
    'ids',
    'track',
    'months',
    'entryMaxZone',
    'defaultLevel',
  ]) as OnetOptions;
  const version = opts.version ?? '29.3';
  if (typeof version !== 'string' || version.trim() === '')
    throw new QueryOptionsError(
      fn,
      ['version'],
      `version must be a non-empty string, not ${describe(version)}`,
    );
  const ids = opts.ids ?? 'code';
  if (ids !== 'code' && ids !== 'slug')
    throw new QueryOptionsError(fn, ['ids'], `ids must be 'code' or 'slug', not ${describe(ids)}`);
  const trackOption = opts.track ?? 'soc';
  if (trackOption !== 'soc' && !(TRACKS as readonly string[]).includes(trackOption)) {
    throw new QueryOptionsError(
      fn,
      ['track'],
      `track must be 'soc' or one of ${TRACKS.join(', ')}, not ${describe(trackOption)}`,
    );
  }
  const monthsOf = opts.months ?? defaultOnetMonths;
  if (typeof monthsOf !== 'function')
    throw new QueryOptionsError(
      fn,
      ['months'],
      `months must be a function (tier, index) => number, not ${describe(monthsOf)}`,
    );
  const entryMaxZone = opts.entryMaxZone ?? 2;
  const defaultLevel = opts.defaultLevel ?? 3;
  for (const [name, value] of [
    ['entryMaxZone', entryMaxZone],
    ['defaultLevel', defaultLevel],
  ] as const) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
      throw new QueryOptionsError(
        fn,
        [name],
        `${name} must be a whole number ≥ 0, not ${describe(value)}`,
      );
  }

  const issues: Issue[] = [];
  const bad = (table: Table, row: Row, column: string, code: string, message: string) =>
    issues.push({
      ...makeIssue(code, [table, row.line, column], undefined, message),
      file: FILES[table],
      line: row.line,
      column,
    });
  const codeIn = (table: Table, row: Row, column: string): string | undefined => {
    const code = row.get(column)!;
    if (CODE.test(code)) return code;
    bad(
      table,
      row,
      column,
      'invalid_code',
      `${JSON.stringify(code)} is not an O*NET-SOC code (like 11-1011.00)`,
    );
    return undefined;
  };

  // Titles by preference: Occupation Data, then Job Zones, then Related Occupations.
  const titles = new Map<string, { title: string; rank: number }>();
  const offerTitle = (code: string, title: string | undefined, rank: number) => {
    if (!title) return;
    const known = titles.get(code);
    if (!known || rank < known.rank) titles.set(code, { title, rank });
  };
  const order: string[] = [];
  const seen = new Set<string>();
  const note = (code: string) => {
    if (!seen.has(code)) {
      seen.add(code);
      order.push(code);
    }
  };

  const descriptions = new Map<string, string>();
  const occupationLine = new Map<string, number>();
  for (const row of readTable('occupations', tables.occupations, issues)) {
    const code = codeIn('occupations', row, 'O*NET-SOC Code');
    const title = row.get('Title')!;
    if (!title) bad('occupations', row, 'Title', 'missing_title', 'the title is empty');
    if (code === undefined || !title) continue;
    if (occupationLine.has(code)) {
      bad(
        'occupations',
        row,
        'O*NET-SOC Code',
        'duplicate_code',
        `${code} is already on line ${occupationLine.get(code)}`,
      );
      continue;
    }
    occupationLine.set(code, row.line);
    note(code);
    offerTitle(code, title, 0);
    const description = row.get('Description');
    if (description) descriptions.set(code, description);
  }

  const zones = new Map<string, { zone: number; line: number }>();
  for (const row of readTable('jobZones', tables.jobZones, issues)) {
    const code = codeIn('jobZones', row, 'O*NET-SOC Code');
    const text = row.get('Job Zone')!;
    const zone = /^[1-5]$/.test(text) ? Number(text) : undefined;
    if (zone === undefined)
      bad(
        'jobZones',
        row,
        'Job Zone',
        'invalid_job_zone',
        `${JSON.stringify(text)} is not a job zone (1–5)`,
      );
    if (code === undefined || zone === undefined) continue;
    const known = zones.get(code);
    if (known && known.zone !== zone) {
      bad(
        'jobZones',
        row,
        'Job Zone',
        'duplicate_code',
        `${code} has job zone ${known.zone} on line ${known.line} and ${zone} here`,
      );
      continue;
    }
    if (!known) zones.set(code, { zone, line: row.line });
    note(code);
    offerTitle(code, row.get('Title'), 1);
  }

  interface Link {
    from: string;
    to: string;
    tier: OnetTier;
    index: number;
    line: number;
  }
  const links: Link[] = [];
  const linkLine = new Map<string, number>();
  for (const row of readTable('related', tables.related, issues)) {
    const from = codeIn('related', row, 'O*NET-SOC Code');
    const to = codeIn('related', row, 'Related O*NET-SOC Code');
    const tierText = row.get('Relatedness Tier')!;
    const tier = (ONET_TIERS as readonly string[]).includes(tierText)
      ? (tierText as OnetTier)
      : undefined;
    if (tier === undefined)
      bad(
        'related',
        row,
        'Relatedness Tier',
        'invalid_tier',
        `${JSON.stringify(tierText)} is not a relatedness tier (${ONET_TIERS.join(', ')})`,
      );
    const indexText = row.get('Index')!;
    const index = /^\d+$/.test(indexText) && Number(indexText) >= 1 ? Number(indexText) : undefined;
    if (index === undefined)
      bad(
        'related',
        row,
        'Index',
        'invalid_index',
        `${JSON.stringify(indexText)} is not a rank (a whole number ≥ 1)`,
      );
    if (from === undefined || to === undefined || tier === undefined || index === undefined)
      continue;
    if (from === to) {
      bad(
        'related',
        row,
        'Related O*NET-SOC Code',
        'self_link',
        `${from} is listed as related to itself`,
      );
      continue;
    }
    const pair = `${from}\t${to}`;
    if (linkLine.has(pair)) {
      bad(
        'related',
        row,
        'Related O*NET-SOC Code',
        'duplicate_link',
        `${from} → ${to} is already on line ${linkLine.get(pair)}`,
      );
      continue;
    }
    linkLine.set(pair, row.line);
    note(from);
    note(to);
    offerTitle(from, row.get('Title'), 2);
    offerTitle(to, row.get('Related Title'), 2);
    links.push({ from, to, tier, index, line: row.line });
  }

  // Months from the caller's function are checked like any weight.
  const months = links.map((l) => {
    const m = monthsOf(l.tier, l.index);
    if (typeof m !== 'number' || !Number.isFinite(m) || m < 0) {
      throw new QueryOptionsError(
        fn,
        ['months'],
        `months(${JSON.stringify(l.tier)}, ${l.index}) returned ${describe(m)}; expected a finite number ≥ 0`,
      );
    }
    return m;
  });

  if (issues.length) throw new LatticeValidationError(issues, fn);

  // Levels: the job zone; else the rounded median zone of related occupations that have one.
  const neighbours = new Map<string, string[]>();
  for (const l of links) {
    (neighbours.get(l.from) ?? neighbours.set(l.from, []).get(l.from)!).push(l.to);
    (neighbours.get(l.to) ?? neighbours.set(l.to, []).get(l.to)!).push(l.from);
  }
  const levelOf = (code: string): { level: number; how: 'job-zone' | 'related' | 'default' } => {
    const zone = zones.get(code)?.zone;
    if (zone !== undefined) return { level: zone, how: 'job-zone' };
    const near = (neighbours.get(code) ?? [])
      .map((c) => zones.get(c)?.zone)
      .filter((z): z is number => z !== undefined)
      .sort((a, b) => a - b);
    if (!near.length) return { level: defaultLevel, how: 'default' };
    const mid = near.length / 2;
    const median = near.length % 2 ? near[Math.floor(mid)]! : (near[mid - 1]! + near[mid]!) / 2;
    return { level: Math.round(median), how: 'related' };
  };

  const sourceId = 'onet';
  const credit = onetCredit(version);
  const idOf = new Map<string, string>();
  const usedIds = new Set<string>();
  for (const code of order) {
    let id = code;
    if (ids === 'slug') {
      id = slugify(titles.get(code)?.title ?? code);
      if (usedIds.has(id)) id = `${id}-${code}`;
    }
    usedIds.add(id);
    idOf.set(code, id);
  }

  const roles: Role[] = order.map((code) => {
    const title = titles.get(code)?.title ?? code;
    const group = code.slice(0, 2);
    const { level, how } = levelOf(code);
    const stage =
      how === 'job-zone'
        ? `Job Zone ${level} (${JOB_ZONE_NAMES[level]})`
        : how === 'related'
          ? `Job Zone not given (level ${level} from related occupations)`
          : `Job Zone not given (level ${level} assumed)`;
    const description = descriptions.get(code);
    return {
      id: idOf.get(code)!,
      title,
      ...(ids === 'slug' ? { aliases: [code] } : {}),
      level,
      stage,
      track: trackOption === 'soc' ? onetTrack(code, title) : trackOption,
      sectors: [SOC_MAJOR_GROUPS[group] ?? `SOC major group ${group}`],
      ...(how === 'job-zone' && level <= entryMaxZone ? { entry: true } : {}),
      ...(description ? { summary: description } : {}),
      sources: [sourceId],
      meta: { onet: { code, jobZone: zones.get(code)?.zone ?? null, level: how } },
    };
  });

  const transitions: Transition[] = links.map((l, i) => ({
    from: idOf.get(l.from)!,
    to: idOf.get(l.to)!,
    kind: 'experience',
    months: months[i]!,
    estimated: true,
    // The tier and rank go in the note, not in `meta`: free-form meta on 18,460 transitions would
    // triple the time validation takes.
    note: `O*NET related occupation: ${l.tier}, rank ${l.index}`,
    sources: [sourceId],
  }));

  const dataset: DatasetInput = {
    id: opts.id ?? `onet-${version.replace(/[^A-Za-z0-9]+/g, '-')}`,
    title: opts.title ?? `O*NET ${version} occupations`,
    version,
    description: `Occupations (roles) and related occupations (moves) from the O*NET ${version} Database. Level = Job Zone; move months are estimates from relatedness tier and rank. ${credit}. O*NET® is a trademark of USDOL/ETA.`,
    license: 'CC-BY-4.0',
    sources: [
      {
        id: sourceId,
        title: `O*NET ${version} Database`,
        publisher: 'U.S. Department of Labor, Employment and Training Administration (USDOL/ETA)',
        url: 'https://www.onetcenter.org/database.html',
        note: `${credit}. Tables: Related Occupations, Job Zones, Occupation Data. O*NET® is a trademark of USDOL/ETA.`,
      },
    ],
    qualifications: [],
    roles,
    transitions,
    meta: { attribution: credit },
  };

  const result = validateDataset(dataset);
  if (!result.success) throw new LatticeValidationError(result.issues, fn);
  return result.data;
}
