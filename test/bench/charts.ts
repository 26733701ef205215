/**
 * Chart timings for `npm run bench`: the full chart set (renderCharts, every
 * chart including the prediction) for 200 and 1,000,000 customers, median of
 * several runs after one warm-up, plus the total SVG size so a regression in
 * the large-file path (marks growing with rows) shows up as bytes, not just
 * seconds. Targets: under 1.5 s for 200, under 1 s for 1,000,000 (issue 12).
 */
import { pathToFileURL } from 'node:url';
import {
  CHART_BUILDERS,
  CHART_KINDS,
  type ChartInput,
  chartApplies,
  renderCharts,
} from '../../src/charts/index.ts';
import { renderSvg } from '../../src/charts/render.ts';
import { predict } from '../../src/core/model.ts';
import { buildFixture } from '../support/analysis-fixture.ts';
import { median } from './stats.ts';

const customer = { age: 25, gender: 'Female' as const, income: 80, spending: 75 };

function inputFor(n: number): ChartInput {
  const fx = buildFixture({ n });
  return { ...fx, prediction: { customer, result: predict(fx.analysis.model, customer) } };
}

async function timeSet(input: ChartInput, runs: number): Promise<number> {
  await renderCharts(input); // warm-up: module loading and JIT are not what we measure
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    await renderCharts(input);
    times.push(performance.now() - t0);
  }
  return median(times);
}

async function svgBytes(input: ChartInput): Promise<number> {
  let bytes = 0;
  for (const kind of CHART_KINDS.filter((k) => chartApplies(k, input)))
    bytes += (await renderSvg(CHART_BUILDERS[kind](input))).svg.length;
  return bytes;
}

export async function benchCharts(): Promise<Array<{ label: string; medianMs: number; svgBytes?: number }>> {
  const out: Array<{ label: string; medianMs: number; svgBytes?: number }> = [];
  for (const [n, runs] of [
    [200, 5],
    [1_000_000, 3],
  ] as const) {
    const input = inputFor(n);
    out.push({
      label: `charts: all ${CHART_KINDS.filter((k) => chartApplies(k, input)).length} for ${n.toLocaleString('en-US')} customers`,
      medianMs: Math.round(await timeSet(input, runs)),
      svgBytes: await svgBytes(input),
    });
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const row of await benchCharts()) console.log(row);
}
