/**
 * One CSV file as a table: papaparse reads the grammar (RFC 4180 quoting, CRLF/LF/CR, quoted
 * newlines; pure string code, so it bundles for the browser); this maps the header to the
 * columns and remembers the physical line each record starts on, for issues.
 */

import type { ParseError } from 'papaparse';
import Papa from 'papaparse';
import type { Issue } from '../../errors.js';
import { closestIds } from '../../util/closest.js';
import { didYouMean } from '../../util/didYouMean.js';
import { COLUMNS, type ColumnSpec } from './columns.js';
import { columnLetter, csvIssue as issue } from './locate.js';
import type { Section } from './types.js';

export const BOM = '\uFEFF';

/** `validFrom`, `Valid From`, `valid-from` → `valid_from`. */
function normaliseHeader(header: string): string {
  return header
    .trim()
    .replace(/([\p{Ll}\d])(\p{Lu})/gu, '$1_$2')
    .toLowerCase()
    .replace(/[\s\-.]+/g, '_');
}

interface HeaderCell {
  /** As written in the file. */
  readonly text: string;
  readonly spec: ColumnSpec | undefined;
  readonly index: number;
}

export interface Row {
  /** Physical line the record starts on, 1-based. */
  readonly line: number;
  readonly cells: Map<ColumnSpec, string>;
  /** The record could not be read (a quote error): its cells are not trusted. */
  readonly broken: boolean;
}

export interface Table {
  readonly section: Section;
  readonly file: string;
  /** By column spec: its position and header text, for issues. */
  readonly columns: Map<ColumnSpec, HeaderCell>;
  readonly rows: Row[];
}

/** Offsets at which each physical line starts; CRLF, LF and a lone CR each end a line. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

export function readTable(
  section: Section,
  file: string,
  input: string,
  delimiter: string,
  issues: Issue[],
  missing: Set<string>,
): Table {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const starts = lineStarts(text);
  const specs = COLUMNS[section];
  const byName = new Map(specs.map((s) => [s.name, s]));
  const table: Table = { section, file, columns: new Map(), rows: [] };
  let header: HeaderCell[] | undefined;
  let cursor = 0;

  const onRecord = (fields: string[], start: number, errors: readonly ParseError[]): void => {
    const line = lineAt(starts, start);
    let broken = false;
    const seen = new Set<string>();
    for (const e of errors) {
      const at = typeof e.index === 'number' ? lineAt(starts, e.index) : line;
      const code =
        e.code === 'MissingQuotes'
          ? 'unterminated_quote'
          : e.code === 'InvalidQuotes'
            ? 'invalid_quote'
            : 'invalid_csv';
      const message =
        code === 'unterminated_quote'
          ? 'a quoted field is never closed: the rest of the file was read as one cell (check for a stray `"`)'
          : code === 'invalid_quote'
            ? 'a quoted field has text after its closing quote (write a quote inside a quoted field as `""`)'
            : e.message;
      const key = `${code}|${at}`;
      if (!seen.has(key)) issues.push(issue(code, file, at, undefined, message));
      seen.add(key);
      broken = true;
    }
    if (fields.every((f) => f.trim() === '') && !broken) return;

    if (header === undefined) {
      header = fields.map((raw, index) => {
        const name = normaliseHeader(raw);
        const spec =
          byName.get(name) ??
          (name === 'schema' && section === 'dataset' ? byName.get('$schema') : undefined);
        if (name === '') return { text: raw, spec: undefined, index };
        if (spec === undefined) {
          const suggestions = closestIds(name, byName.keys(), 3);
          const hint =
            didYouMean(suggestions) || `; known columns: ${[...byName.keys()].join(', ')}`;
          issues.push(
            issue(
              'unknown_column',
              file,
              line,
              raw.trim(),
              `unknown column (column ${columnLetter(index)})${hint}`,
              { suggestions },
            ),
          );
        } else if (table.columns.has(spec)) {
          const first = table.columns.get(spec)!;
          issues.push(
            issue(
              'duplicate_column',
              file,
              line,
              raw.trim(),
              `the column "${spec.name}" appears twice (columns ${columnLetter(first.index)} and ${columnLetter(index)})`,
            ),
          );
          return { text: raw, spec: undefined, index };
        } else table.columns.set(spec, { text: raw.trim(), spec, index });
        return { text: raw, spec, index };
      });
      for (const spec of specs) {
        if (spec.required && !table.columns.has(spec)) {
          issues.push(
            issue(
              'missing_column',
              file,
              line,
              spec.name,
              `the header has no "${spec.name}" column, which is required`,
            ),
          );
          missing.add(spec.name);
        }
      }
      return;
    }

    const cells = new Map<ColumnSpec, string>();
    let extra = false;
    fields.forEach((value, index) => {
      const h = header![index];
      if (h === undefined) {
        if (value.trim() !== '' && !extra && !broken) {
          issues.push(
            issue(
              'too_many_fields',
              file,
              line,
              undefined,
              `this record has ${fields.length} fields but the header has ${header!.length} (check for an unquoted comma)`,
            ),
          );
          extra = true;
        }
        return;
      }
      if (h.spec === undefined) {
        if (h.text.trim() === '' && value.trim() !== '' && !broken) {
          issues.push(
            issue(
              'unnamed_column',
              file,
              line,
              columnLetter(index),
              `column ${columnLetter(index)} has a value but no header`,
            ),
          );
        }
        return;
      }
      cells.set(h.spec, value);
    });
    table.rows.push({ line, cells, broken });
  };

  Papa.parse<string[]>(text, {
    delimiter,
    quoteChar: '"',
    skipEmptyLines: false,
    step: (result) => {
      const start = cursor;
      cursor = result.meta.cursor;
      onRecord(result.data, start, result.errors);
    },
  });
  return table;
}
