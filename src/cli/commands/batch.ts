/** `career-lattice batch FILE`: a CSV or NDJSON file of questions answered in one process, each answer written as soon as it is known. */
import { extname } from 'node:path';
import { type Command, Option } from 'commander';
import Papa from 'papaparse';
import {
  type Answer,
  answerQuestions,
  answerRows,
  BATCH_COLUMNS,
  BATCH_QUERIES,
  QUESTION_FIELDS,
  type RawQuestion,
} from '../../analysis/batch.js';
import type { Row } from '../../analysis/rows.js';
import { formatIssue } from '../../errors.js';
import { appendAll } from '../../util/appendAll.js';
import type { Context } from '../context.js';
import { CliUsageError, EXIT } from '../errors.js';
import { readUserFile } from '../files.js';
import { examples } from '../options.js';
import { rowsBody, rowsHeader } from '../output.js';

const INPUTS = ['csv', 'tsv', 'ndjson'] as const;
type Input = (typeof INPUTS)[number];
const OUTPUTS = ['csv', 'tsv', 'ndjson', 'json'] as const;
type Output = (typeof OUTPUTS)[number];

interface Flags {
  readonly input?: Input;
  readonly format: Output;
}

function inputOf(file: string, flag: Input | undefined): Input {
  if (flag) return flag;
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.tsv' || ext === '.tab') return 'tsv';
  if (ext === '.ndjson' || ext === '.jsonl') return 'ndjson';
  throw new CliUsageError(
    `Cannot tell what ${file} holds from its name: give --input csv, tsv or ndjson.`,
  );
}

/** CSV/TSV rows with the line each starts on (a quoted cell may span lines). */
function csvQuestions(text: string, file: string, delimiter: ',' | '\t'): RawQuestion[] {
  const out: RawQuestion[] = [];
  const body = text.replace(/^\uFEFF/, '');
  let line = 2;
  const parsed = Papa.parse<Record<string, string>>(body, {
    header: true,
    delimiter,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim(),
  });
  const fields = parsed.meta.fields ?? [];
  if (!fields.includes('query'))
    throw new CliUsageError(
      `${file} has no "query" column: its header must name the fields (${QUESTION_FIELDS.join(', ')}).`,
    );
  // Papaparse gives no line numbers in header mode: count the lines each record's text spans.
  const records = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false }).data.slice(1);
  let r = 0;
  for (const record of records) {
    // A record spans one line, plus one for each line break inside its (quoted) cells.
    const span = 1 + record.reduce((n, cell) => n + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
    // The same rows papaparse's 'greedy' skipping leaves out: every cell blank.
    if (!record.every((cell) => cell.trim() === '')) {
      const value = parsed.data[r++];
      if (value !== undefined) out.push({ value, line, file });
    }
    line += span;
  }
  return out;
}

function ndjsonQuestions(text: string, file: string): RawQuestion[] {
  const out: RawQuestion[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    try {
      out.push({ value: JSON.parse(raw) as unknown, line: i + 1, file });
    } catch (error) {
      out.push({
        value: undefined,
        unreadable: `not a JSON object: ${(error as Error).message}`,
        line: i + 1,
        file,
      });
    }
  });
  return out;
}

async function batch(ctx: Context, file: string, flags: Flags): Promise<number> {
  const input = inputOf(file, flags.input);
  const text =
    file === '-'
      ? readUserFile('/dev/stdin', ctx.io.cwd, 'questions')
      : readUserFile(file, ctx.io.cwd, 'questions');
  const questions =
    input === 'ndjson'
      ? ndjsonQuestions(text, file)
      : csvQuestions(text, file, input === 'tsv' ? '\t' : ',');
  const lattice = await ctx.lattice();
  const format = flags.format;
  let failed = 0;
  let count = 0;
  if (format === 'csv' || format === 'tsv') ctx.io.out(rowsHeader(format, BATCH_COLUMNS));
  if (format === 'json') ctx.io.out('[');
  // Rows go out a few hundred at a time: papaparse costs per call, and a long batch still streams.
  let pending: Row[] = [];
  const flush = () => {
    if (pending.length && format !== 'json') ctx.io.out(rowsBody(format, BATCH_COLUMNS, pending));
    pending = [];
  };
  for (const a of answerQuestions(lattice, questions, { raw: true })) {
    count++;
    if (!a.ok) {
      failed++;
      ctx.note(
        a.error.issues.length
          ? a.error.issues.map((i) => formatIssue(i)).join('\n')
          : `${file}, ${a.line !== undefined ? `line ${a.line}` : `question ${a.id}`}: ${a.error.message}`,
      );
    }
    if (format === 'json') ctx.io.out(`${count > 1 ? ',' : ''}\n${JSON.stringify(jsonAnswer(a))}`);
    else {
      appendAll(pending, answerRows(a));
      if (pending.length >= 256) flush();
    }
  }
  flush();
  if (format === 'json') ctx.io.out(count ? '\n]\n' : ']\n');
  if (failed)
    ctx.note(
      `${failed} of ${count} question${count === 1 ? '' : 's'} could not be answered (see above; each has an "error" row).`,
    );
  return failed ? EXIT.badInput : EXIT.ok;
}

function jsonAnswer(a: Answer): unknown {
  return a.ok
    ? { id: a.id, query: a.query, ok: true, found: a.found, result: a.result }
    : { id: a.id, query: a.query ?? null, ok: false, error: a.error };
}

export function register(program: Command, ctx: Context): void {
  program
    .command('batch')
    .description(
      'answer a file of questions (fastest, paths, gap, eligible; one per CSV row or NDJSON line) in one go',
    )
    .argument('<file>', 'the questions: a .csv, .tsv or .ndjson file (- for stdin, with --input)')
    .addOption(
      new Option('--input <format>', 'what the file holds (default: from its extension)').choices(
        INPUTS,
      ),
    )
    .addOption(
      new Option(
        '--format <format>',
        'the answers: rows as csv, tsv or ndjson, or json (one answer per question)',
      )
        .choices(OUTPUTS)
        .default('csv'),
    )
    .addHelpText(
      'after',
      `\nQuestion fields (CSV columns or NDJSON keys): ${QUESTION_FIELDS.join(', ')}.
query is one of ${BATCH_QUERIES.join(', ')}; from/to are the route's ends (gap: the person's role and the target; eligible: the role).
Lists (qualifications, kinds, directions, avoid, via) are separated by spaces, commas or semicolons.
A question that cannot be answered gets an "error" row and a line on stderr; the rest go on (exit 2 when any failed).
${examples([
  ['career-lattice batch questions.csv > answers.csv', 'every question, one row per step or move'],
  ['career-lattice batch questions.ndjson --format ndjson | jq -c .', 'NDJSON in and out'],
])}`,
    )
    .action(async (file: string, flags: Flags) => ctx.done(await batch(ctx, file, flags)));
}
