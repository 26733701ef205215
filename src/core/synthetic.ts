import { idAt, rowNumberIds } from './ids.ts';
import { createRng, normal } from './random.ts';
import { type CustomerTable, GENDER_CODE } from './types.ts';

/**
 * Synthetic mall customers with the structure of the classic Mall Customers
 * data: five income × spending groups of unequal size, and ages that differ by
 * group (young big spenders, older average shoppers). Used for the bundled
 * sample and for benchmarks at any size; never a copy of the real file.
 */
interface Blob {
  weight: number;
  income: [mean: number, sd: number];
  spending: [mean: number, sd: number];
  age: [mean: number, sd: number];
  femaleShare: number;
}

const BLOBS: Blob[] = [
  { weight: 0.4, income: [55, 8], spending: [50, 6], age: [42, 14], femaleShare: 0.58 },
  { weight: 0.195, income: [86, 12], spending: [82, 8], age: [33, 4], femaleShare: 0.54 },
  { weight: 0.175, income: [88, 14], spending: [17, 10], age: [41, 11], femaleShare: 0.46 },
  { weight: 0.115, income: [26, 7], spending: [21, 12], age: [45, 13], femaleShare: 0.61 },
  { weight: 0.115, income: [26, 7], spending: [79, 10], age: [25, 5], femaleShare: 0.59 },
];

const clampInt = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(x)));

function pickBlob(u: number): Blob {
  let acc = 0;
  for (const blob of BLOBS) {
    acc += blob.weight;
    if (u < acc) return blob;
  }
  return BLOBS[BLOBS.length - 1]!;
}

export function generateCustomers(n: number, seed: number): CustomerTable {
  const rng = createRng(seed);
  const table = {
    length: n,
    ids: rowNumberIds(n),
    gender: new Uint8Array(n),
    age: new Float64Array(n),
    income: new Float64Array(n),
    spending: new Float64Array(n),
    lines: new Uint32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const blob = pickBlob(rng());
    table.gender[i] = rng() < blob.femaleShare ? GENDER_CODE.Female : GENDER_CODE.Male;
    table.age[i] = clampInt(blob.age[0] + blob.age[1] * normal(rng), 18, 70);
    table.income[i] = clampInt(blob.income[0] + blob.income[1] * normal(rng), 15, 140);
    table.spending[i] = clampInt(blob.spending[0] + blob.spending[1] * normal(rng), 1, 99);
    table.lines[i] = i + 2;
  }
  return table;
}

/** The table as a Mall-style CSV (header spelled as in the Kaggle file). */
export function customersToCsv(table: CustomerTable): string {
  const parts = ['CustomerID,Gender,Age,Annual Income (k$),Spending Score (1-100)\n'];
  for (let i = 0; i < table.length; i++) {
    const g = table.gender[i] === GENDER_CODE.Female ? 'Female' : 'Male';
    parts.push(`${idAt(table.ids, i)},${g},${table.age[i]},${table.income[i]},${table.spending[i]}\n`);
  }
  return parts.join('');
}
