/** Repeated ids are found the same way whether the id array was reserved or grew. */
import { describe, expect, it } from 'vitest';
import { DuplicateFinder } from '../../src/ingest/duplicates.ts';

function finder(reserve?: number): DuplicateFinder {
  const found = new DuplicateFinder();
  found.add(1, 0);
  if (reserve !== undefined) found.reserve(reserve);
  return found;
}

describe('DuplicateFinder', () => {
  it('finds repeats across a reservation, within it and beyond it', () => {
    for (const reserve of [undefined, 50, 5_000]) {
      const found = finder(reserve);
      for (let row = 1; row < 3_000; row++) expect(found.add(row + 1, row)).toBe(-1);
      expect(found.add(40, 3_000)).toBe(39);
      expect(found.add(2_999, 3_001)).toBe(2_998);
      expect(found.add('7', 3_002)).toBe(6);
      expect(found.add(1, 3_003)).toBe(0);
    }
  });

  it('finds repeats after a reservation when the ids so far were text', () => {
    const found = new DuplicateFinder();
    found.add('C-1', 0);
    found.reserve(1_000_000);
    expect(found.add('C-1', 1)).toBe(0);
    expect(found.add(5, 2)).toBe(-1);
    expect(found.add(5, 3)).toBe(2);
  });
});
