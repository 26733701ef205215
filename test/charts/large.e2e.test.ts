import { beforeAll, describe, expect, it } from 'vitest';
import {
  CHART_BUILDERS,
  CHART_KINDS,
  type ChartInput,
  chartApplies,
  renderChart,
} from '../../src/charts/index.ts';
import { renderSvg } from '../../src/charts/render.ts';
import { PAIR_POINT_CAP } from '../../src/charts/specs/pair-plot.ts';
import { MAP_POINT_CAP } from '../../src/charts/specs/segment-map.ts';
import { embeddedRows, fixtureInput, inkShare } from './support.ts';

/** Generous bounds: the point is that they do not grow with the file. */
const MAX_SPEC_BYTES = 400_000;
const MAX_ROWS = MAP_POINT_CAP + 2_000;
const MAX_SVG_BYTES = 3_000_000;

describe('a million customers', () => {
  let input: ChartInput;
  let small: ChartInput;
  beforeAll(() => {
    input = fixtureInput({ n: 1_000_000 });
    small = fixtureInput({ n: 20_000 });
  });

  // The fixture has no breakdown columns, so the breakdown chart has nothing to draw.
  it.each(CHART_KINDS.filter((kind) => kind !== 'breakdowns'))(
    '%s embeds a bounded number of data rows, the same as for 20,000 customers',
    (kind) => {
      expect(chartApplies(kind, input)).toBe(true);
      const spec = CHART_BUILDERS[kind](input).spec;
      expect(JSON.stringify(spec).length).toBeLessThan(MAX_SPEC_BYTES);
      expect(embeddedRows(spec)).toBeLessThanOrEqual(MAX_ROWS);
      const atSmall = embeddedRows(CHART_BUILDERS[kind](small).spec);
      expect(Math.abs(embeddedRows(spec) - atSmall)).toBeLessThanOrEqual(30);
    },
  );

  it('draws a stratified sample and says so on the map and the pair plot', () => {
    const map = JSON.stringify(CHART_BUILDERS['segment-map'](input).spec);
    expect(map).toContain(
      `Showing a random sample of ${MAP_POINT_CAP.toLocaleString('en-US')} of 1,000,000 customers.`,
    );
    const pairs = JSON.stringify(CHART_BUILDERS['pair-plot'](input).spec);
    expect(pairs).toContain(
      `Showing a random sample of ${PAIR_POINT_CAP.toLocaleString('en-US')} of 1,000,000 customers.`,
    );
    expect(JSON.stringify(CHART_BUILDERS['choose-k'](input).spec)).toContain(
      'k was chosen on a random sample of 10,000',
    );
  });

  it('keeps every segment in the map sample, in proportion', () => {
    const spec = CHART_BUILDERS['segment-map'](input).spec as {
      layer: Array<{ data?: { values: Array<{ s: number }> } }>;
    };
    const dots = spec.layer[0]!.data!.values;
    expect(dots.length).toBe(MAP_POINT_CAP);
    for (const seg of input.analysis.segments) {
      const shown = dots.filter((d) => d.s === seg.id).length / dots.length;
      expect(Math.abs(shown - seg.share)).toBeLessThan(0.01);
    }
  });

  it('writes a bounded SVG and a readable PNG for the densest chart', async () => {
    const chart = CHART_BUILDERS['segment-map'](input);
    const { svg } = await renderSvg(chart);
    expect(svg.length).toBeLessThan(MAX_SVG_BYTES);
    const png = await renderChart(chart);
    expect(png.png.length).toBeLessThan(1_000_000);
    expect((await inkShare(png.png)).share).toBeGreaterThan(0.04);
  });
});
