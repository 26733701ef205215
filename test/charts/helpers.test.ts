import { describe, expect, it } from 'vitest';
import { densityLine } from '../../src/charts/data/density.ts';
import { placeLabels } from '../../src/charts/data/labels.ts';
import { fitProjection, projectRaw } from '../../src/charts/data/projection.ts';
import { MIN_PER_STRATUM, quotas, stratifiedSample } from '../../src/charts/data/sample.ts';
import { textWidth } from '../../src/charts/data/text-width.ts';
import { roundedPercents, wrap } from '../../src/charts/specs/common.ts';
import { isDark, SEGMENT_PALETTE, segmentColor } from '../../src/charts/theme.ts';
import { buildFixture } from '../support/analysis-fixture.ts';

describe('stratified sampling', () => {
  it('fills the cap exactly, in proportion, and keeps tiny groups visible', () => {
    const q = quotas([900_000, 99_990, 10], 5_000);
    expect(q.reduce((a, b) => a + b, 0)).toBe(5_000);
    expect(q[2]).toBe(10);
    expect(Math.abs(q[0]! / 5_000 - 0.9)).toBeLessThan(0.01);
    expect(quotas([3, 4], 100)).toEqual([3, 4]);
    expect(quotas([1_000, 1_000], 10)[0]).toBeGreaterThanOrEqual(Math.min(5, MIN_PER_STRATUM));
  });

  it('returns sorted, distinct rows, the same for the same seed and different for another', () => {
    const strata = Int32Array.from({ length: 50_000 }, (_, i) => (i % 7 === 0 ? 2 : 1));
    const a = stratifiedSample(strata, 1_000, 42);
    expect(a.length).toBe(1_000);
    expect(new Set(a).size).toBe(1_000);
    expect([...a]).toEqual([...a].sort((x, y) => x - y));
    expect([...stratifiedSample(strata, 1_000, 42)]).toEqual([...a]);
    expect([...stratifiedSample(strata, 1_000, 43)]).not.toEqual([...a]);
  });

  // Its speed on a million rows is measured by `npm run bench`, not asserted here.
  it('samples a large table to exactly the cap, spread over every group', () => {
    const strata = Int32Array.from({ length: 50_000 }, (_, i) => 1 + (i % 5));
    const rows = stratifiedSample(strata, 4_000, 1);
    expect(rows.length).toBe(4_000);
    expect(new Set([...rows].map((row) => strata[row])).size).toBe(5);
  });
});

describe('the PCA projection for three features', () => {
  const { analysis, table } = buildFixture({ features: ['age', 'income', 'spending'] });
  const p = fitProjection(table, analysis.model.features, analysis.model.scaler);

  it('has orthonormal axes ordered by explained spread', () => {
    const dot = (u: number[], v: number[]) => u.reduce((s, x, j) => s + x * v[j]!, 0);
    expect(dot(p.axes[0], p.axes[0])).toBeCloseTo(1, 9);
    expect(dot(p.axes[1], p.axes[1])).toBeCloseTo(1, 9);
    expect(dot(p.axes[0], p.axes[1])).toBeCloseTo(0, 9);
    expect(p.explained[0]).toBeGreaterThanOrEqual(p.explained[1]);
    expect(p.explained[0] + p.explained[1]).toBeLessThanOrEqual(1 + 1e-9);
  });

  it('is deterministic in sign and places the average customer at the origin', () => {
    const again = fitProjection(table, analysis.model.features, analysis.model.scaler);
    expect(again.axes).toEqual(p.axes);
    for (const axis of p.axes) {
      const big = axis.reduce((b, x) => (Math.abs(x) > Math.abs(b) ? x : b), 0);
      expect(big).toBeGreaterThan(0);
    }
    const mean = Object.fromEntries(analysis.eda.describe.map((d) => [d.feature, d.mean]));
    const [x, y] = projectRaw(p, mean);
    expect(Math.abs(x)).toBeLessThan(1e-9);
    expect(Math.abs(y)).toBeLessThan(1e-9);
  });
});

describe('label placement', () => {
  it('keeps labels apart even when their anchors nearly coincide', () => {
    const plot = {
      width: 500,
      height: 400,
      xDomain: [0, 100] as [number, number],
      yDomain: [0, 100] as [number, number],
    };
    const anchors = [50, 51, 52, 53].map((x, i) => ({
      x,
      y: 50,
      text: `${i + 1} · Mid income · Mid spending`,
    }));
    const spots = placeLabels(anchors, plot, { fontSize: 11, bold: true });
    const boxes = spots.map((s, i) => {
      const w = (textWidth(anchors[i]!.text, 11, true) / 500) * 100;
      const h = (14 / 400) * 100;
      return { x0: s.x - w / 2, x1: s.x + w / 2, y0: s.y - h / 2, y1: s.y + h / 2 };
    });
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        const overlap = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
        expect(overlap, `${i} vs ${j}`).toBe(false);
      }
  });
});

describe('small pieces', () => {
  it('draws a density line in customers per bin that integrates to the customer count', () => {
    const values = Float64Array.from({ length: 10_000 }, (_, i) => 50 + 10 * Math.sin(i * 12.9898));
    const summary = { std: 7.07, q1: 43, q3: 57, count: 10_000, min: 40, max: 60 };
    const line = densityLine(values, summary, 5, 30, 70);
    const step = line[1]!.x - line[0]!.x;
    const total = line.reduce((s, p) => s + p.y, 0) * (step / 5);
    expect(total).toBeGreaterThan(8_500);
    expect(total).toBeLessThan(10_500);
    expect(line[0]!.x).toBe(40);
  });

  it('rounds shares to whole percentages that add up to 100', () => {
    expect(roundedPercents([1, 1, 1])).toEqual([34, 33, 33]);
    expect(roundedPercents([112, 88])).toEqual([56, 44]);
    expect(roundedPercents([81, 39, 35, 23, 22]).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('wraps long subtitles by measured width', () => {
    const lines = wrap('word '.repeat(60).trim(), 300);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line, 12)).toBeLessThanOrEqual(300);
  });

  it('gives every segment id a fixed colour, cycling past the palette', () => {
    expect(segmentColor(1)).toBe('#0072B2');
    expect(segmentColor(SEGMENT_PALETTE.length + 1)).toBe(segmentColor(1));
    expect(isDark('#0072B2')).toBe(true);
    expect(isDark('#E69F00')).toBe(false);
  });
});
