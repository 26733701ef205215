import { describe, expect, it } from 'vitest';
import { canonicalWhole, idAt, idColumnOf, rowNumberIds, uniqueWholeNumbers } from '../../src/core/ids.ts';

const whole = (xs: number[]) => Float64Array.from(xs);

describe('id columns', () => {
  it('keep canonical whole-number ids as numbers and give each back as written', () => {
    const ids = idColumnOf(['17', '2', '999999999999999', '0']);
    expect(ids.kind).toBe('whole');
    expect([0, 1, 2, 3].map((i) => idAt(ids, i))).toEqual(['17', '2', '999999999999999', '0']);
  });

  it('keep the whole column as text when one id is not canonical, so every id stays as written', () => {
    for (const odd of ['017', '17.0', 'C17', '-1', '+1', ' 1', '1e3', '1234567890123456', '']) {
      const ids = idColumnOf(['1', odd, '3']);
      expect(ids.kind, odd).toBe('text');
      expect(idAt(ids, 1)).toBe(odd);
      expect(idAt(ids, 0)).toBe('1');
    }
  });

  it('number rows from 1', () => {
    const ids = rowNumberIds(3);
    expect([0, 1, 2].map((i) => idAt(ids, i))).toEqual(['1', '2', '3']);
  });

  it('read digits only, without leading zeros, up to 15 digits', () => {
    expect(canonicalWhole('42')).toBe(42);
    expect(canonicalWhole('0')).toBe(0);
    expect(canonicalWhole('042')).toBe(-1);
    expect(canonicalWhole('4.2')).toBe(-1);
    expect(canonicalWhole('1234567890123456')).toBe(-1);
  });
});

describe('numeric id check', () => {
  it('proves distinct whole-number ids by bitmap or by sorting', () => {
    expect(uniqueWholeNumbers(whole([1, 2, 3]))).toBe(true);
    expect(uniqueWholeNumbers(whole([1, 2, 1]))).toBe(false);
    expect(uniqueWholeNumbers(whole([10000000000, 5, 10000000000]))).toBe(false);
    expect(uniqueWholeNumbers(whole([10000000000, 5]))).toBe(true);
    // A large id met after small ones: the repeat may be on either side of it.
    expect(uniqueWholeNumbers(whole([4, 9, 10000000000, 9]))).toBe(false);
    expect(uniqueWholeNumbers(whole([4, 9, 10000000000, 12]))).toBe(true);
    const big = whole([10000000000, 5, 7]);
    uniqueWholeNumbers(big);
    expect([...big]).toEqual([10000000000, 5, 7]); // the sort works on a copy
  });
});
