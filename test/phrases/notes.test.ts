import { describe, expect, it } from 'vitest';
import { noteWords } from '../../src/phrases/notes.ts';

describe('analysis notes in words', () => {
  it('says the k sweep ran on a sample, with thousands separators', () => {
    expect(noteWords({ code: 'sweep_sampled', size: 10_000, of: 1_250_000 })).toBe(
      'k was chosen on a random sample of 10,000 of 1,250,000 customers; the segments use every customer.',
    );
  });

  it('says incomes look like dollars, with the median rounded, and how to fix the file', () => {
    const words = noteWords({ code: 'income_in_dollars', median: 61_499.6 });
    expect(words).toContain('its median is 61,500: the file probably gives dollars');
    expect(words).toContain('Divide that column by 1,000');
  });

  it('says the fit stopped at the iteration cap', () => {
    expect(noteWords({ code: 'not_converged', iterations: 300 })).toBe(
      'k-means stopped after 300 iterations before fully settling.',
    );
  });
});
