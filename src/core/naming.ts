import type { Feature, Level } from './types.ts';

/**
 * Plain-language segment names and advice, from where a segment's centre sits
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

const AGE_WORDS: Record<Level, string> = { Low: 'Younger', Mid: 'Middle-aged', High: 'Older' };

/** E.g. "High income · Low spending", or "Younger · Mid income · High spending" when age is clustered on. */
export function segmentName(levels: Partial<Record<Feature, Level>>, features: readonly Feature[]): string {
  const parts: string[] = [];
  if (features.includes('age') && levels.age) parts.push(AGE_WORDS[levels.age]);
  if (features.includes('income') && levels.income) parts.push(`${levels.income} income`);
  if (features.includes('spending') && levels.spending) parts.push(`${levels.spending} spending`);
  return parts.join(' · ');
}

const HINTS: Record<string, string> = {
  'High/High': 'Your best customers: keep them with VIP previews, loyalty rewards and premium ranges.',
  'High/Low': 'They could spend far more: win them with quality, service and exclusive offers.',
  'High/Mid': 'Comfortable earners with room to grow: upsell premium lines and personal offers.',
  'Mid/High': 'Keen shoppers: reward loyalty and tell them first about new arrivals.',
  'Mid/Mid': 'Mainstream shoppers: regular campaigns, loyalty points and seasonal events work best.',
  'Mid/Low': 'Under-engaged: targeted offers and reminders can bring them back.',
  'Low/High': 'Spend freely on a tight budget: promotions and bundles work; go easy on credit offers.',
  'Low/Mid': 'Budget-minded regulars: value packs and everyday low prices.',
  'Low/Low': 'Price-sensitive: discount days, value packs and essentials.',
};

/** One line of marketing advice from the segment's income and spending levels. */
export function segmentHint(income: Level, spending: Level): string {
  return HINTS[`${income}/${spending}`]!;
}
