/**
 * `npm run bench`: every budget the issues name, measured on this machine.
 * Medians of several runs; budgets are printed next to the figures, never
 * asserted in tests.
 */
import { benchAnalysis } from './analysis.ts';
import { fmtMs } from './stats.ts';

const quick = process.argv.includes('--quick');
const line = (label: string, value: string, budget = '', ok?: boolean) =>
  console.log(
    `${label.padEnd(44)} ${value.padStart(10)}  ${budget}${ok === undefined ? '' : ok ? '  ok' : '  OVER BUDGET'}`,
  );

console.log(`segment-bot benchmarks (${quick ? 'quick' : 'full'}; medians)\n`);
console.log('Analysis (parse → EDA → k sweep → final fit → checks)');
for (const r of benchAnalysis(quick ? [200, 100_000] : [200, 100_000, 1_000_000], quick ? 1 : 3)) {
  const n = r.rows.toLocaleString('en-US');
  line(`  ${n} rows: parse`, fmtMs(r.parseMs));
  line(`  ${n} rows: k sweep (k = 2..10)`, fmtMs(r.sweepMs));
  line(`  ${n} rows: final fit`, fmtMs(r.fitMs));
  if (r.rows <= 200) line(`  ${n} rows: analysis`, fmtMs(r.analysisMs), 'budget < 1 s', r.analysisMs < 1000);
  const endToEnd = r.rows >= 1_000_000;
  line(
    `  ${n} rows: total`,
    fmtMs(r.totalMs),
    endToEnd ? 'budget < 20 s' : '',
    endToEnd ? r.totalMs < 20_000 : undefined,
  );
  line(
    `  ${n} rows: peak RSS`,
    `${r.peakRssMb.toFixed(0)} MB`,
    endToEnd ? 'budget < 1,500 MB' : '',
    endToEnd ? r.peakRssMb < 1500 : undefined,
  );
}
