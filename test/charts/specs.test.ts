import { describe, expect, it } from 'vitest';
import { CHART_BUILDERS, CHART_KINDS, compileChart, segmentColor } from '../../src/charts/index.ts';
import { analyze } from '../../src/core/analyze.ts';
import { knownKTable } from '../../src/core/known-k.ts';
import { predict } from '../../src/core/model.ts';
import { selectionReason } from '../../src/phrases/selection.ts';
import { fixtureInput, walk } from './support.ts';

const inputs = {
  'income × spending': fixtureInput({ breakdowns: true }),
  'age × income × spending (PCA map)': fixtureInput({
    features: ['age', 'income', 'spending'],
    breakdowns: true,
  }),
};

describe.each(Object.entries(inputs))('chart specs for %s', (_, input) => {
  it.each(CHART_KINDS)('%s compiles with vega-lite without a single warning', (kind) => {
    const chart = CHART_BUILDERS[kind](input);
    expect(chart.kind).toBe(kind);
    const { spec, warnings } = compileChart(chart);
    expect(warnings).toEqual([]);
    expect(spec.marks?.length ?? 0).toBeGreaterThan(0);
  });

  it.each(CHART_KINDS)('%s has a title and an alt text that is one plain sentence', (kind) => {
    const { title, alt } = CHART_BUILDERS[kind](input);
    expect(title.length).toBeGreaterThan(5);
    expect(alt).toMatch(/^[A-Z].{30,}\.$/);
    expect(alt.slice(0, -1)).not.toMatch(/\.\s[A-Z]/);
    expect(alt).not.toMatch(/undefined|NaN|null/);
  });

  it('is pure: the same input gives the same spec, byte for byte', () => {
    for (const kind of CHART_KINDS) {
      expect(JSON.stringify(CHART_BUILDERS[kind](input).spec)).toBe(
        JSON.stringify(CHART_BUILDERS[kind](input).spec),
      );
    }
  });
});

describe('chart conventions', () => {
  const input = inputs['income × spending'];
  const a = input.analysis;

  it('colours segments by id with an explicit domain and the fixed palette in every chart that shows them', () => {
    const kinds = ['segment-map', 'segment-profiles', 'silhouette', 'prediction'] as const;
    for (const kind of kinds) {
      const scales = [...walk(CHART_BUILDERS[kind](input).spec)].filter(
        (o) => o.field === 's' && typeof o.scale === 'object' && o.scale !== null,
      );
      expect(scales.length, kind).toBeGreaterThan(0);
      for (const enc of scales) {
        const scale = enc.scale as { domain: number[]; range: string[] };
        expect(scale.domain).toEqual(a.segments.map((s) => s.id));
        expect(scale.range).toEqual(a.segments.map((s) => segmentColor(s.id)));
      }
    }
  });

  it('titles axes in plain language, never with column codes', () => {
    const json = JSON.stringify(CHART_BUILDERS['segment-map'](input).spec);
    expect(json).toContain('"title":"Annual income (k$)"');
    expect(json).toContain('"title":"Spending score (1–100)"');
    const titles = [...walk(CHART_BUILDERS['pair-plot'](input).spec)]
      .map((o) => o.title)
      .filter((t) => typeof t === 'string');
    expect(titles).not.toContain('spending');
    expect(titles).toContain('Age (years)');
  });

  it('fades points with fillOpacity (fast in librsvg), never with group opacity', () => {
    for (const kind of CHART_KINDS) {
      for (const o of walk(CHART_BUILDERS[kind](input).spec)) {
        if (typeof o.opacity === 'number') expect(o.opacity, kind).toBe(1);
      }
    }
  });

  it('names the largest segment and its share in the segment map alt text', () => {
    const big = a.segments[0]!;
    const alt = CHART_BUILDERS['segment-map'](input).alt;
    expect(alt).toContain(`Five segments of 200 customers`);
    expect(alt).toContain(`the largest, ${big.name}, holds ${(big.share * 100).toFixed(1)}% of customers`);
  });

  it('states counts and shares that add up to 100 % in the gender split', () => {
    const g = a.eda.gender;
    const alt = CHART_BUILDERS['gender-split'](input).alt;
    expect(alt).toContain(`${g.Female} (`);
    expect(alt).toContain(`${g.Male} (`);
    const shares = [...alt.matchAll(/\((\d+)%\)/g)].map((m) => Number(m[1]));
    expect(shares.reduce((x, y) => x + y, 0)).toBe(100);
  });

  it('says which k is recommended and why, and the assigned segment of a new customer', () => {
    expect(CHART_BUILDERS['choose-k'](input).alt).toContain(`k = ${a.selection.recommendedK} is recommended`);
    expect(JSON.stringify(CHART_BUILDERS['choose-k'](input).spec)).toContain(
      selectionReason(a.selection).slice(0, 30),
    );
    const p = CHART_BUILDERS.prediction(input);
    expect(p.title).toContain(input.prediction!.result.segment.name);
    expect(p.alt).toContain('income 80 k$');
  });

  it('never lets vega thin out explicit axis values (it drops every other label when tickCount is lower)', () => {
    for (const kind of ['silhouette', 'distributions'] as const) {
      const axes = [...walk(CHART_BUILDERS[kind](input).spec)].filter(
        (o) => Array.isArray(o.values) && 'labelOverlap' in o,
      );
      expect(axes.length, kind).toBeGreaterThan(0);
      for (const axis of axes) expect(axis.tickCount, kind).toBe((axis.values as unknown[]).length);
    }
  });

  it('calls the segment of a customer unlike the data tentative, not a match', () => {
    const customer = { age: 30, income: 600, spending: 50 };
    // The fixture's model is built by hand without training ranges, so the warning is given here.
    const result = {
      ...predict(a.model, customer),
      tentative: true,
      warnings: [
        { code: 'above_training_range' as const, feature: 'income' as const, value: 600, limit: 137 },
      ],
    };
    const p = CHART_BUILDERS.prediction({ ...input, prediction: { customer, result } });
    expect(p.title).toMatch(/^New customer, tentatively: /);
    expect(p.alt).toContain('unlike any customer in the data, so only tentatively');
    expect(p.alt).not.toMatch(/match|borderline/);
  });

  it('refuses to draw a prediction chart without a prediction', () => {
    expect(() => CHART_BUILDERS.prediction({ analysis: a, table: input.table })).toThrow(/prediction/);
  });
});

describe('charts of one group (no structure)', () => {
  // A single Gaussian blob: the structure test finds no groups, so k = 1.
  const { table } = knownKTable({ k: 1, n: 300, separation: 6, shape: 'balanced', dims: 2, seed: 5 });
  const analysis = analyze(table, { seed: 3 });

  it.each(['segment-map', 'segment-profiles', 'silhouette'] as const)(
    '%s says one group, not "One segments", a largest segment or a silhouette of 0.00',
    (kind) => {
      expect(analysis.k).toBe(1);
      const { alt } = CHART_BUILDERS[kind]({ analysis, table });
      expect(alt).toContain('one group');
      expect(alt).not.toMatch(/One segments|largest|weakest|0\.00/);
      expect(alt).toMatch(/^[A-Z].{30,}\.$/);
    },
  );
});

describe('prediction chart of one group', () => {
  const { table } = knownKTable({ k: 1, n: 300, separation: 6, shape: 'balanced', dims: 2, seed: 5 });
  const analysis = analyze(table, { seed: 3 });
  const customer = { age: 30, gender: 'Female' as const, income: 60, spending: 50 };

  it('names no border, margin or next-closest segment', () => {
    const result = predict(analysis.model, customer);
    const { alt } = CHART_BUILDERS.prediction({ analysis, table, prediction: { customer, result } });
    expect(alt).toContain('the one group');
    expect(alt).not.toMatch(/borderline|margin|next closest/);
  });
});
