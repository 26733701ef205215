import { describe, expect, it } from 'vitest';
import {
  CHART_BUILDERS,
  CHART_GROUPS,
  CHART_KINDS,
  renderChart,
  renderCharts,
} from '../../src/charts/index.ts';
import { PNG_WIDTH } from '../../src/charts/theme.ts';
import { fixtureInput, inkShare } from './support.ts';

const input = fixtureInput({ breakdowns: true });

describe('the renderer', () => {
  it.each(CHART_KINDS)('draws %s as a 1200 px PNG under 1 MB that is not blank', async (kind) => {
    const chart = await renderChart(CHART_BUILDERS[kind](input));
    expect(chart.filename).toBe(`${kind}.png`);
    expect(chart.png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(chart.png.length).toBeLessThan(1_000_000);
    const pixels = await inkShare(chart.png);
    expect(pixels.width).toBe(PNG_WIDTH);
    expect([pixels.width, pixels.height]).toEqual([chart.width, chart.height]);
    expect(chart.height).toBeGreaterThan(300);
    // A blank or text-only image stays under ~2 %; every real chart is well above.
    expect(pixels.share).toBeGreaterThan(0.04);
  });

  it('gives byte-identical PNGs for the same analysis', async () => {
    for (const kind of ['segment-map', 'pair-plot', 'silhouette', 'breakdowns'] as const) {
      const first = await renderChart(CHART_BUILDERS[kind](input));
      const second = await renderChart(CHART_BUILDERS[kind](fixtureInput({ breakdowns: true })));
      expect(first.png.equals(second.png), kind).toBe(true);
    }
  });
});

describe('renderCharts', () => {
  it('renders every chart but the prediction by default, in catalogue order', async () => {
    const { prediction: _, ...plain } = input;
    const charts = await renderCharts(plain);
    expect(charts.map((c) => c.kind)).toEqual(CHART_KINDS.filter((k) => k !== 'prediction'));
    expect(new Set(charts.map((c) => c.filename)).size).toBe(charts.length);
  });

  it('draws no breakdown chart for a file without breakdown columns', async () => {
    const plain = fixtureInput();
    expect(plain.analysis.breakdowns).toEqual([]);
    const kinds = (await renderCharts(plain, CHART_GROUPS.summary)).map((c) => c.kind);
    expect(kinds).toEqual(['segment-map', 'segment-profiles']);
  });

  it('adds the prediction chart when the input carries a prediction, and renders exactly the kinds asked for', async () => {
    expect((await renderCharts(input)).map((c) => c.kind)).toContain('prediction');
    const asked = CHART_GROUPS.eda;
    expect((await renderCharts(input, asked)).map((c) => c.kind)).toEqual(asked);
  });

  it('maps each Slack command to charts that exist', () => {
    expect(CHART_GROUPS).toEqual({
      summary: ['segment-map', 'segment-profiles', 'breakdowns'],
      eda: ['distributions', 'gender-split', 'spending-by-gender', 'correlation', 'pair-plot'],
      check: ['silhouette', 'correlation', 'distributions'],
      k: ['choose-k'],
      predict: ['prediction'],
    });
    for (const kinds of Object.values(CHART_GROUPS)) for (const k of kinds) expect(CHART_KINDS).toContain(k);
  });
});
