// One order-line benchmark run in a fresh process (so peak RSS is this run's alone), on the
// one path the CLI takes (pipeline/orders.ts's steps, timed one by one):
// read → clean → aggregate → RFM segments (k sweep, structure test, fit, stability) → text and JSON
// report → the summary's charts (what a shared file is answered with); timings as JSON.
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { aggregateCustomers } from '../../src/core/rfm/aggregate.ts';
import { analyzeRfm } from '../../src/core/rfm/analyze.ts';
import { cleanOrderLines } from '../../src/core/rfm/clean.ts';
import { readOrderLines } from '../../src/ingest/transactions/read.ts';
import { renderOrderCharts } from '../../src/pipeline/order-charts.ts';
import { orderReading } from '../../src/pipeline/orders.ts';
import { toTerminal } from '../../src/report/document.ts';
import { rfmJson, rfmSummary } from '../../src/report/rfm.ts';

const file = process.argv[2]!;
const t0 = performance.now();
const ingest = await readOrderLines(createReadStream(file), { fileName: basename(file) });
const t1 = performance.now();
const cleaning = cleanOrderLines(ingest.lines, { cancellations: 'net' });
const t2 = performance.now();
const aggregation = aggregateCustomers(ingest.lines, cleaning);
const t3 = performance.now();
const analysis = analyzeRfm(aggregation.customers);
const t4 = performance.now();
const reading = orderReading({ ingest, cleaning, aggregation });
const result = { ingest, cleaning, aggregation, reading, analysis };
const text = toTerminal(rfmSummary(result)) + JSON.stringify(rfmJson(result));
const t5 = performance.now();
const charts = await renderOrderCharts('summary', result);
if (charts.missing.length) throw new Error(`charts not drawn: ${charts.missing.join(', ')}`);
const t6 = performance.now();
process.stdout.write(
  `${JSON.stringify({
    lines: ingest.totalLines,
    customers: analysis.customers,
    k: analysis.k,
    readMs: t1 - t0,
    cleanMs: t2 - t1,
    aggregateMs: t3 - t2,
    segmentMs: t4 - t3,
    reportMs: t5 - t4,
    chartsMs: t6 - t5,
    charts: charts.images.length,
    totalMs: t6 - t0,
    reportChars: text.length,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
