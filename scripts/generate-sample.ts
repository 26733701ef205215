// Writes data/customers.csv: the bundled, synthetic sample (see data/README.md).
import { writeFileSync } from 'node:fs';
import { customersToCsv, generateCustomers } from '../src/core/synthetic.ts';

export const SAMPLE_SIZE = 200;
export const SAMPLE_SEED = 20261129;

const out = new URL('../data/customers.csv', import.meta.url);
writeFileSync(out, customersToCsv(generateCustomers(SAMPLE_SIZE, SAMPLE_SEED)));
console.log(`wrote ${out.pathname}: ${SAMPLE_SIZE} synthetic customers, seed ${SAMPLE_SEED}`);
