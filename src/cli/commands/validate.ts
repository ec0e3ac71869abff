/** `career-lattice validate [path]`: check a JSON dataset or a CSV folder, listing every problem with where it is. */
import type { Command } from 'commander';
import { type Issue, LatticeValidationError } from '../../errors.js';
import type { Dataset } from '../../schema/dataset.js';
import { type ValidationResult, validateDataset } from '../../schema/validate.js';
import type { Context } from '../context.js';
import { validateCsvFolder } from '../csvFolder.js';
import { EXIT, problemList } from '../errors.js';
import { isFolder } from '../files.js';
import { loadDataset, readJsonFile } from '../load.js';
import { examples } from '../options.js';
import { plural } from '../table.js';

function validatePath(path: string, cwd: string): ValidationResult {
  // readJsonFile says what is wrong with a path that is not there.
  return isFolder(path, cwd)
    ? validateCsvFolder(path, cwd)
    : validateDataset(readJsonFile(path, cwd, 'data file'));
}

async function validate(ctx: Context, path: string | undefined): Promise<number> {
  const flags = ctx.flags;
  const target = path ?? flags.data;
  const label = target ?? 'the bundled dataset';
  let result: ValidationResult;
  if (target === undefined || flags.overlay !== undefined) {
    // With an overlay, what matters is the dataset it makes.
    try {
      const data = await loadDataset(
        { ...flags, ...(target !== undefined ? { data: target } : {}) },
        ctx.io.cwd,
      );
      result = { success: true, data };
    } catch (error) {
      if (!(error instanceof LatticeValidationError)) throw error;
      result = { success: false, issues: error.issues };
    }
  } else result = validatePath(target, ctx.io.cwd);

  const what = flags.overlay !== undefined ? `${label} with the overlay ${flags.overlay}` : label;
  if (ctx.json) {
    ctx.printJson(
      result.success
        ? { valid: true, ...counts(result.data) }
        : { valid: false, issues: result.issues },
    );
    return result.success ? EXIT.ok : EXIT.badInput;
  }
  const s = ctx.style;
  if (result.success) {
    const c = counts(result.data);
    ctx.print(
      `${s.green('✓')} ${what} is valid: ${plural(c.roles, 'role')}, ${plural(c.transitions, 'transition')}, ${plural(c.qualifications, 'qualification')}, ${plural(c.sources, 'source')}.`,
    );
    return EXIT.ok;
  }
  const issues: readonly Issue[] = result.issues;
  ctx.print(`${s.red('✗')} ${what} has ${plural(issues.length, 'problem')}:`);
  ctx.print(problemList(issues));
  return EXIT.badInput;
}

function counts(d: Dataset): {
  roles: number;
  transitions: number;
  qualifications: number;
  sources: number;
} {
  return {
    roles: d.roles.length,
    transitions: d.transitions.length,
    qualifications: d.qualifications.length,
    sources: d.sources.length,
  };
}

export function register(program: Command, ctx: Context): void {
  program
    .command('validate')
    .description(
      'check a dataset — a JSON file or a folder of CSV files — and list every problem with its place (exit 2 when invalid)',
    )
    .argument('[path]', 'a JSON file or a CSV folder (default: --data, or the bundled dataset)')
    .addHelpText(
      'after',
      examples([
        [
          'career-lattice validate my-council.json',
          'a JSON dataset: problems named by path, e.g. transitions[12].to',
        ],
        [
          'career-lattice validate ./council-csv',
          'a CSV folder: problems named by file, line and column',
        ],
        [
          'career-lattice validate --overlay overlays/my-council.json',
          'the bundled dataset with a council overlay applied',
        ],
        ['career-lattice validate ./council-csv --json', '{ valid, issues } as JSON'],
      ]),
    )
    .action(async (path: string | undefined) => ctx.done(await validate(ctx, path)));
}
