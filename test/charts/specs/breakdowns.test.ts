import { describe, expect, it } from 'vitest';
import {
  ALL_CUSTOMERS,
  breakdownBars,
  breakdownChart,
  breakdownOrder,
} from '../../../src/charts/specs/breakdowns.ts';
import { LEVELS_SHOWN, OTHER_LEVEL } from '../../../src/phrases/columns.ts';
import { fixtureInput } from '../support.ts';

const input = fixtureInput({ breakdowns: true });
const a = input.analysis;

describe('the breakdown chart', () => {
  it('has one bar for all customers, then one per segment, for each breakdown column', () => {
    for (const b of a.breakdowns) {
      const bars = breakdownBars(input, b);
      const rows = [...new Set(bars.map((x) => x.row))];
      expect(rows).toHaveLength(a.segments.length + 1);
      expect(rows[0]).toMatch(new RegExp(`^${ALL_CUSTOMERS} \\(`));
      expect(rows.slice(1)).toEqual(a.segments.map((s) => `${s.id} · ${s.name}`));
    }
  });

  it("gives each bar shares that sum to 1, in the breakdown's level order, pooling the levels past LEVELS_SHOWN", () => {
    for (const b of a.breakdowns) {
      const bars = breakdownBars(input, b);
      const expected = b.levels.slice(0, LEVELS_SHOWN).map((l) => l.value);
      if (b.levels.length > LEVELS_SHOWN) expected.push(OTHER_LEVEL);
      for (const row of new Set(bars.map((x) => x.row))) {
        const pieces = bars.filter((x) => x.row === row);
        expect(pieces.map((x) => x.level)).toEqual(expected);
        expect(pieces.reduce((sum, x) => sum + x.share, 0)).toBeCloseTo(1, 9);
        expect(pieces.at(-1)!.end).toBeCloseTo(1, 9);
      }
    }
    // The fixture's region has eight levels, so the pooling is exercised.
    expect(a.breakdowns.some((b) => b.levels.length > LEVELS_SHOWN)).toBe(true);
  });

  it('draws the most telling column first: the tier that leans to Gold, before the region that does not', () => {
    expect(a.breakdowns.map((b) => b.column)).toEqual(['Region', 'LoyaltyTier']);
    expect(breakdownOrder(a.breakdowns).map((b) => b.column)).toEqual(['LoyaltyTier', 'Region']);
    const { spec, title, alt } = breakdownChart(input);
    expect(title).toBe('Segments by loyalty tier and region');
    expect((spec as { vconcat: unknown[] }).vconcat).toHaveLength(2);
    expect(alt).toMatch(
      /^Share of each loyalty tier and region level .* segment 2 \(.*\) is \d+% Gold loyalty tier \(all customers: \d+%\)\.$/,
    );
  });

  it('is never drawn for a file without breakdown columns', () => {
    expect(() => breakdownChart(fixtureInput())).toThrow(/breakdown columns/);
  });
});
