import { beforeAll, describe, expect, it } from 'vitest';
import {
  CHART_BUILDERS,
  CHART_KINDS,
  type ChartInput,
  chartApplies,
  compileChart,
  renderCharts,
} from '../../src/charts/index.ts';
import { analyze } from '../../src/core/analyze.ts';
import { predict } from '../../src/core/model.ts';
import { HAS_MALL, loadMall, NO_MALL } from '../support/mall.ts';
import { inkShare, NEW_CUSTOMER } from './support.ts';

describe.skipIf(!HAS_MALL)(`charts of a real analysis of the Mall file ${HAS_MALL ? '' : NO_MALL}`, () => {
  let input: ChartInput;
  beforeAll(async () => {
    const table = await loadMall();
    const analysis = analyze(table);
    input = {
      analysis,
      table,
      prediction: { customer: NEW_CUSTOMER, result: predict(analysis.model, NEW_CUSTOMER) },
    };
  });

  // The Mall file has no breakdown columns, so every chart but the breakdown chart applies.
  const applying = () => CHART_KINDS.filter((kind) => chartApplies(kind, input));

  it('compiles every chart without warnings', () => {
    expect(applying()).not.toContain('breakdowns');
    for (const kind of applying())
      expect(compileChart(CHART_BUILDERS[kind](input)).warnings, kind).toEqual([]);
  });

  it('writes all ten charts as readable 1200 px PNGs under 1 MB', async () => {
    const charts = await renderCharts(input);
    expect(charts).toHaveLength(10);
    expect(charts.map((c) => c.kind).sort()).toEqual(applying().sort());
    for (const chart of charts) {
      const pixels = await inkShare(chart.png);
      expect(pixels.width, chart.kind).toBe(1200);
      expect(pixels.height, chart.kind).toBe(chart.height);
      expect(chart.png.length, chart.kind).toBeLessThan(1_000_000);
      expect(pixels.share, chart.kind).toBeGreaterThan(0.04);
    }
  });

  it('describes the classic five segments with their real numbers', () => {
    const alt = CHART_BUILDERS['segment-map'](input).alt;
    expect(alt).toContain('Five segments of 200 customers');
    expect(alt).toContain('the largest, Mid income · Mid spending, holds 40.5% of customers');
    expect(CHART_BUILDERS['gender-split'](input).alt).toContain('112 (56%) female and 88 (44%) male');
    expect(CHART_BUILDERS.correlation(input).alt).toContain('age with spending score (r = −0.33');
  });

  it('projects onto principal components when age is clustered on too', () => {
    const three = analyze(input.table, { features: ['age', 'income', 'spending'] });
    const chart = CHART_BUILDERS['segment-map']({ analysis: three, table: input.table });
    expect(compileChart(chart).warnings).toEqual([]);
    expect(JSON.stringify(chart.spec)).toMatch(/Component 1 \(\d+% of spread\)/);
  });
});
