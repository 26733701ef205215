import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CustomerTable } from '../../src/core/types.ts';
import { readCustomerFile } from '../../src/ingest/file.ts';

/** The real Kaggle Mall file lives beside the checkout (CI lays ../shared there); it is never copied in. */
export const MALL_PATH = fileURLToPath(
  new URL('../../../shared/datasets/mall_customers.csv', import.meta.url),
);
export const HAS_MALL = existsSync(MALL_PATH);
export const NO_MALL = `(skipped: reference file ${MALL_PATH} is absent)`;

export async function loadMall(): Promise<CustomerTable> {
  return (await readCustomerFile(MALL_PATH)).table;
}

export function mallText(): string {
  return readFileSync(MALL_PATH, 'utf8');
}

export const SAMPLE_PATH = fileURLToPath(new URL('../../data/customers.csv', import.meta.url));

export interface SklearnReference {
  incomeSpending: {
    k: number;
    inertia: number;
    silhouette: number;
    calinskiHarabasz: number;
    daviesBouldin: number;
    sizes: number[];
    centroids: number[][];
    inertiaByK: Record<string, number>;
  };
  ageIncomeSpendingZscore: { silhouettePeakK: number; silhouetteAtPeak: number };
  eda: {
    female: number;
    male: number;
    age: Record<string, number>;
    income: Record<string, number>;
    spending: Record<string, number>;
    correlation: Record<string, number>;
  };
}

export const REFERENCE: SklearnReference = JSON.parse(
  readFileSync(new URL('../reference/mall-sklearn.json', import.meta.url), 'utf8'),
);
