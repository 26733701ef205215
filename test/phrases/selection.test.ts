import { describe, expect, it } from 'vitest';
import { recommendK } from '../../src/core/selection.ts';
import type { SelectionRow } from '../../src/core/types.ts';
import { selectionReason } from '../../src/phrases/selection.ts';

const rows = (sil: number[], ch: number[]): SelectionRow[] =>
  sil.map((s, i) => ({
    k: i + 2,
    inertia: 100 / (i + 1),
    silhouette: s,
    calinskiHarabasz: ch[i]!,
    daviesBouldin: 1,
  }));

const withScatter = (base: SelectionRow[], k: number, size: number, spreadRatio: number) =>
  base.map((r) => (r.k === k ? { ...r, scatter: { size, spreadRatio } } : { ...r, scatter: null }));

describe('why the rule chose its k, in words', () => {
  it('quotes the silhouette maximum when the rule stays there (the Mall curves)', () => {
    const mall = rows(
      [0.297, 0.468, 0.493, 0.554, 0.54, 0.529, 0.458, 0.446, 0.44],
      [96.7, 151.6, 174.1, 247.4, 242.5, 255.0, 268.6, 257.6, 267.0],
    );
    expect(selectionReason(recommendK(mall, null))).toBe(
      'k = 5 has the highest silhouette of all k tried (0.55), and no larger k among them separates clearly more groups.',
    );
  });

  it('gives the Calinski–Harabasz gain over the silhouette maximum when the rule moves on', () => {
    const reason = selectionReason(recommendK(rows([0.7, 0.66, 0.6, 0.4], [100, 180, 150, 120]), null));
    expect(reason).toContain('k = 3: its Calinski–Harabasz score is 80 % higher than at k = 2');
    expect(reason).toContain('(0.70)');
  });

  it('says a rise under 1 % is slight instead of "0 % higher" (three features move k on any rise)', () => {
    const reason = selectionReason(recommendK(rows([0.7, 0.66, 0.6], [100, 100.3, 90]), null, 3));
    expect(reason).toContain(
      'k = 3: its Calinski–Harabasz score is slightly higher (by under 1 %) than at k = 2',
    );
    expect(reason).not.toContain('0 % higher');
  });

  it('says why a higher-scoring k with a thin scatter was passed over, in customers or in a share of a sample', () => {
    const base = rows([0.55, 0.64, 0.72, 0.75, 0.77, 0.7], [243, 372, 499, 1213, 1547, 1300]);
    expect(selectionReason(recommendK(withScatter(base, 6, 9, 3.14), null))).toBe(
      'k = 5 has the highest silhouette of the k tried without a thin scatter (0.75), and no larger k among them separates clearly more groups. k = 6 scores higher (0.77), but one of its segments holds only 9 customers spread 3.1 times as wide as a typical segment: scattered outliers, not a group.',
    );
    const sampled = recommendK(withScatter(base, 6, 90, 3.14), { size: 1_000, of: 50_000 });
    expect(selectionReason(sampled)).toContain('holds about 9 % of the customers spread 3.1 times');
  });

  it('says "of all k tried" when every fit has a scatter and none was passed over', () => {
    const base = rows([0.8, 0.5], [50, 40]).map((r) => ({ ...r, scatter: { size: 3, spreadRatio: 2 } }));
    expect(selectionReason(recommendK(base, null))).toMatch(
      /^k = 2 has the highest silhouette of all k tried/,
    );
  });
});
