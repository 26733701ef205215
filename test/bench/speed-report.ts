/**
 * Prints issue 12's table: per size the project's and the reference's wall
 * time, their ratio (goal ≤ 0.5×; ≤ 0.35× at 1M), peak RSS, and each phase
 * against its lower bound (goal within 3×); then the 10M-row peak RSS.
 * `SEGMENT_BENCH_RUNS` overrides the runs per size.
 */
import { benchPeak, benchSpeed, referenceSkipReason, type SpeedBench } from './speed.ts';
import { fmtMs } from './stats.ts';

const RUNS: Record<number, number> = { 200: 5, 100000: 3, 1000000: 3, 5000000: 1 };

const pad = (s: string, n: number) => s.padStart(n);
const mb = (x: number) => `${x.toFixed(0)} MB`;

function printRow(r: SpeedBench): void {
  const n = r.rows.toLocaleString('en-US');
  const ratio = r.reference ? r.project.wallMs / r.reference.wallMs : null;
  const goal = r.rows === 1_000_000 ? 0.35 : 0.5;
  const verdict =
    ratio === null ? '' : ratio <= goal ? '  ok' : ratio <= 0.5 ? '  ok (stretch missed)' : '  OVER';
  console.log(
    `  ${pad(n, 10)} rows  project ${pad(fmtMs(r.project.wallMs), 8)} (${mb(r.project.peakRssMb)})` +
      `  reference ${pad(r.reference ? fmtMs(r.reference.wallMs) : '—', 8)}` +
      `${r.reference ? ` (${mb(r.reference.peakRssMb)})` : ''}` +
      `  ratio ${ratio === null ? '—' : `${ratio.toFixed(2)}×`} (goal ≤ ${r.rows === 1_000_000 ? '0.5×, stretch 0.35×' : '0.5×'})${verdict}` +
      `  [${r.runs} run${r.runs === 1 ? '' : 's'}]`,
  );
  for (const phase of ['parse', 'eda', 'sweep', 'fit'] as const) {
    const x = r.phases[phase];
    const b = r.bounds[phase];
    const within = x / Math.max(b, 1);
    console.log(
      `      ${phase.padEnd(6)} ${pad(fmtMs(x), 8)}  bound ${pad(fmtMs(b), 8)}  ${within.toFixed(1)}×${b < 1 || x <= 3 * b ? '  ok' : '  OVER 3×'}`,
    );
  }
  console.log(
    `      structure ${pad(fmtMs(r.phases.structure), 8)}  (null-reference test: 40 fits and silhouettes of at most 500 rows; no bound)`,
  );
  console.log(`      checks ${pad(fmtMs(r.phases.checks), 8)}  (assumption checks; no bound)`);
  console.log(
    `      stability ${pad(fmtMs(r.phases.stability), 8)}  (20 bootstrap resamples of at most 1,000 rows; no bound)`,
  );
}

export function printSpeed(quick: boolean): void {
  const skip = referenceSkipReason();
  console.log(
    'Speed against pandas + scikit-learn (1 thread), side by side in one run; wall time incl. start-up',
  );
  console.log('  (the machine may be shared with other work: the ratios are the figures to read)');
  if (skip) console.log(`  reference skipped: ${skip}`);
  const sizes = quick ? [200, 100_000] : [200, 100_000, 1_000_000, 5_000_000];
  for (const rows of sizes) {
    const runs = Number(process.env.SEGMENT_BENCH_RUNS ?? (quick ? 1 : RUNS[rows]));
    printRow(benchSpeed(rows, runs, skip === null));
  }
  if (!quick) {
    const peak = benchPeak(10_000_000);
    console.log(
      `  10,000,000 rows  project ${fmtMs(peak.wallMs)}, peak RSS ${mb(peak.peakRssMb)} (goal < 1,500 MB)${peak.peakRssMb < 1500 ? '  ok' : '  OVER'}`,
    );
  }
  console.log('');
}
