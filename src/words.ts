/**
 * Numbers, sizes, shares and lists in words, the same in every layer and
 * every transport, independent of the machine's locale: thousands separators,
 * one decimal for means, "40.5%" for a share, "41%" for a whole percentage,
 * "100 MB" for a size. Pure; it imports only core types. Sentences built from
 * these live in commands/messages.ts and the renderers; core never imports this.
 */
import type { FeatureSpec } from './core/features.ts';
import { hasAgeColumn, hasGenderColumn, hasIdColumn } from './core/source.ts';
import type { SourceInfo, Structure, TextEncoding } from './core/types.ts';

const INTEGER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const ONE_DECIMAL = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const TWO_DECIMALS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const finiteOr = (x: number, format: (x: number) => string) => (Number.isFinite(x) ? format(x) : '–');

/** 1234567 → "1,234,567" (rounded to a whole number). */
export const formatCount = (n: number) => finiteOr(n, (x) => INTEGER.format(x));
/** A mean or centre: 38.846 → "38.8". */
export const formatMean = (x: number) => finiteOr(x, (v) => ONE_DECIMAL.format(v));
/** Statistics that live near 0–1 or need two places (silhouette, r, skewness): 0.5539 → "0.55". */
export const formatFigure = (x: number) => finiteOr(x, (v) => TWO_DECIMALS.format(v));
/** Large sums like inertia: 44448.5 → "44,449"; small ones keep two places. */
export const formatMeasure = (x: number) => (Math.abs(x) >= 100 ? formatCount(x) : formatFigure(x));
/** A share of 1 to one decimal: 0.405 → "40.5%". */
export const formatShare = (share: number) => finiteOr(share, (s) => `${ONE_DECIMAL.format(s * 100)}%`);
/** A whole percentage (already 0–100): 41 → "41%". */
export const formatPercent = (percent: number) => finiteOr(percent, (p) => `${INTEGER.format(p)}%`);
/** A share of 1 as a whole percentage: 0.405 → "41%"; a share above 0 but under 1% is "under 1%". */
export const formatWholeShare = (share: number) =>
  share > 0 && share < 0.005 ? 'under 1%' : formatPercent(share * 100);
/** Any fixed number of decimals with thousands separators: formatDecimal(181363.59, 1) → "181,363.6". */
export function formatDecimal(x: number, digits: number): string {
  return finiteOr(x, (v) =>
    v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }),
  );
}

/** Human sizes: "100 MB", "1.5 MB", "64 KB", "900 bytes" (a trailing .0 is dropped). */
export function formatBytes(bytes: number): string {
  const units: Array<[number, string]> = [
    [1024 ** 3, 'GB'],
    [1024 ** 2, 'MB'],
    [1024, 'KB'],
  ];
  for (const [size, unit] of units) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
  }
  return `${formatCount(bytes)} ${bytes === 1 ? 'byte' : 'bytes'}`;
}

/**
 * The one sentence for a file over the size limit, whichever gate stops it
 * (Slack's announced size, the download, the CLI's stat, the stream guard):
 * "sales.csv is 120 MB, over the 100 MB limit; …". `size` is undefined when
 * only "more than the limit" is known (a stream cut off at the limit).
 */
export const fileTooLarge = (name: string, size: number | undefined, maxBytes: number) =>
  `${name} is ${size === undefined ? 'larger than' : `${formatBytes(size)}, over`} the ${formatBytes(maxBytes)} limit; remove unused columns or split it`;

/** "2026-11-29" (UTC, so every reader sees the same date). */
export const formatDate = (date: Date) => date.toISOString().slice(0, 10);

export const plural = (n: number, word: string, many = `${word}s`) =>
  `${formatCount(n)} ${n === 1 ? word : many}`;

/** "a, b and c" (or "a, b or c"). */
export function listWords(words: readonly string[], last: 'and' | 'or' = 'and'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${last} ${words.at(-1)}`;
}

/**
 * Kaufman & Rousseeuw's reading of a mean silhouette, in plain words; the only
 * wording of it. Their "weak structure, could be artificial" (0.25–0.5) is the
 * question the structure test answers: when it finds clear groups, "weakly
 * separated" would contradict it (Mall with age, 0.43), so the words say the
 * groups are real and overlap.
 */
export function separationWords(silhouette: number, structure?: Structure): string {
  if (!Number.isFinite(silhouette)) return 'separation unknown';
  if (silhouette >= 0.7) return 'strongly separated';
  if (silhouette >= 0.5) return 'well separated';
  if (structure === 'clear')
    return silhouette >= 0.25 ? 'distinct but partly overlapping' : 'distinct but overlapping a lot';
  if (silhouette >= 0.25) return 'weakly separated';
  return 'barely separated (they overlap)';
}

/** "5 segments, well separated (silhouette 0.55)". */
export const segmentsInWords = (k: number, silhouette: number, structure?: Structure) =>
  `${plural(k, 'segment')}, ${separationWords(silhouette, structure)} (silhouette ${formatFigure(silhouette)})`;

const ENCODING_NAMES = {
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252 (Latin-1)',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
} as const satisfies Record<TextEncoding, string>;

/**
 * How the file was read, when it is worth saying: the sheet of a workbook
 * ("Read the sheet "Customers" of the workbook."), an encoding other than
 * UTF-8 ("Read as Windows-1252 (Latin-1) text."), and the optional columns
 * the file lacks. Empty for a UTF-8 CSV with every column.
 */
export function sourceNotes(source: Pick<SourceInfo, 'encoding' | 'sheet' | 'absentColumns'>): string[] {
  const notes: string[] = [];
  const read = readingNote(source);
  if (read !== null) notes.push(read);
  if (!hasIdColumn(source)) notes.push('No CustomerID column: customers are numbered by row (1, 2, 3, …).');
  if (!hasGenderColumn(source)) notes.push('No Gender column: the gender charts and columns are left out.');
  if (!hasAgeColumn(source)) notes.push('No Age column: age is left out of the profiles.');
  return notes;
}

/**
 * The sheet(s) of a workbook, or a text encoding other than UTF-8, as a sentence; null for a
 * UTF-8 CSV. (An order-line workbook can be read from several sheets: one per year.)
 */
export function readingNote(
  source: Pick<SourceInfo, 'encoding' | 'sheet'> & { sheets?: readonly string[] },
): string | null {
  const sheets = source.sheets ?? (source.sheet === undefined ? [] : [source.sheet]);
  if (sheets.length === 1) return `Read the sheet "${sheets[0]}" of the workbook.`;
  if (sheets.length > 1) return `Read the sheets ${listWords(sheets.map((s) => `"${s}"`))} of the workbook.`;
  if (source.encoding !== undefined && source.encoding !== 'utf-8')
    return `Read as ${ENCODING_NAMES[source.encoding]} text.`;
  return null;
}

const boundWords = (x: number) => (Number.isInteger(x) ? formatCount(x) : formatDecimal(x, 1));

/** "a whole number of years from 0 to 120", "a number of k$ from 0 to 10,000", "a number from 1 to 100". */
export function expectedValueWords(spec: FeatureSpec): string {
  const { min, max, whole } = spec.bounds;
  const kind = `${whole ? 'a whole number' : 'a number'}${spec.measure ? ` of ${spec.measure}` : ''}`;
  if (Number.isFinite(min) && Number.isFinite(max))
    return `${kind} from ${boundWords(min)} to ${boundWords(max)}`;
  if (Number.isFinite(min)) return `${kind}, ${boundWords(min)} or more`;
  if (Number.isFinite(max)) return `${kind}, at most ${boundWords(max)}`;
  return kind;
}
