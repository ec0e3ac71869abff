/** `career-lattice export --format …`: the lattice as a diagram (Mermaid, DOT, SVG), a graph file (GraphML, GEXF), JSON-LD, JSON or CSV. */
import { basename, resolve } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { DiagramOptions } from '../../io/diagram.js';
import { dotChunks } from '../../io/dot.js';
import { gexfChunks } from '../../io/gexf.js';
import { graphMLChunks } from '../../io/graphml.js';
import { toJSON } from '../../io/json.js';
import { jsonChunks } from '../../io/jsonChunks.js';
import { type JsonLdOptions, toJsonLd } from '../../io/jsonld.js';
import { mermaidChunks } from '../../io/mermaid.js';
import { toSvg } from '../../io/svg.js';
import type { Lattice } from '../../lattice/Lattice.js';
import type { Route } from '../../types.js';
import type { Context } from '../context.js';
import { writeCsvFolder } from '../csvFolder.js';
import { CliNotFound, CliUsageError, EXIT } from '../errors.js';
import { collect, examples } from '../options.js';
import { endingWithNewline, writeUserFileChunks } from '../streamOut.js';

const FORMATS = ['mermaid', 'dot', 'svg', 'graphml', 'gexf', 'jsonld', 'json', 'csv'] as const;
type Format = (typeof FORMATS)[number];
const DIAGRAMS = new Set<Format>(['mermaid', 'dot', 'svg']);

interface Flags {
  readonly format: Format;
  readonly out?: string;
  readonly highlightRoute?: string;
  readonly highlightRoles?: string[];
  readonly roles?: string[];
  readonly direction?: 'TB' | 'LR';
  readonly bom?: boolean;
  readonly baseUrl?: string;
  readonly location?: string;
}

/** Options that only some formats take: given with another format, they are a mistake, not ignored. */
const FORMAT_OPTIONS: readonly {
  readonly flags: readonly (keyof Flags)[];
  readonly label: string;
  readonly formats: readonly Format[];
}[] = [
  {
    flags: ['highlightRoute', 'highlightRoles', 'roles', 'direction'],
    label: '--highlight-route, --highlight-roles, --roles and --direction',
    formats: ['mermaid', 'dot', 'svg'],
  },
  { flags: ['baseUrl', 'location'], label: '--base-url and --location', formats: ['jsonld'] },
  { flags: ['bom'], label: '--bom', formats: ['csv'] },
];

function checkFormatOptions(flags: Flags): void {
  for (const { flags: names, label, formats } of FORMAT_OPTIONS) {
    if (!formats.includes(flags.format) && names.some((name) => flags[name] !== undefined)) {
      throw new CliUsageError(
        `${label} ${names.length > 1 ? 'apply' : 'applies'} to ${formats.length > 1 ? `${formats.slice(0, -1).join(', ')} and ${formats.at(-1)}` : formats[0]} only, not ${flags.format}.`,
      );
    }
  }
}

/** An absolute URL: the prefix of every JSON-LD `@id`. */
function absoluteUrl(value: string): string {
  if (!URL.canParse(value))
    throw new InvalidArgumentError(
      'expected an absolute URL, e.g. https://careers.example.gov.uk/social-work/',
    );
  return value;
}

async function exportLattice(ctx: Context, flags: Flags): Promise<number> {
  checkFormatOptions(flags);
  const lattice = await ctx.lattice();
  const { format } = flags;

  if (format === 'csv') {
    if (flags.out === undefined)
      throw new CliUsageError('CSV export writes a folder of files: give it one with --out DIR.');
    const files = writeCsvFolder(flags.out, ctx.io.cwd, lattice.toJSON(), {
      bom: flags.bom === true,
    });
    if (ctx.json) ctx.printJson({ format, files: files.map((f) => resolve(ctx.io.cwd, f)) });
    else
      ctx.note(
        `Wrote ${files.length} CSV files to ${flags.out}: ${files.map((f) => basename(f)).join(', ')}`,
      );
    return EXIT.ok;
  }

  let diagram: DiagramOptions = {};
  if (DIAGRAMS.has(format)) {
    let route: Route | null | undefined;
    if (flags.highlightRoute !== undefined) {
      const ends = flags.highlightRoute.split(',').map((s) => s.trim());
      if (ends.length !== 2 || !ends[0] || !ends[1])
        throw new CliUsageError(
          `--highlight-route takes two roles, "from,to"; got "${flags.highlightRoute}".`,
        );
      const [from, to] = ends.map((t) => ctx.resolveRole(lattice, t)) as [string, string];
      route = lattice.fastestRoute(from, to);
      if (!route) throw new CliNotFound(`No route from ${from} to ${to}; nothing to highlight.`);
    }
    const roles = flags.highlightRoles?.map((t) => ctx.resolveRole(lattice, t));
    const drawn = flags.roles?.map((t) => ctx.resolveRole(lattice, t));
    diagram = {
      ...(route || roles
        ? { highlight: { ...(route ? { route } : {}), ...(roles ? { roles } : {}) } }
        : {}),
      // A picture of a route shows the route's roles even when --roles leaves them out.
      ...(drawn
        ? { roles: route && format !== 'svg' ? [...new Set([...drawn, ...route.roles])] : drawn }
        : {}),
      ...(flags.direction ? { direction: flags.direction } : {}),
    };
  }

  const jsonld: JsonLdOptions = {
    ...(flags.baseUrl !== undefined ? { baseUrl: flags.baseUrl } : {}),
    ...(flags.location !== undefined ? { location: flags.location } : {}),
  };
  // Written piece by piece as the stream takes them: a million transitions never become one string.
  const chunks = endingWithNewline(render(format, lattice, diagram, jsonld));
  if (flags.out === undefined) {
    if (ctx.io.stream) await ctx.io.stream(chunks);
    else for (const chunk of chunks) ctx.io.out(chunk);
    return EXIT.ok;
  }
  await writeUserFileChunks(flags.out, ctx.io.cwd, chunks);
  if (ctx.json) ctx.printJson({ format, files: [resolve(ctx.io.cwd, flags.out)] });
  else ctx.note(`Wrote ${format} to ${flags.out}`);
  return EXIT.ok;
}

/**
 * The document in pieces (the writers' chunked forms; an SVG is laid out whole). Options are
 * checked before the first piece, so a mistake never leaves half a file.
 */
function render(
  format: Exclude<Format, 'csv'>,
  lattice: Lattice,
  diagram: DiagramOptions,
  jsonld: JsonLdOptions,
): Iterable<string> {
  switch (format) {
    case 'mermaid':
      return mermaidChunks(lattice, diagram);
    case 'dot':
      return dotChunks(lattice, diagram);
    case 'svg':
      return [toSvg(lattice, diagram)];
    case 'graphml':
      return graphMLChunks(lattice);
    case 'gexf':
      return gexfChunks(lattice);
    case 'jsonld':
      return jsonChunks(toJsonLd(lattice, jsonld));
    case 'json':
      return jsonChunks(toJSON(lattice));
  }
}

export function register(program: Command, ctx: Context): void {
  program
    .command('export')
    .description(
      'write the lattice as a diagram (mermaid, dot, svg), a graph file (graphml, gexf), JSON-LD, JSON, or a CSV folder',
    )
    .addOption(
      new Option('--format <format>', 'what to write').choices(FORMATS).makeOptionMandatory(),
    )
    .option('--out <path>', 'write to this file (a folder for csv) instead of stdout')
    .option(
      '--highlight-route <from,to>',
      'diagrams: highlight the fastest route between two roles',
    )
    .option(
      '--highlight-roles <roles>',
      'diagrams: highlight these roles (comma-separated or repeated)',
      collect,
    )
    .option(
      '--roles <roles>',
      'diagrams: draw only these roles and the moves between them (comma-separated or repeated)',
      collect,
    )
    .addOption(
      new Option('--direction <dir>', 'diagrams: top-to-bottom or left-to-right').choices([
        'TB',
        'LR',
      ]),
    )
    .option(
      '--bom',
      'csv: start each file with a byte order mark, so Excel reads accents and £ right',
    )
    .option(
      '--base-url <url>',
      'jsonld: the page the JSON-LD describes; every @id starts with it (default: ids relative to the document)',
      absoluteUrl,
    )
    .option(
      '--location <place>',
      'jsonld: where the occupations are (occupationLocation), e.g. England',
    )
    .addHelpText(
      'after',
      examples([
        [
          'career-lattice export --format mermaid --highlight-route newly-qualified-social-worker,principal-social-worker',
          'a Mermaid diagram with the fastest route picked out',
        ],
        [
          'career-lattice export --format dot --out lattice.dot && dot -Tsvg lattice.dot > lattice.svg',
          'Graphviz',
        ],
        [
          'career-lattice export --format svg --highlight-route social-worker,team-manager --out route.svg',
          'the layered pathway diagram as an accessible SVG, the route numbered',
        ],
        [
          'career-lattice export --format graphml --out lattice.graphml',
          'for Gephi, yEd or networkx',
        ],
        [
          'career-lattice export --format csv --out ./council-csv',
          'a folder of CSV files to edit in a spreadsheet (read back with --data ./council-csv)',
        ],
        [
          'career-lattice export --format json --overlay my-council.json > my-council-full.json',
          'the dataset with an overlay applied, as one JSON file',
        ],
        [
          'career-lattice export --format jsonld --base-url https://careers.example.gov.uk/social-work/ --location England',
          'schema.org JSON-LD for a careers page, with absolute @ids',
        ],
      ]),
    )
    .action(async (flags: Flags) => ctx.done(await exportLattice(ctx, flags)));
}
