/**
 * The words of numbers, sizes, shares and lists come from src/words.ts, the
 * one module every layer uses; this re-export keeps commands' imports short.
 */
export {
  formatBytes,
  formatCount,
  formatDate,
  formatDecimal,
  formatFigure,
  formatMean,
  formatMeasure,
  formatPercent,
  formatShare,
  formatWholeShare,
  listWords,
  plural,
  readingNote,
  segmentsInWords,
  separationWords,
  sourceNotes,
} from '../words.ts';

export const VERDICT_MARK = { pass: '✅', warn: '⚠️', fail: '❌' } as const;
