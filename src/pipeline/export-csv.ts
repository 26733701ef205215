/**
 * The customer export: every customer with their segment, as CSV that is safe
 * to open in a spreadsheet. A cell starting with = + - @ tab or CR would be
 * read as a formula (CSV injection), so it gets a leading apostrophe; cells
 * with separators, quotes or line breaks are quoted per RFC 4180.
 */

import { FEATURE_CATALOGUE, featureColumn } from '../core/features.ts';
import { idAt } from '../core/ids.ts';
import { scaleVector } from '../core/scale.ts';
import { hasAgeColumn, hasGenderColumn } from '../core/source.ts';
import { type Analysis, type CustomerTable, FEATURES, GENDER_CODE } from '../core/types.ts';

export const EXPORT_COLUMNS = [
  'CustomerID',
  'Gender',
  ...FEATURES.map((feature) => FEATURE_CATALOGUE[feature].header),
  'Segment',
  'Segment name',
  'Distance to centre',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const csvLine = (cells: readonly string[]) => `${cells.map(csvCell).join(',')}\r\n`;

const genderName = (code: number | undefined) =>
  code === GENDER_CODE.Female ? 'Female' : code === GENDER_CODE.Male ? 'Male' : '';

/** Distance of each customer to their segment's centre, in the space the segments were found in. */
export function distancesToCentre(table: CustomerTable, analysis: Analysis): Float64Array {
  const { model } = analysis;
  const out = new Float64Array(table.length);
  for (let i = 0; i < table.length; i++) {
    const x = scaleVector(
      model.features.map((f) => featureColumn(table, f)[i]!),
      model.scaler,
    );
    const centre = model.centroids[analysis.labels[i]! - 1] ?? [];
    out[i] = Math.sqrt(centre.reduce((sum, c, j) => sum + (c - x[j]!) ** 2, 0));
  }
  return out;
}

/**
 * UTF-8 text with a byte-order mark, so spreadsheet programs read segment
 * names correctly. A file without a Gender column exports none.
 */
export function customersCsv(table: CustomerTable, analysis: Analysis): string {
  const names = new Map(analysis.segments.map((s) => [s.id, s.name]));
  const distances = distancesToCentre(table, analysis);
  const gender = hasGenderColumn(analysis.source);
  // A file without an Age column exports no Age column (its ages are NaN).
  const age = hasAgeColumn(analysis.source);
  const dropped = [...(gender ? [] : ['Gender']), ...(age ? [] : [FEATURE_CATALOGUE.age.header])];
  // The file's breakdown and other numeric columns go after the features, as written in the file.
  const categories = table.categories ?? [];
  const numbers = table.numbers ?? [];
  const extra = [...categories.map((c) => c.header), ...numbers.map((c) => c.header)];
  const fixed = EXPORT_COLUMNS.filter((c) => !dropped.includes(c));
  const at = fixed.indexOf('Segment');
  const columns = [...fixed.slice(0, at), ...extra, ...fixed.slice(at)];
  const lines = [`\uFEFF${csvLine(columns)}`];
  for (let i = 0; i < table.length; i++) {
    const segment = analysis.labels[i]!;
    lines.push(
      csvLine([
        idAt(table.ids, i),
        ...(gender ? [genderName(table.gender[i])] : []),
        ...(age ? [String(table.age[i])] : []),
        String(table.income[i]),
        String(table.spending[i]),
        ...categories.map((c) => c.levels[c.codes[i]!] ?? ''),
        ...numbers.map((c) => (Number.isNaN(c.values[i]!) ? '' : String(c.values[i]))),
        String(segment),
        names.get(segment) ?? '',
        distances[i]!.toFixed(4),
      ]),
    );
  }
  return lines.join('');
}

/** "sales-2026-segments-k5.csv". */
export function exportFileName(sourceName: string, k: number): string {
  const stem = sourceName.replace(/\.[^.]*$/, '').replace(/[^\w.-]+/g, '-') || 'customers';
  return `${stem}-segments-k${k}.csv`;
}
