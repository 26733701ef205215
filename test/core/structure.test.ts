import { describe, expect, it } from 'vitest';
import { summaryReply } from '../../src/commands/handlers/summary.ts';
import { analyze } from '../../src/core/analyze.ts';
import { idAt, idColumnOf } from '../../src/core/ids.ts';
import { knownKTable } from '../../src/core/known-k.ts';
import { pointsFromTable } from '../../src/core/points.ts';
import { gaussianDraw, structureTest, uniformDraw } from '../../src/core/structure.ts';
import { threeRepeatedProfiles } from '../support/tables.ts';

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

  it('advises one group as one group, and a split of it as broad bands', () => {
    const advice = (k?: number) =>
      analyze(table(1), { seed: 3, ...(k ? { k } : {}) }).assumptions.find((c) => c.check === 'tendency')!
        .advice;
    expect(advice()).toEqual({ code: 'one-group' });
    expect(advice(4)).toEqual({ code: 'broad-bands' });
  });

  it("at a user's k on grouped data, calls that split arbitrary without saying the data has no groups", () => {
    // Three overlapping groups (3 sd apart) the recommended k finds, cut into 7.
    const grouped = knownKTable({ k: 3, n: 300, separation: 3, shape: 'balanced', dims: 2, seed: 13 }).table;
    const analysis = analyze(grouped, { seed: 42, k: 7 });
    expect(analysis.structure).toBe('none');
    const reply = summaryReply(analysis, dataset, []);
    expect(reply.text).toContain(
      'At k = 7 the segments are no more distinct than cuts through groupless data',
    );
    expect(JSON.stringify(reply)).not.toMatch(/no real groups|one continuous group/);
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

  describe('too few different profiles to test', () => {
    // 30 customers who are 3 repeated profiles: the test's sample holds 3 rows, one per segment,
    // whose silhouette is 0 on the data and every draw alike. It said 'none' ("no real groups").
    const repeated = threeRepeatedProfiles();

    it('says untested, keeps the split, and claims neither no groups nor strength', () => {
      const analysis = analyze(repeated, { seed: 42 });
      expect(analysis.structure).toBe('untested');
      expect(analysis.k).toBe(3);
      const tendency = analysis.assumptions.find((c) => c.check === 'tendency')!;
      expect(tendency.status).toBe('warn');
      expect(tendency.finding).toMatchObject({ code: 'tendency.untested', profiles: 3, needed: 6 });
      const reply = summaryReply(analysis, dataset, []);
      expect(reply.title).toBe('Customer segments: 3 tentative segments');
      expect(reply.text).toContain('only 3 different profiles');
      expect(reply.text).not.toMatch(/no real groups|continuous group|arbitrary|separated/);
      const words = JSON.stringify(reply);
      expect(words).not.toMatch(/no real groups|one continuous group/);
      expect(words).toContain('Tentative: ');
    });

    it('a user k on those profiles is untested too, not "arbitrary cuts"', () => {
      const analysis = analyze(repeated, { seed: 42, k: 2 });
      expect(analysis.structure).toBe('untested');
      expect(summaryReply(analysis, dataset, []).title).toBe('Customer segments: 2 tentative segments');
    });

    it('runs the test once there are two profiles per segment', () => {
      const points = pointsFromTable(table(3), ['income', 'spending']);
      expect(structureTest(points, 3, 1, { sampleSize: 5 }).structure).toBe('untested');
      expect(structureTest(points, 3, 1, { sampleSize: 6 }).structure).not.toBe('untested');
    });
  });
});
