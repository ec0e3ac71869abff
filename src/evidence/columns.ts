/**
 * Which column of an extract is which. HR systems and the DfE census name them differently;
 * headings are compared ignoring case, spaces, underscores and punctuation.
 */
import { EvidenceInputError } from './errors.js';

export type Field =
  | 'person'
  | 'role'
  | 'start'
  | 'end'
  | 'sector'
  | 'fte'
  | 'agency'
  | 'leaving_reason';

/** Accepted headings for each field, normalised (see `headingKey`). */
export const FIELD_HEADINGS: Readonly<Record<Field, readonly string[]>> = {
  person: [
    'person',
    'personid',
    'employee',
    'employeeid',
    'employeenumber',
    'staffid',
    'staffnumber',
    'socialworkerid',
    'sweregistrationnumber',
    'swenumber',
    'id',
  ],
  role: ['role', 'roleid', 'title', 'jobtitle', 'post', 'posttitle', 'position'],
  start: ['start', 'startdate', 'from', 'datefrom', 'dateofstart'],
  end: ['end', 'enddate', 'to', 'dateto', 'leavingdate', 'dateofleaving'],
  sector: ['sector', 'servicesector', 'servicearea'],
  fte: ['fte', 'fulltimeequivalent', 'ftevalue', 'ftehours'],
  agency: ['agency', 'agencyworker', 'isagency', 'agencystatus'],
  leaving_reason: ['leavingreason', 'reasonforleaving', 'leaverreason', 'reasonleft'],
};

export const headingKey = (heading: string): string =>
  heading.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The column heading used for each field; a clear error naming what is missing and what is there. */
export function pickColumns(
  headings: readonly string[],
  file: string,
): Record<Field, string | undefined> {
  const byKey = new Map(headings.map((h) => [headingKey(h), h]));
  const pick = (field: Field) =>
    FIELD_HEADINGS[field].map((k) => byKey.get(k)).find((h) => h !== undefined);
  const chosen = Object.fromEntries(
    (Object.keys(FIELD_HEADINGS) as Field[]).map((f) => [f, pick(f)]),
  ) as Record<Field, string | undefined>;
  const missing = (['person', 'role', 'start'] as const).filter((f) => chosen[f] === undefined);
  if (missing.length) {
    throw new EvidenceInputError(
      `${file}: no ${missing.map((f) => `"${f}"`).join(', ')} column. A job-history extract needs person, role, start and end (empty while in post); found: ${headings.map((h) => JSON.stringify(h)).join(', ') || 'no columns'}.`,
    );
  }
  return chosen;
}
