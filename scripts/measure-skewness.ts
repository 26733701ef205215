// Measures the skewness check (src/core/assumptions/skewness.ts) against the feature's own skewness it
// used to judge: on generated files with groups, how often a lopsided feature is lopsided only between
// segments; on log-normal incomes (a real long tail), whether the check still says so.
// The figures are quoted in skewness.ts. Run: npx tsx scripts/measure-skewness.ts
import { analyze } from '../src/core/analyze.ts';
import { verdictAtMost } from '../src/core/assumptions/context.ts';
import { knownKGrid, knownKTable } from '../src/core/known-k.ts';
import { createRng, normal } from '../src/core/random.ts';
import { generateCustomers } from '../src/core/synthetic.ts';
import type { Analysis, CustomerTable, Verdict } from '../src/core/types.ts';

const skewness = (a: Analysis) => a.assumptions.find((c) => c.check === 'skewness')!;
/** What the check said before it looked within segments: the largest |skewness| of a feature. */
const ownVerdict = (a: Analysis): Verdict =>
  verdictAtMost(Math.max(...Object.values(skewness(a).details!).map(Math.abs)), 0.5, 1);

const tally = new Map<string, number>();
const count = (key: string) => tally.set(key, (tally.get(key) ?? 0) + 1);
for (const spec of knownKGrid({ ns: [1_000], ks: [2, 3, 5, 8], seed: 2026 })) {
  const { table, features } = knownKTable(spec);
  const a = analyze(table, { features });
  const before = ownVerdict(a);
  if (before === 'pass') continue;
  const check = skewness(a);
  count(
    `groups, own skewness ${before}: now ${check.status} (${check.finding.code}, structure ${a.structure})`,
  );
}
console.log(
  'Generated files with groups (k 2, 3, 5, 8; 1,000 rows; seed 2026) that the feature’s own skewness flags:',
);
for (const [key, n] of [...tally].sort()) console.log(`  ${String(n).padStart(3)}  ${key}`);

console.log('Log-normal incomes (1,000 customers, spending normal), recommended k and k = 3, 5:');
for (const sigma of [0.4, 0.6, 0.8, 1])
  for (const seed of [1, 2, 3])
    for (const k of [undefined, 3, 5]) {
      const t: CustomerTable = generateCustomers(1_000, seed);
      const rng = createRng(seed + 10);
      for (let i = 0; i < t.length; i++) {
        t.income[i] = Math.min(9_000, Math.round(30 * Math.exp(sigma * normal(rng))));
        t.spending[i] = Math.max(1, Math.min(100, Math.round(50 + 15 * normal(rng))));
      }
      const a = analyze(t, k ? { k } : {});
      const c = skewness(a);
      console.log(
        `  σ ${sigma} seed ${seed} k ${a.k} (${a.structure}): ${c.status}, figure ${c.value.toFixed(2)} (${c.finding.code}), own ${Math.abs(c.details!.income!).toFixed(2)}`,
      );
    }
