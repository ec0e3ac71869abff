/**
 * toJsonLd: the lattice as schema.org JSON-LD — what a council careers page embeds so search
 * engines understand its roles: an `Occupation` per role, an `EducationalOccupationalCredential`
 * per qualification, and the moves between roles.
 *
 * schema.org has no "career move" relation between occupations (there is no
 * `relatedOccupation`), so each move out of a role is a `potentialAction` of that Occupation: an
 * `Action` whose `result` is the Occupation moved into. `potentialAction` is a property of every
 * Thing and `result` of every Action, so the document stays valid schema.org.
 */

import { checkOptions } from '../arguments.js';
import { QueryOptionsError } from '../errors.js';
import { coreOf, type Lattice } from '../lattice/Lattice.js';
import { entryRequirements } from '../queries/entryRequirements.js';
import type { Qualification, Role } from '../schema/dataset.js';
import type { LatticeTransition } from '../types.js';
import { describe } from '../util/describe.js';
import { edgeLabel, trackTitle } from './diagram.js';
import { estimatedSalary } from './jsonldSalary.js';
import { latticeArgument } from './latticeArgument.js';

/**
 * encodeURIComponent throws URIError on a lone surrogate. Validation refuses those in ids, so
 * this is a second line: such a half becomes U+FFFD rather than stopping a whole page.
 */
const uriComponent = (id: string): string =>
  encodeURIComponent(
    id.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'),
  );

/** Options of `toJsonLd`. */
export interface JsonLdOptions {
  /** Prefix of every `@id` (e.g. `https://careers.example.gov.uk/social-work/`). Default: none (document-relative ids). */
  readonly baseUrl?: string;
  /** Where the occupations are (e.g. `England`): an `occupationLocation` on every Occupation. */
  readonly location?: string;
}

/** One node of the JSON-LD `@graph`. */
export interface JsonLdNode {
  readonly '@type': string;
  readonly '@id'?: string;
  readonly [property: string]: unknown;
}

/** A JSON-LD document: schema.org context and a flat `@graph`. */
export interface JsonLdDocument {
  readonly '@context': 'https://schema.org';
  readonly '@graph': readonly JsonLdNode[];
}

const KIND_VERB: Readonly<Record<LatticeTransition['kind'], string>> = {
  experience: 'Progress with experience to',
  panel: 'Progress through a progression panel to',
  qualification: 'Qualify as',
  vacancy: 'Apply for',
};

/**
 * The lattice as a schema.org JSON-LD document (`@context: https://schema.org`, a flat `@graph`):
 *
 * - every role an `Occupation`: `name`, `alternateName` (aliases), `description` (summary),
 *   `identifier` (role id), `occupationalCategory` (its track, as a `CategoryCode`),
 *   `responsibilities`, `qualifications` (references to the credentials the post needs: its
 *   `credentials` and those every route (up and across) from an entry role requires: exactly
 *   `lattice.prerequisitesFor(role).every`), `experienceRequirements`
 *   (`OccupationalExperienceRequirements` with `monthsOfExperience`: the least time in post any
 *   route (up and across) from an entry role asks for, months in role adding up along the way and
 *   months since qualifying a floor; left out when some route asks for none),
 *   `estimatedSalary` (from `pay`: a list of `MonetaryAmount`s, the role's figure then one per
 *   `pay.areas` entry, each with `currency`, `minValue`/`maxValue`, a `QuantitativeValue` with
 *   `unitText` YEAR/MONTH/DAY/HOUR, its grade and area as `name`, the year, area and sources in
 *   words as `description`, `validFrom`/`validThrough` for a financial year, and the sources as
 *   `subjectOf`; see `estimatedSalary` in jsonldSalary.ts — a pay band is a range, not the
 *   percentiles a `MonetaryAmountDistribution` holds), `occupationLocation` (option `location`), and
 *   `potentialAction`: one `Action` per move out, its `result` the Occupation moved into;
 * - every qualification an `EducationalOccupationalCredential` with `credentialCategory` = its kind
 *   (`degree`, `registration`, `programme`, `training`, `award`, `warrant`).
 *
 * `@id`s are `<baseUrl>#role-<id>` and `<baseUrl>#qualification-<id>` (ids URI-encoded). Plain JSON:
 * `JSON.stringify` it, or use `toJsonLdScript` for a `<script>` tag that is safe inside HTML.
 *
 * @throws QueryOptionsError when `baseUrl` or `location` is not a string.
 * @example
 * const doc = toJsonLd(lattice, { baseUrl: 'https://careers.example.gov.uk/social-work/', location: 'England' });
 * doc['@graph'].filter((n) => n['@type'] === 'Occupation').length; // one per role
 */
export function toJsonLd(lattice: Lattice, options?: JsonLdOptions): JsonLdDocument {
  latticeArgument('toJsonLd', lattice);
  const opts = checkOptions('toJsonLd', options, ['baseUrl', 'location']);
  for (const name of ['baseUrl', 'location'] as const) {
    if (opts[name] !== undefined && typeof opts[name] !== 'string') {
      throw new QueryOptionsError(
        'toJsonLd',
        [name],
        `${name} must be a string, not ${describe(opts[name])}`,
      );
    }
  }
  const base = (opts.baseUrl as string | undefined) ?? '';
  const location = opts.location as string | undefined;
  const { dataset } = lattice;
  const roleRef = (id: string) => ({ '@id': `${base}#role-${uriComponent(id)}` });
  const qualificationRef = (id: string) => ({ '@id': `${base}#qualification-${uriComponent(id)}` });
  const titleOf = new Map(dataset.roles.map((r) => [r.id, r.title]));
  const sourceById = new Map(dataset.sources.map((s) => [s.id, s]));
  const source = (id: string) => sourceById.get(id);

  const requirements = entryRequirements(coreOf(lattice));
  const outgoing = new Map<string, LatticeTransition[]>();
  for (const t of lattice.transitions())
    (outgoing.get(t.from) ?? outgoing.set(t.from, []).get(t.from)!).push(t);

  const occupation = (role: Role): JsonLdNode => {
    const outs = outgoing.get(role.id) ?? [];
    const asked = requirements.get(role.id);
    // The credentials the post itself needs, plus what every route into it requires.
    const qualifications = [...new Set([...(role.credentials ?? []), ...(asked?.every ?? [])])];
    const experience = asked?.experience ?? 0;
    const pay = estimatedSalary(role.pay, source);
    return {
      '@type': 'Occupation',
      ...roleRef(role.id),
      name: role.title,
      ...(role.aliases?.length ? { alternateName: role.aliases } : {}),
      ...(role.summary ? { description: role.summary } : {}),
      identifier: role.id,
      occupationalCategory: {
        '@type': 'CategoryCode',
        codeValue: role.track,
        name: trackTitle(role.track),
        inCodeSet: { '@type': 'CategoryCodeSet', name: `${dataset.title}: tracks` },
      },
      ...(role.responsibilities?.length ? { responsibilities: role.responsibilities } : {}),
      ...(qualifications.length ? { qualifications: qualifications.map(qualificationRef) } : {}),
      ...(experience > 0
        ? {
            experienceRequirements: {
              '@type': 'OccupationalExperienceRequirements',
              monthsOfExperience: experience,
            },
          }
        : {}),
      ...(pay ? { estimatedSalary: pay } : {}),
      ...(location !== undefined
        ? { occupationLocation: { '@type': 'AdministrativeArea', name: location } }
        : {}),
      ...(outs.length
        ? {
            potentialAction: outs.map((t) => ({
              '@type': 'Action',
              name: `${KIND_VERB[t.kind]} ${titleOf.get(t.to) ?? t.to}`,
              description: edgeLabel(t) + (t.note ? ` — ${t.note}` : ''),
              identifier: t.key,
              result: roleRef(t.to),
            })),
          }
        : {}),
    };
  };

  const credential = (q: Qualification): JsonLdNode => ({
    '@type': 'EducationalOccupationalCredential',
    ...qualificationRef(q.id),
    name: q.title,
    ...(q.aliases?.length ? { alternateName: q.aliases } : {}),
    ...(q.summary ? { description: q.summary } : {}),
    identifier: q.id,
    credentialCategory: q.kind,
  });

  return {
    '@context': 'https://schema.org',
    '@graph': [...dataset.roles.map(occupation), ...dataset.qualifications.map(credential)],
  };
}

/**
 * `toJsonLd` as a `<script type="application/ld+json">` element, safe to put in an HTML page:
 * `<`, `>`, `&`, U+2028 and U+2029 are written as JSON `\u` escapes, so no title can close the
 * script or start markup.
 *
 * @example
 * page.head += toJsonLdScript(lattice, { baseUrl: 'https://careers.example.gov.uk/social-work/' });
 */
export function toJsonLdScript(lattice: Lattice, options?: JsonLdOptions): string {
  latticeArgument('toJsonLdScript', lattice);
  const json = JSON.stringify(toJsonLd(lattice, options)).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `<script type="application/ld+json">${json}</script>`;
}
