import { describe, expect, it } from 'vitest';
import { FEATURE_CATALOGUE } from '../src/core/features.ts';
import {
  expectedValueWords,
  formatBytes,
  formatCount,
  formatPercent,
  formatShare,
  formatWholeShare,
  listWords,
  readingNote,
  segmentsInWords,
} from '../src/words.ts';

describe('the words of numbers', () => {
  it('writes sizes one way: no trailing .0', () => {
    expect(formatBytes(100 * 1024 * 1024)).toBe('100 MB');
    expect(formatBytes(1.5 * 1024 * 1024)).toBe('1.5 MB');
    expect(formatBytes(64 * 1024)).toBe('64 KB');
    expect(formatBytes(900)).toBe('900 bytes');
  });

  it('writes shares and percentages without a space', () => {
    expect(formatShare(0.405)).toBe('40.5%');
    expect(formatPercent(41)).toBe('41%');
    expect(formatWholeShare(0.405)).toBe('41%');
    expect(formatWholeShare(0.001)).toBe('under 1%');
    expect(formatWholeShare(0)).toBe('0%');
  });

  it('writes counts and lists', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(listWords(['a', 'b', 'c'])).toBe('a, b and c');
    expect(listWords(['a', 'b'], 'or')).toBe('a or b');
  });

  it('reads a silhouette one way', () => {
    expect(segmentsInWords(5, 0.5539)).toBe('5 segments, well separated (silhouette 0.55)');
  });

  it('says what value a feature expects, from its catalogue bounds', () => {
    expect(expectedValueWords(FEATURE_CATALOGUE.age)).toBe('a whole number from 0 to 120');
    expect(expectedValueWords(FEATURE_CATALOGUE.income)).toBe('a number of k$ from 0 to 10,000');
    expect(expectedValueWords(FEATURE_CATALOGUE.spending)).toBe('a number from 1 to 100');
  });
});

describe('readingNote', () => {
  it('names the sheet or sheets of a workbook, or an encoding other than UTF-8, and nothing for UTF-8', () => {
    expect(readingNote({ sheet: 'Customers', encoding: 'utf-8' })).toBe(
      'Read the sheet "Customers" of the workbook.',
    );
    expect(readingNote({ sheets: ['Year 2009-2010', 'Year 2010-2011'], encoding: 'utf-8' })).toBe(
      'Read the sheets "Year 2009-2010" and "Year 2010-2011" of the workbook.',
    );
    expect(readingNote({ encoding: 'windows-1252' })).toBe('Read as Windows-1252 (Latin-1) text.');
    expect(readingNote({ encoding: 'utf-8' })).toBeNull();
  });
});
