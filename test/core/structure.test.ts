import { describe, expect, it } from 'vitest';
import { summaryReply } from '../../src/commands/handlers/summary.ts';
import { analyze } from '../../src/core/analyze.ts';
import { idAt, idColumnOf } from '../../src/core/ids.ts';
import { knownKTable } from '../../src/core/known-k.ts';
import { pointsFromTable } from '../../src/core/points.ts';
import { gaussianDraw, structureTest, uniformDraw } from '../../src/core/structure.ts';

const CONFIDENT = /best customers|VIP|win them|reward loyalty/i;
const table = (k: number, dims: 2 | 3 = 2, seed = 5) =>
  knownKTable({ k, n: 300, separation: 6, shape: 'balanced', dims, seed }).table;
const dataset = { kind: 'sample' } as const;

describe('structure test (null reference)', () => {
  it('reference draws keep the data box and spread', () => {
    const points = pointsFromTable(table(3), ['income', 'spending']);
    const u = uniformDraw(points, 1);
    const g = gaussianDraw(points, 1);
    expect(u.n).toBe(points.n);
    expect(Math.min(...u.data)).toBeGreaterThanOrEqual(Math.min(...points.data));
    expect(Math.max(...u.data)).toBeLessThanOrEqual(Math.max(...points.data));
    const mean = (p: typeof points) => p.data.reduce((a, b) => a + b, 0) / p.data.length;
    expect(Math.abs(mean(g) - mean(points))).toBeLessThan(5);
  });

  it('calls well-separated groups clear', () => {
    const st = structureTest(pointsFromTable(table(4), ['income', 'spending']), 4, 1);
    expect(st.structure).toBe('clear');
    expect(st.silhouette).toBeGreaterThan(Math.max(st.gaussianMax, st.uniformMax));
  });

  it.each([
    ['uniform data', 0],
    ['a single Gaussian blob', 1],
  ])('%s: structure none, k = 1, one segment and no confident advice', (_, k) => {
    const analysis = analyze(table(k), { seed: 3 });
    expect(analysis.structure).toBe('none');
    expect(analysis.k).toBe(1);
    expect(analysis.segments).toHaveLength(1);
    expect(analysis.segments[0]!.size).toBe(300);
    const reply = summaryReply(analysis, dataset, []);
    expect(reply.title).toBe('Customer segments: no clear segments');
    expect(reply.text).toContain('one continuous group');
    expect(reply.text).toContain('arbitrary cut');
    expect(JSON.stringify(reply)).not.toMatch(CONFIDENT);
  });

  it('does not depend on row order', () => {
    const t = table(1, 3, 9);
    const order = Array.from({ length: t.length }, (_, i) => t.length - 1 - i);
    const reversed = {
      ...t,
      ids: idColumnOf(order.map((i) => idAt(t.ids, i))),
      gender: Uint8Array.from(order, (i) => t.gender[i]!),
      age: Float64Array.from(order, (i) => t.age[i]!),
      income: Float64Array.from(order, (i) => t.income[i]!),
      spending: Float64Array.from(order, (i) => t.spending[i]!),
      lines: Uint32Array.from(order, (i) => t.lines[i]!),
    };
    const features = ['age', 'income', 'spending'] as const;
    expect(analyze(reversed, { features: [...features] }).structure).toBe(
      analyze(t, { features: [...features] }).structure,
    );
  });
});
