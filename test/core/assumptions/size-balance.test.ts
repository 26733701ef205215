import { describe, expect, it } from 'vitest';
import type { CheckContext } from '../../../src/core/assumptions/context.ts';
import { sizeBalanceCheck } from '../../../src/core/assumptions/size-balance.ts';

const ctx = (sizes: number[]) => {
  const total = sizes.reduce((a, b) => a + b, 0);
  return {
    segments: sizes.map((size, i) => ({ id: i + 1, name: `S${i + 1}`, size, share: size / total })),
  } as unknown as CheckContext;
};

describe('size balance', () => {
  it('fails a segment under 10 customers, however large its share', () => {
    const check = sizeBalanceCheck(ctx([40, 30, 9]));
    expect(check.status).toBe('fail');
    expect(check.finding).toMatchObject({
      code: 'sizeBalance.tiny',
      smallest: { id: 3, name: 'S3' },
      size: 9,
    });
    expect(check.action).toEqual({ action: 'fewer-k', k: 2 });
  });

  it('offers one segment fewer as a k to type, and no smaller k below two segments', () => {
    expect(sizeBalanceCheck(ctx([300, 200, 100, 5])).action).toEqual({ action: 'fewer-k', k: 3 });
    const pair = sizeBalanceCheck(ctx([300, 2]));
    expect(pair.status).toBe('fail');
    expect(pair.advice).toEqual({ code: 'few-unusual' });
    expect(pair.action).toBeUndefined();
    // 3 % of a big file is no handful of unusual customers: a niche.
    expect(sizeBalanceCheck(ctx([9_700, 300])).advice).toEqual({ code: 'niche-segment' });
  });

  it('fails a segment under 1 % of customers, however many customers it has', () => {
    const check = sizeBalanceCheck(ctx([1_000, 985, 15]));
    expect(check.value).toBeCloseTo(0.0075, 10);
    expect(check.status).toBe('fail');
    expect(check.finding).toMatchObject({ code: 'sizeBalance.tiny', size: 15, share: check.value });
  });

  it('warns from 1 % to 5 %, and passes from 5 % with at least 10 customers', () => {
    expect(sizeBalanceCheck(ctx([600, 370, 30])).status).toBe('warn');
    expect(sizeBalanceCheck(ctx([500, 400, 100])).status).toBe('pass');
    expect(sizeBalanceCheck(ctx([100, 90, 10])).status).toBe('pass');
  });
});
