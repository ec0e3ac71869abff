/**
 * toJSON: the lattice's dataset as plain JSON data.
 */
import type { Lattice } from '../lattice/Lattice.js';
import type { Dataset } from '../schema/dataset.js';
import { latticeArgument } from './latticeArgument.js';

/**
 * The lattice's validated dataset as a plain, JSON-safe deep copy (not frozen): change it freely,
 * save it with `JSON.stringify`, or load it again with `createLattice`.
 *
 * @example
 * writeFileSync('dataset.json', JSON.stringify(toJSON(lattice), null, 2));
 * createLattice(JSON.parse(readFileSync('dataset.json', 'utf8'))); // the same lattice
 */
export function toJSON(lattice: Lattice): Dataset {
  latticeArgument('toJSON', lattice);
  // A JSON round trip is exactly "JSON-safe": keys whose value is undefined go, and JSON.parse
  // keeps a key such as "__proto__" (in meta) as an own data property.
  return JSON.parse(JSON.stringify(lattice.dataset)) as Dataset;
}
