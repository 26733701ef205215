/** Breakdowns worked by hand: shares per segment, the independence test, and where a segment differs. */
import { describe, expect, it } from 'vitest';
import { computeBreakdowns } from '../../src/core/breakdowns.ts';

const column = (levels: string[], codes: number[]) => ({
  header: 'LoyaltyTier',
  levels,
  codes: Int32Array.from(codes),
});

describe('computeBreakdowns', () => {
  it('gives each segment its share of each level, of the customers with a stated level', () => {
    // Segment 1: Gold, Gold, Silver, (empty); segment 2: Silver ×3.
    const [b] = computeBreakdowns(
      [column(['Gold', 'Silver'], [0, 0, 1, -1, 1, 1, 1])],
      Int32Array.from([1, 1, 1, 1, 2, 2, 2]),
      2,
    );
    expect(b!.stated).toBe(6);
    expect(b!.levels).toEqual([
      { value: 'Silver', share: 4 / 6, count: 4 },
      { value: 'Gold', share: 2 / 6, count: 2 },
    ]);
    expect(b!.bySegment).toEqual([
      { id: 1, stated: 3, shares: { Silver: 1 / 3, Gold: 2 / 3 } },
      { id: 2, stated: 3, shares: { Silver: 1, Gold: 0 } },
    ]);
    expect(b!.test.df).toBe(1);
    // Too few customers for the test to call it: no differences claimed.
    expect(b!.differences).toEqual([]);
  });

  it('names the level a segment holds far more of than all customers, once the test says they depend', () => {
    // 100 customers: segment 1 (40) is 75% Gold, segment 2 (60) is 10% Gold.
    const labels = Int32Array.from({ length: 100 }, (_, i) => (i < 40 ? 1 : 2));
    const codes = Array.from({ length: 100 }, (_, i) => (i < 40 ? (i < 30 ? 0 : 1) : i < 46 ? 0 : 1));
    const [b] = computeBreakdowns([column(['Gold', 'Bronze'], codes)], labels, 2);
    expect(b!.test.p).toBeLessThan(0.001);
    // Largest difference first: Gold in segment 1 (+39 points), then Bronze in segment 2 (90% against 64%).
    expect(b!.differences).toEqual([
      { id: 1, value: 'Gold', share: 0.75, overall: 0.36 },
      { id: 2, value: 'Bronze', share: 0.9, overall: 0.64 },
    ]);
  });

  it('claims nothing when segment and level are independent', () => {
    const labels = Int32Array.from({ length: 200 }, (_, i) => (i % 2) + 1);
    const codes = Array.from({ length: 200 }, (_, i) => Math.floor(i / 2) % 2);
    const [b] = computeBreakdowns([column(['A', 'B'], codes)], labels, 2);
    expect(b!.test.statistic).toBe(0);
    expect(b!.differences).toEqual([]);
  });
});

describe('a segment named as different', () => {
  it('stands out on its own, not only because another segment makes the whole table significant', () => {
    // 200 customers. Segment 1 (40) is all Gold, which makes the table significant. Segment 2 (35) is
    // 40 % Silver against 27 % overall: 13 points, but an adjusted residual of about 1.9, which chance
    // alone gives. Segment 3 (125) is the rest: 68 % Bronze against 53 %, which does stand out.
    const labels: number[] = [];
    const codes: number[] = [];
    const add = (segment: number, gold: number, silver: number, bronze: number) => {
      for (const [code, m] of [gold, silver, bronze].entries())
        for (let i = 0; i < m; i++) {
          labels.push(segment);
          codes.push(code);
        }
    };
    add(1, 40, 0, 0);
    add(2, 0, 14, 21);
    add(3, 0, 40, 85);
    const [b] = computeBreakdowns([column(['Gold', 'Silver', 'Bronze'], codes)], Int32Array.from(labels), 3);
    expect(b!.test.p).toBeLessThan(0.001);
    const silver = b!.levels.find((l) => l.value === 'Silver')!;
    expect(b!.bySegment[1]!.shares.Silver! - silver.share).toBeGreaterThan(0.1);
    expect(b!.differences.map((d) => [d.id, d.value])).toEqual([
      [1, 'Gold'],
      [3, 'Bronze'],
    ]);
  });
});
