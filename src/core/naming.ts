import { type Feature, isCatalogueFeature, type Level } from './types.ts';

/**
 * Plain-language segment names (their advice is a code, worded in phrases/segments.ts), from where a segment's centre sits
 * relative to the whole customer base — never from k-means' arbitrary cluster
 * numbers, a classic bug in Mall-data notebooks.
 */

/** Half a standard deviation either side of the overall mean counts as "Mid". */
export function levelOf(value: number, mean: number, sd: number): Level {
  if (!(sd > 0)) return 'Mid';
  const z = (value - mean) / sd;
  if (z < -0.5) return 'Low';
  return z > 0.5 ? 'High' : 'Mid';
}

/**
 * The one segment when the structure test finds no groups (core/structure.ts
 * 'none'), on the customer and the RFM path alike (phrases/rfm-segments.ts).
 */
export const ONE_GROUP_NAME = 'All customers';

const AGE_WORDS: Record<Level, string> = { Low: 'Younger', Mid: 'Middle-aged', High: 'Older' };

/**
 * E.g. "High income · Low spending", or "Younger · Mid income · High spending" when age is clustered on;
 * a candidate column clustered on adds its level and noun ("High visits"), after the catalogue's.
 */
export function segmentName(
  levels: Partial<Record<Feature, Level>>,
  features: readonly Feature[],
  noun: (feature: Feature) => string = (f) => f.replace(/_/g, ' '),
): string {
  const parts: string[] = [];
  if (features.includes('age') && levels.age) parts.push(AGE_WORDS[levels.age]);
  if (features.includes('income') && levels.income) parts.push(`${levels.income} income`);
  if (features.includes('spending') && levels.spending) parts.push(`${levels.spending} spending`);
  for (const f of features) {
    const level = levels[f];
    if (!isCatalogueFeature(f) && level) parts.push(`${level} ${noun(f)}`);
  }
  return parts.join(' · ');
}
