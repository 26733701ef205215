import { describe, expect, it } from 'vitest';
import type { CheckContext } from '../../../src/core/assumptions/context.ts';
import { spreadBalanceCheck } from '../../../src/core/assumptions/spread-balance.ts';
import { createRng } from '../../../src/core/random.ts';

const ctx = (spreads: number[]) =>
  ({
    segments: spreads.map((spread, i) => ({ id: i + 1, name: `S${i + 1}`, spread })),
  }) as unknown as CheckContext;

describe('spread balance', () => {
  it('gives the ratio in standard-deviation units and says so', () => {
    // Mean squared distances 9 and 1: standard deviations 3 and 1.
    const check = spreadBalanceCheck(ctx([9, 1]));
    expect(check.value).toBeCloseTo(3, 10);
    expect(check.status).toBe('fail');
    expect(check.finding).toEqual({
      code: 'spreadBalance.uneven',
      loosest: { id: 1, name: 'S1' },
      ratio: check.value,
    });
  });

  it('passes similar spreads with matching words', () => {
    const check = spreadBalanceCheck(ctx([2.25, 1]));
    expect(check.status).toBe('pass');
    expect(check.finding).toEqual({ code: 'spreadBalance.even', ratio: check.value });
  });

  it('reports in its finding the figure it gives as value, for any spreads', () => {
    const rng = createRng(8);
    for (let run = 0; run < 200; run++) {
      const spreads = Array.from({ length: 2 + Math.floor(rng() * 8) }, () => 0.05 + rng() * 3);
      const check = spreadBalanceCheck(ctx(spreads));
      const sds = spreads.map(Math.sqrt);
      expect(check.value).toBeCloseTo(Math.max(...sds) / Math.min(...sds), 12);
      expect(check.finding).toMatchObject({ ratio: check.value });
    }
  });
});
