import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDate,
  formatFigure,
  formatMean,
  formatMeasure,
  formatShare,
  listWords,
  segmentsInWords,
} from '../../src/commands/format.ts';

describe('numbers for people', () => {
  it('separates thousands and rounds means to one decimal', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatMean(38.846)).toBe('38.8');
    expect(formatMean(60)).toBe('60.0');
    expect(formatMeasure(44448.5)).toBe('44,449');
    expect(formatMeasure(65.571)).toBe('65.57');
  });
  it('shows shares as percentages and a dash for a missing figure', () => {
    expect(formatShare(0.405)).toBe('40.5%');
    expect(formatFigure(Number.NaN)).toBe('–');
  });
  it('writes dates in UTC as YYYY-MM-DD', () =>
    expect(formatDate(new Date('2026-11-29T23:30:00Z'))).toBe('2026-11-29'));
  it('joins words with commas and "and"', () => {
    expect(listWords(['age'])).toBe('age');
    expect(listWords(['age', 'income', 'spending'])).toBe('age, income and spending');
  });
  it('describes k and silhouette in plain words', () => {
    expect(segmentsInWords(5, 0.5539)).toBe('5 segments, well separated (silhouette 0.55)');
    expect(segmentsInWords(3, 0.31)).toBe('3 segments, weakly separated (silhouette 0.31)');
    expect(segmentsInWords(2, 0.1)).toBe('2 segments, barely separated (they overlap) (silhouette 0.10)');
    // Clear groups by the structure test are not called weak: they are real and overlap.
    expect(segmentsInWords(6, 0.43, 'clear')).toBe(
      '6 segments, distinct but partly overlapping (silhouette 0.43)',
    );
    expect(segmentsInWords(6, 0.43, 'weak')).toBe('6 segments, weakly separated (silhouette 0.43)');
    expect(segmentsInWords(5, 0.55, 'clear')).toBe('5 segments, well separated (silhouette 0.55)');
  });
});
