/**
 * The DfE children's social work workforce census, read as job history.
 *
 * Every English council sends the Department for Education a yearly return (year ending 30
 * September) with one row per child and family social worker: an identifier, the role, the start
 * and leaving dates, agency status, FTE, the reason for leaving. Source: Department for
 * Education, "Children's social work workforce census: guide" (guide for local authorities,
 * published yearly), https://www.gov.uk/government/publications/childrens-social-work-workforce-census-guide
 * and the statistics' methodology, https://explore-education-statistics.service.gov.uk/methodology/children-s-social-work-workforce-methodology
 * The census counts roles in six categories — senior manager, middle manager, first line
 * manager, senior practitioner, case holder, and qualified without cases — which are wider than
 * the lattice's roles: the default mapping below is a judgement (marked so), and a council
 * overrides it with its own.
 *
 * A return's start date is when the worker started with the council, not in the role. Stacked
 * returns for several years show a role change only to the census year: the new role is taken to
 * start at the middle of that year (1 April), so move times from census data are ±6 months.
 */
import { headingKey } from './columns.js';
import type { TitleMapping } from './matchTitles.js';
import { dayText, type JobRecord, parseDay } from './records.js';

/**
 * Census role category → lattice role. An estimate of ours, not the DfE's: "senior manager"
 * covers heads of service and above, "middle manager" service managers, "first line manager"
 * team managers; "qualified without cases" (reviewing officers, chairs, practice educators, …)
 * has no one role, so it is outside the framework unless a council maps it.
 */
export const CENSUS_ROLE_MAPPING: TitleMapping = {
  'Senior manager': 'head-of-service',
  'Middle manager': 'service-manager',
  'First line manager': 'team-manager',
  'Senior practitioner': 'senior-practitioner',
  'Case holder': 'social-worker',
  'Qualified without cases': null,
};

const YEAR_HEADINGS = [
  'year',
  'censusyear',
  'collectionyear',
  'yearending',
  'return year'.replace(' ', ''),
];

export interface CensusRow {
  readonly person: string;
  readonly role: string;
  readonly start: string | null;
  readonly end: string | null;
  /** The census year (year ending 30 September); absent for a single return. */
  readonly year?: number;
  readonly line: number;
}

/** Which heading holds the census year, if any. */
export function censusYearHeading(headings: readonly string[]): string | undefined {
  return headings.find((h) => YEAR_HEADINGS.includes(headingKey(h)));
}

/**
 * Census rows → job-history records, with the line each came from. Without years each row is a
 * spell as given; with years, each person's returns are joined into spells in each role.
 */
export function censusToRecords(rows: readonly CensusRow[]): {
  records: JobRecord[];
  lines: number[];
} {
  if (!rows.some((r) => r.year !== undefined))
    return {
      records: rows.map(({ person, role, start, end }) => ({ person, role, start, end })),
      lines: rows.map((r) => r.line),
    };
  const byPerson = new Map<string, CensusRow[]>();
  const loose: CensusRow[] = [];
  for (const row of rows) {
    if (row.year === undefined || !row.person) loose.push(row);
    else {
      let list = byPerson.get(row.person);
      if (!list) byPerson.set(row.person, (list = []));
      list.push(row);
    }
  }
  const records: JobRecord[] = loose.map(({ person, role, start, end }) => ({
    person,
    role,
    start,
    end,
  }));
  const lines: number[] = loose.map((r) => r.line);
  for (const [person, list] of byPerson) {
    list.sort((a, b) => a.year! - b.year! || a.line - b.line);
    let current: { role: string; start: string | null; line: number } | undefined;
    let lastEnd: string | null = null;
    for (const row of list) {
      if (!current || current.role !== row.role) {
        const start = current ? `${row.year}-04-01` : row.start;
        if (current) {
          records.push({ person, role: current.role, start: current.start, end: dayBefore(start) });
          lines.push(current.line);
        }
        current = { role: row.role, start, line: row.line };
      }
      lastEnd = row.end;
    }
    if (current) {
      records.push({ person, role: current.role, start: current.start, end: lastEnd });
      lines.push(current.line);
    }
  }
  return { records, lines };
}

function dayBefore(text: string | null): string | null {
  const day = parseDay(text);
  return typeof day === 'number' ? dayText(day - 1) : null;
}
