// One benchmark run in a fresh process (so peak RSS is this run's alone):
// parse a CSV file, analyse it, print timings as JSON.
import { type AnalysisStep, analyze } from '../../src/core/analyze.ts';
import { readCustomerFile } from '../../src/ingest/file.ts';

const file = process.argv[2]!;
const t0 = performance.now();
const ingest = await readCustomerFile(file);
const parsed = performance.now();
const marks = new Map<AnalysisStep, number>();
const analysis = analyze(ingest.table, {}, ingest.source, (step) => marks.set(step, performance.now()));
const done = performance.now();
const at = (s: AnalysisStep) => marks.get(s)!;
process.stdout.write(
  `${JSON.stringify({
    rows: analysis.rows,
    k: analysis.k,
    parseMs: parsed - t0,
    edaMs: at('sweep') - at('eda'),
    sweepMs: at('structure') - at('sweep'),
    structureMs: at('fit') - at('structure'),
    fitMs: at('profile') - at('fit'),
    checksMs: at('stability') - at('profile'),
    stabilityMs: at('done') - at('stability'),
    analysisMs: done - parsed,
    totalMs: done - t0,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
