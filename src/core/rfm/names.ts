/**
 * RFM segment names from where a segment's centre sits, scored 1–5 against
 * every customer (scores.ts), never from the cluster's index. The rules
 * follow the classic grid (R's `rfm` package: Champions … Lost), checked in
 * order; the first that fits names the segment. Codes only: the words for
 * each code (title, description, advice) live in RFM_SEGMENT_WORDS.
 */
import { ONE_GROUP_WORDS } from '../one-group.ts';

export const RFM_SEGMENT_CODES = [
  'champions',
  'loyal',
  'cantLose',
  'atRisk',
  'newCustomers',
  'potentialLoyalists',
  'promising',
  'needAttention',
  'aboutToSleep',
  'hibernating',
  'lost',
  // Not a place on the grid: the one segment when the structure test finds no groups (analyze.ts).
  'allCustomers',
] as const;
export type RfmSegmentCode = (typeof RFM_SEGMENT_CODES)[number];

export interface CentreScores {
  r: number;
  f: number;
  m: number;
}

/** `scores` are the segment's mean 1–5 scores (so 2.4 is possible). */
export function rfmSegmentCode({ r, f, m }: CentreScores): RfmSegmentCode {
  if (r >= 4 && f >= 4 && m >= 4) return 'champions';
  if (r >= 3 && f >= 3) return 'loyal';
  if (r < 2.5 && f >= 4 && m >= 4) return 'cantLose';
  if (r < 2.5 && f >= 2.5) return 'atRisk';
  if (r >= 4 && f < 1.5) return 'newCustomers';
  if (r >= 3 && f >= 2) return 'potentialLoyalists';
  if (r >= 3) return 'promising';
  if (r >= 2.5 && f >= 2) return 'needAttention';
  if (r >= 2.5) return 'aboutToSleep';
  if (f >= 1.5 || m >= 2.5) return 'hibernating';
  return 'lost';
}

export const RFM_SEGMENT_WORDS: Record<
  RfmSegmentCode,
  { name: string; description: string; advice: string }
> = {
  champions: {
    name: 'Champions',
    description: 'bought recently, often, and spend the most',
    advice: 'Reward them: early access, loyalty perks; ask for reviews and referrals.',
  },
  loyal: {
    name: 'Loyal customers',
    description: 'buy often and fairly recently',
    advice: 'Upsell higher-value products and invite them into the loyalty programme.',
  },
  cantLose: {
    name: "Can't lose them",
    description: 'were among the best customers, but not lately',
    advice: 'Win them back personally: a call or a tailored offer before they go to a competitor.',
  },
  atRisk: {
    name: 'At risk',
    description: 'used to buy often, not lately',
    advice: 'Send a personal win-back message with a relevant offer; ask what changed.',
  },
  newCustomers: {
    name: 'New customers',
    description: 'bought for the first time recently',
    advice: 'Welcome them and make the second order easy: onboarding mails, a small next-order incentive.',
  },
  potentialLoyalists: {
    name: 'Potential loyalists',
    description: 'recent customers with a few orders',
    advice: 'Offer membership or a loyalty programme, and recommend products from their orders.',
  },
  promising: {
    name: 'Promising',
    description: 'recent buyers who have not ordered much yet',
    advice: 'Build the habit: useful content and a free-shipping threshold just above their basket.',
  },
  needAttention: {
    name: 'Need attention',
    description: 'average recency and frequency, drifting',
    advice: 'Limited-time offers based on past purchases, before they fall asleep.',
  },
  aboutToSleep: {
    name: 'About to sleep',
    description: 'below average recency and frequency',
    advice: 'Share popular products and a discount to reconnect.',
  },
  hibernating: {
    name: 'Hibernating',
    description: 'last order long ago, few orders',
    advice: 'Include them in broad seasonal campaigns only; do not spend much on them.',
  },
  lost: {
    name: 'Lost',
    description: 'one small order, long ago',
    advice: 'Try one reactivation campaign at most; otherwise leave them out of paid campaigns.',
  },
  allCustomers: {
    name: ONE_GROUP_WORDS.name,
    description: 'no part of them buys distinctly enough to target on its own',
    advice: ONE_GROUP_WORDS.hint,
  },
};
