/**
 * What to do with each segment, in words: one line of marketing advice from
 * its income and spending levels (core/segments.ts gives them as a code), or
 * the one group of a file without structure. The `hint` of the reports,
 * Slack and `--json`.
 */
import type { SegmentAdvice } from '../core/findings.ts';
import { STRUCTURE_MIN_PROFILES_PER_SEGMENT } from '../core/structure.ts';
import type { Level } from '../core/types.ts';
import { formatCount } from '../words.ts';

/** The one group of a file without structure (core/structure.ts 'none'), on the customer and the RFM path alike. */
export const ONE_GROUP_HINT =
  'One continuous group: no part of it is distinct enough to target on its own, so any split would be an arbitrary cut.';

/**
 * Structure 'untested' (too few different profiles for the structure test), after "who have" or
 * "The customers have": neither "no real groups" nor a strength the test could not show.
 */
export const tooFewProfilesWords = (profiles: number, k: number) =>
  `only ${formatCount(profiles)} different profiles on the features segmented on: too few to test whether these are real groups (that takes at least ${formatCount(STRUCTURE_MIN_PROFILES_PER_SEGMENT * k)}), so read the advice as tentative.`;

const BY_LEVELS: Record<`${Level}/${Level}`, string> = {
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

export function segmentHint(advice: SegmentAdvice): string {
  return advice.code === 'one_group' ? ONE_GROUP_HINT : BY_LEVELS[`${advice.income}/${advice.spending}`];
}

/** A segment reference as `--json` has always had it (`id`, `name`, `hint`), with the code after. */
export const withHint = <S extends { id: number; name: string; advice: SegmentAdvice }>({
  id,
  name,
  advice,
  ...rest
}: S) => ({ id, name, hint: segmentHint(advice), ...rest, advice });
