/** `career-lattice export --format …`: the lattice as a diagram (Mermaid, DOT), a graph file (GraphML, GEXF), JSON-LD, JSON or CSV. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import type { DiagramOptions } from '../../io/diagram.js';
import { toDot } from '../../io/dot.js';
import { toGexf } from '../../io/gexf.js';
import { toGraphML } from '../../io/graphml.js';
import { toJSON } from '../../io/json.js';
import { toJsonLd } from '../../io/jsonld.js';
import { toMermaid } from '../../io/mermaid.js';
import type { Context } from '../context.js';
import { writeCsvFolder } from '../csvFolder.js';
import { CliUsageError, EXIT } from '../errors.js';
import { collect, examples } from '../options.js';

const FORMATS = ['mermaid', 'dot', 'graphml', 'gexf', 'jsonld', 'json', 'csv'] as const;
type Format = (typeof FORMATS)[number];
const DIAGRAMS = new Set<Format>(['mermaid', 'dot']);

interface Flags {
  readonly format: Format;
  readonly out?: string;
  readonly highlightRoute?: string;
  readonly highlightRoles?: string[];
  readonly direction?: 'TB' | 'LR';
  readonly bom?: boolean;
}

async function exportLattice(ctx: Context, flags: Flags): Promise<number> {
  const lattice = await ctx.lattice();
  const { format } = flags;
  const highlighting = flags.highlightRoute !== undefined || flags.highlightRoles !== undefined || flags.direction !== undefined;
  if (highlighting && !DIAGRAMS.has(format)) {
    throw new CliUsageError(`--highlight-route, --highlight-roles and --direction apply to the diagram formats (mermaid, dot), not ${format}.`);
  }

  if (format === 'csv') {
    if (flags.out === undefined) throw new CliUsageError('CSV export writes a folder of files: give it one with --out DIR.');
    const files = writeCsvFolder(resolve(ctx.io.cwd, flags.out), lattice.toJSON(), { bom: flags.bom === true });
    if (ctx.json) ctx.printJson({ format, files });
    else ctx.note(`Wrote ${files.length} CSV files to ${flags.out}: ${files.map((f) => f.slice(f.lastIndexOf('/') + 1)).join(', ')}`);
    return EXIT.ok;
  }

  let diagram: DiagramOptions = {};
  if (DIAGRAMS.has(format)) {
    let route;
    if (flags.highlightRoute !== undefined) {
      const ends = flags.highlightRoute.split(',').map((s) => s.trim());
      if (ends.length !== 2 || !ends[0] || !ends[1]) throw new CliUsageError(`--highlight-route takes two roles, "from,to"; got "${flags.highlightRoute}".`);
      const [from, to] = ends.map((t) => ctx.resolveRole(lattice, t)) as [string, string];
      route = lattice.fastestRoute(from, to);
      if (!route) {
        ctx.note(`No route from ${from} to ${to}; nothing to highlight.`);
        return EXIT.notFound;
      }
    }
    const roles = flags.highlightRoles?.map((t) => ctx.resolveRole(lattice, t));
    diagram = {
      ...(route || roles ? { highlight: { ...(route ? { route } : {}), ...(roles ? { roles } : {}) } } : {}),
      ...(flags.direction ? { direction: flags.direction } : {}),
    };
  }

  const text = render(format, lattice, diagram);
  if (flags.out === undefined) {
    ctx.io.out(text.endsWith('\n') ? text : `${text}\n`);
    return EXIT.ok;
  }
  writeFileSync(resolve(ctx.io.cwd, flags.out), text.endsWith('\n') ? text : `${text}\n`);
  if (ctx.json) ctx.printJson({ format, files: [resolve(ctx.io.cwd, flags.out)] });
  else ctx.note(`Wrote ${format} to ${flags.out}`);
  return EXIT.ok;
}

function render(format: Exclude<Format, 'csv'>, lattice: Parameters<typeof toMermaid>[0], diagram: DiagramOptions): string {
  switch (format) {
    case 'mermaid':
      return toMermaid(lattice, diagram);
    case 'dot':
      return toDot(lattice, diagram);
    case 'graphml':
      return toGraphML(lattice);
    case 'gexf':
      return toGexf(lattice);
    case 'jsonld': {
      const doc: unknown = toJsonLd(lattice);
      return typeof doc === 'string' ? doc : JSON.stringify(doc, null, 2);
    }
    case 'json':
      return JSON.stringify(toJSON(lattice), null, 2);
  }
}

export function register(program: Command, ctx: Context): void {
  program
    .command('export')
    .description('write the lattice as a diagram (mermaid, dot), a graph file (graphml, gexf), JSON-LD, JSON, or a CSV folder')
    .addOption(new Option('--format <format>', 'what to write').choices(FORMATS).makeOptionMandatory())
    .option('--out <path>', 'write to this file (a folder for csv) instead of stdout')
    .option('--highlight-route <from,to>', 'diagrams: highlight the fastest route between two roles')
    .option('--highlight-roles <roles>', 'diagrams: highlight these roles (comma-separated or repeated)', collect)
    .addOption(new Option('--direction <dir>', 'diagrams: top-to-bottom or left-to-right').choices(['TB', 'LR']))
    .option('--bom', 'csv: start each file with a byte order mark, so Excel reads accents and £ right')
    .addHelpText(
      'after',
      examples([
        ['career-lattice export --format mermaid --highlight-route newly-qualified-social-worker,principal-social-worker', 'a Mermaid diagram with the fastest route picked out'],
        ['career-lattice export --format dot --out lattice.dot && dot -Tsvg lattice.dot > lattice.svg', 'Graphviz'],
        ['career-lattice export --format graphml --out lattice.graphml', 'for Gephi, yEd or networkx'],
        ['career-lattice export --format csv --out ./council-csv', 'a folder of CSV files to edit in a spreadsheet (read back with --data ./council-csv)'],
        ['career-lattice export --format json --overlay my-council.json > my-council-full.json', 'the dataset with an overlay applied, as one JSON file'],
      ]),
    )
    .action(async (flags: Flags) => ctx.done(await exportLattice(ctx, flags)));
}
