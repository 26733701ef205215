import { describe, expect, it } from 'vitest';
import { recommendK } from '../../src/core/selection.ts';
import type { SelectionRow } from '../../src/core/types.ts';

const rows = (sil: number[], ch: number[]): SelectionRow[] =>
  sil.map((s, i) => ({
    k: i + 2,
    inertia: 100 / (i + 1),
    silhouette: s,
    calinskiHarabasz: ch[i]!,
    daviesBouldin: 1,
  }));

describe('recommendK', () => {
  it('keeps the silhouette maximum when no larger k raises CH by 10 % (the Mall curves)', () => {
    const mall = rows(
      [0.297, 0.468, 0.493, 0.554, 0.54, 0.529, 0.458, 0.446, 0.44],
      [96.7, 151.6, 174.1, 247.4, 242.5, 255.0, 268.6, 257.6, 267.0],
    );
    const sel = recommendK(mall, null);
    expect(sel.recommendedK).toBe(5);
    expect(sel.basis).toBe('silhouette');
    expect(sel.startK).toBe(5);
  });

  it('moves to a larger k whose CH is clearly higher while its silhouette stays close', () => {
    const sel = recommendK(rows([0.7, 0.66, 0.6, 0.4], [100, 180, 150, 120]), null);
    expect(sel.recommendedK).toBe(3);
    expect(sel.silhouetteK).toBe(2);
    expect(sel.basis).toBe('calinskiHarabasz');
    expect(sel.startK).toBe(2);
  });

  it('asks two features for more CH the more silhouette a larger k gives up', () => {
    // k = 3 gives up 0.01 and needs 5.75 %: it has 6.5 %. k = 4 gives up 0.08 and needs 11 %.
    expect(recommendK(rows([0.6, 0.59, 0.52], [100, 106.5, 110]), null, 2).recommendedK).toBe(3);
    expect(recommendK(rows([0.6, 0.59, 0.52], [100, 106.5, 111.5]), null, 2).recommendedK).toBe(4);
    expect(recommendK(rows([0.6, 0.59, 0.52], [100, 105.5, 110]), null, 2).recommendedK).toBe(2);
  });

  it('asks three or more features for any CH rise, two for 5 % and more', () => {
    // k = 3 raises CH by 5 % at a silhouette 0.04 lower: enough with three features, not with two (8 %).
    const curve = rows([0.6, 0.56, 0.5], [100, 105, 90]);
    expect(recommendK(curve, null, 2).recommendedK).toBe(2);
    expect(recommendK(curve, null, 3).recommendedK).toBe(3);
    expect(recommendK(curve, null, 4).recommendedK).toBe(3);
    expect(recommendK(rows([0.6, 0.56, 0.5], [100, 100.5, 90]), null, 3).recommendedK).toBe(3);
    expect(recommendK(rows([0.6, 0.56, 0.5], [100, 99, 90]), null, 3).recommendedK).toBe(2);
  });

  it('can return either end of the range', () => {
    expect(recommendK(rows([0.8, 0.5, 0.4], [50, 40, 30]), null).recommendedK).toBe(2);
    expect(recommendK(rows([0.4, 0.5, 0.8], [10, 20, 90]), null).recommendedK).toBe(4);
  });
});

describe('recommendK with a thin scatter', () => {
  const withScatter = (base: SelectionRow[], k: number, size: number, spreadRatio: number) =>
    base.map((r) => (r.k === k ? { ...r, scatter: { size, spreadRatio } } : { ...r, scatter: null }));

  it('passes over a k whose extra segment is a scatter of outliers, and says so truthfully', () => {
    const base = rows([0.55, 0.64, 0.72, 0.75, 0.77, 0.7], [243, 372, 499, 1213, 1547, 1300]);
    const sel = recommendK(withScatter(base, 6, 9, 3.14), null);
    expect(sel.recommendedK).toBe(5);
    expect(sel.silhouetteK).toBe(6);
    expect(sel.scatterK).toEqual([6]);
    expect(sel.startK).toBe(5);
  });

  it('keeps every k when every fit has a scatter', () => {
    const base = rows([0.8, 0.5], [50, 40]).map((r) => ({ ...r, scatter: { size: 3, spreadRatio: 2 } }));
    const sel = recommendK(base, null);
    expect(sel.recommendedK).toBe(2);
    expect(sel.scatterK).toEqual([]);
    expect(sel.startK).toBe(2);
  });
});
