/** Shared helpers for the chart tests: fixtures with a prediction, PNG pixel checks, spec walking. */
import sharp from 'sharp';
import type { ChartInput } from '../../src/charts/index.ts';
import { computeBreakdowns } from '../../src/core/breakdowns.ts';
import { predict } from '../../src/core/model.ts';
import type { Analysis, Feature } from '../../src/core/types.ts';
import { buildFixture } from '../support/analysis-fixture.ts';

export const NEW_CUSTOMER = { age: 25, gender: 'Female' as const, income: 80, spending: 75 };

export function fixtureInput(
  opts: { n?: number; features?: Feature[]; breakdowns?: boolean } = {},
): ChartInput {
  const fx = buildFixture(opts);
  const analysis = opts.breakdowns ? withBreakdowns(fx.analysis) : fx.analysis;
  return {
    ...fx,
    analysis,
    prediction: { customer: NEW_CUSTOMER, result: predict(analysis.model, NEW_CUSTOMER) },
  };
}

/**
 * Two breakdown columns derived from each customer's segment and row number, so
 * they are deterministic: a tier that leans to Gold in segment 2, and a region
 * with eight levels (two past LEVELS_SHOWN, pooled as "other") and a few empty cells.
 */
export function withBreakdowns(analysis: Analysis): Analysis {
  const labels = analysis.labels;
  const tier = {
    header: 'LoyaltyTier',
    levels: ['Bronze', 'Silver', 'Gold'],
    codes: Int32Array.from(labels, (s, i) => (s === 2 ? (i % 4 === 0 ? 1 : 2) : i % 3 === 0 ? 1 : 0)),
  };
  const region = {
    header: 'Region',
    levels: ['North', 'South', 'East', 'West', 'Centre', 'Coast', 'Islands', 'Abroad'],
    codes: Int32Array.from(labels, (_, i) => (i % 17 === 0 ? -1 : (i * 5) % 8)),
  };
  return { ...analysis, breakdowns: computeBreakdowns([region, tier], labels, analysis.k) };
}

/** Share of pixels that are not (near) white: 0 for a blank image. */
export async function inkShare(png: Buffer): Promise<{ share: number; width: number; height: number }> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let ink = 0;
  for (let i = 0; i < data.length; i += info.channels) {
    if (data[i]! < 235 || data[i + 1]! < 235 || data[i + 2]! < 235) ink++;
  }
  return { share: ink / (info.width * info.height), width: info.width, height: info.height };
}

/** Every object nested anywhere in a spec, for assertions about marks and encodings. */
export function* walk(node: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(node)) for (const x of node) yield* walk(x);
  else if (node && typeof node === 'object') {
    yield node as Record<string, unknown>;
    for (const v of Object.values(node)) yield* walk(v);
  }
}

/** Number of data rows embedded in a spec (all inline `values` arrays). */
export function embeddedRows(spec: unknown): number {
  let n = 0;
  for (const o of walk(spec))
    if (Array.isArray(o.values) && o.values.every((v) => v && typeof v === 'object')) n += o.values.length;
  return n;
}
