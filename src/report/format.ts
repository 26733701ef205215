import { FEATURE_CATALOGUE, featureSpecIn, titleWithUnit } from '../core/features.ts';
import { type Feature, isCatalogueFeature, type SourceInfo } from '../core/types.ts';

/** Feature titles come from the feature catalogue; number formats from src/words.ts. */
export const FEATURE_TITLES = {
  age: titleWithUnit(FEATURE_CATALOGUE.age),
  income: titleWithUnit(FEATURE_CATALOGUE.income),
  spending: titleWithUnit(FEATURE_CATALOGUE.spending),
} as const;

/** Any feature's title with its unit: the catalogue's, or a file column's as ingest recorded it. */
export const featureTitleIn = (source: Pick<SourceInfo, 'extraRoles'>, f: Feature): string =>
  isCatalogueFeature(f) ? FEATURE_TITLES[f] : titleWithUnit(featureSpecIn(source, f));

/** Pads cells into a fixed-width text table (numbers right-aligned). */
export function textTable(columns: string[], rows: string[][], align: Array<'left' | 'right'> = []): string {
  const widths = columns.map((c, j) => Math.max(c.length, ...rows.map((r) => (r[j] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, j) => (align[j] === 'right' ? c.padStart(widths[j]!) : c.padEnd(widths[j]!)))
      .join('  ')
      .trimEnd();
  return [line(columns), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
