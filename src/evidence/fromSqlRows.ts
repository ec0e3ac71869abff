/**
 * The SQL's result (from DuckDB, or a CSV a Spark job wrote) back into Aggregates. Checked row
 * by row: a result file from elsewhere may be damaged, and a wrong number must not pass quietly.
 */
import {
  type Aggregates,
  canonical,
  FTE_CLASSES,
  type FteClass,
  type FteRow,
  type LifeRow,
  OUTCOME_KINDS,
  type OutcomeKind,
  type PeopleRow,
  PROBLEM_CODES,
  type ProblemCode,
  type ProblemLine,
  type RoleRow,
} from './aggregates.js';
import { EvidenceInputError } from './errors.js';
import { LEAVING_CATEGORIES, type LeavingCategory } from './records.js';

type Row = Readonly<Record<string, unknown>>;

/** A whole number from a cell (bigint, number or numeric text), or null when empty. */
function whole(row: Row, column: string, at: string): number | null {
  const v = row[column];
  if (v === null || v === undefined || v === '') return null;
  const n =
    typeof v === 'bigint'
      ? Number(v)
      : typeof v === 'number'
        ? v
        : typeof v === 'string' && /^-?\d+$/.test(v.trim())
          ? Number(v)
          : Number.NaN;
  if (!Number.isSafeInteger(n))
    throw new EvidenceInputError(
      `${at}: column "${column}" must be a whole number, not ${JSON.stringify(String(v))}`,
    );
  return n;
}

function need(row: Row, column: string, at: string): number {
  const n = whole(row, column, at);
  if (n === null || n < 0)
    throw new EvidenceInputError(`${at}: column "${column}" must be a whole number ≥ 0`);
  return n;
}

function text(row: Row, column: string, at: string): string {
  const v = row[column];
  if (v === null || v === undefined) return '';
  if (typeof v !== 'string') throw new EvidenceInputError(`${at}: column "${column}" must be text`);
  return v;
}

function kindOf(row: Row, at: string): OutcomeKind {
  const k = text(row, 'kind', at);
  if (!OUTCOME_KINDS.includes(k as OutcomeKind))
    throw new EvidenceInputError(`${at}: kind "${k}" is not one of ${OUTCOME_KINDS.join(', ')}`);
  return k as OutcomeKind;
}

/** The next role of a move, or how a leaver left (a leaving category, or '' when not given). */
function toOf(row: Row, at: string): string {
  const to = text(row, 'to_role', at);
  if (row.kind === 'left' && to !== '' && !LEAVING_CATEGORIES.includes(to as LeavingCategory))
    throw new EvidenceInputError(
      `${at}: a leaver's to_role must be empty or one of ${LEAVING_CATEGORIES.join(', ')}, not "${to}"`,
    );
  return to;
}

/** `where` names the result in messages ("the aggregates file x.csv"). */
export function aggregatesFromSqlRows(rows: readonly Row[], where = 'the SQL result'): Aggregates {
  const life: LifeRow[] = [];
  const people: PeopleRow[] = [];
  const roles = new Map<string, { spells: number; people: number; exposureDays: number }>();
  const joined = new Map<string, { joined: number; joinedPeople: number }>();
  const fte: FteRow[] = [];
  const counts: Partial<Record<ProblemCode, number>> = {};
  const lines: ProblemLine[] = [];
  let period: Aggregates['period'] | undefined;
  rows.forEach((row, i) => {
    const at = `${where}, row ${i + 1}`;
    const role = () => {
      const r = text(row, 'role', at);
      if (!r) throw new EvidenceInputError(`${at}: no role`);
      return r;
    };
    switch (row.section) {
      case 'life':
        life.push({
          role: role(),
          kind: kindOf(row, at),
          to: toOf(row, at),
          months: need(row, 'months', at),
          spells: need(row, 'n', at),
        });
        break;
      case 'people':
        people.push({
          role: role(),
          kind: kindOf(row, at),
          to: toOf(row, at),
          people: need(row, 'people', at),
        });
        break;
      case 'role':
        roles.set(role(), {
          spells: need(row, 'n', at),
          people: need(row, 'people', at),
          exposureDays: need(row, 'days', at),
        });
        break;
      case 'joined':
        joined.set(role(), { joined: need(row, 'n', at), joinedPeople: need(row, 'people', at) });
        break;
      case 'fte': {
        const k = text(row, 'kind', at) as FteClass;
        if (!FTE_CLASSES.includes(k))
          throw new EvidenceInputError(
            `${at}: FTE class "${k}" is not one of ${FTE_CLASSES.join(', ')}`,
          );
        fte.push({
          role: role(),
          fte: k,
          spells: need(row, 'n', at),
          people: need(row, 'people', at),
        });
        break;
      }
      case 'problem':
      case 'line': {
        const code = text(row, 'kind', at) as ProblemCode;
        if (!PROBLEM_CODES.includes(code))
          throw new EvidenceInputError(
            `${at}: "${code}" is not a problem code (${PROBLEM_CODES.join(', ')})`,
          );
        if (row.section === 'problem') counts[code] = need(row, 'n', at);
        else
          lines.push({
            line: need(row, 'line', at),
            code,
            otherLine: whole(row, 'other_line', at),
          });
        break;
      }
      case 'period':
        period = { firstDay: whole(row, 'line', at), asOfDay: whole(row, 'other_line', at) };
        break;
      default:
        throw new EvidenceInputError(
          `${at}: unknown section ${JSON.stringify(row.section)} (expected life, people, role, joined, fte, problem, line or period)`,
        );
    }
  });
  if (!period)
    throw new EvidenceInputError(`${where}: no "period" row; is this the output of evidenceSql()?`);
  const roleRows: RoleRow[] = [...roles].map(([role, r]) => {
    const j = joined.get(role) ?? { joined: 0, joinedPeople: 0 };
    return {
      role,
      spells: r.spells,
      people: r.people,
      joined: j.joined,
      joinedPeople: j.joinedPeople,
      exposureDays: r.exposureDays,
    };
  });
  return canonical({ life, people, roles: roleRows, fte, problems: { counts, lines }, period });
}
