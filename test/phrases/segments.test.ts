import { describe, expect, it } from 'vitest';
import { segmentHint, withHint } from '../../src/phrases/segments.ts';

describe('segment advice in words', () => {
  it('words each income/spending pair, and the one group of a file without structure', () => {
    expect(segmentHint({ code: 'levels', income: 'High', spending: 'High' })).toBe(
      'Your best customers: keep them with VIP previews, loyalty rewards and premium ranges.',
    );
    expect(segmentHint({ code: 'levels', income: 'Low', spending: 'Low' })).toBe(
      'Price-sensitive: discount days, value packs and essentials.',
    );
    expect(segmentHint({ code: 'one_group' })).toMatch(/^One continuous group/);
  });

  it('puts the hint where --json has always had it: after id and name, the code at the end', () => {
    const entry = withHint({
      id: 2,
      name: 'Mid',
      advice: { code: 'levels', income: 'Mid', spending: 'Mid' },
      size: 9,
    });
    expect(Object.keys(entry)).toEqual(['id', 'name', 'hint', 'size', 'advice']);
    expect(entry.hint).toMatch(/^Mainstream shoppers/);
  });
});
