/**
 * Writes examples/evidence/hr-extract.csv: a synthetic HR job-history extract (seeded, so the
 * same every time) with the noise real ones have. Run: npx tsx examples/evidence/make-extract.ts
 */
import { writeFileSync } from 'node:fs';
import { modelFromLattice, recordsToCsv, simulateRecords } from '../../src/evidence/index.js';
import { createLattice, ukSocialWork } from '../../src/index.js';

const lattice = createLattice(ukSocialWork);
const model = modelFromLattice(lattice, { leave: 0.3 });
const records = simulateRecords(
  model,
  {
    people: 600,
    seed: 2024,
    from: 2015,
    to: 2024,
    noise: {
      variant: 0.2,
      typo: 0.03,
      agency: 0.1,
      overlap: 0.05,
      missingEnd: 0.03,
      badDate: 0.01,
      unknownTitle: 0.02,
      partTime: 0.2,
      retire: 0.15,
      internal: 0.1,
    },
    sectors: ["Children's services", 'Adult social care'],
  },
  lattice,
);
writeFileSync(new URL('./hr-extract.csv', import.meta.url), recordsToCsv(records));
console.log(`${records.length} records written.`);
