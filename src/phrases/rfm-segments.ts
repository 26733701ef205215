/**
 * RFM segments in words: what each grid code's customers do and what to do
 * with them (core/rfm/names.ts gives the code and the name, a label like the
 * customer path's). The `description` and `hint` of the replies, the file
 * report and `--json`.
 */
import type { RfmAnalysis, RfmModel, RfmSegment } from '../core/rfm/analyze.ts';
import type { RfmSegmentCode } from '../core/rfm/names.ts';
import { ONE_GROUP_HINT } from './segments.ts';

export const RFM_SEGMENT_WORDS: Record<RfmSegmentCode, { description: string; advice: string }> = {
  champions: {
    description: 'bought recently, often, and spend the most',
    advice: 'Reward them: early access, loyalty perks; ask for reviews and referrals.',
  },
  loyal: {
    description: 'buy often and fairly recently',
    advice: 'Upsell higher-value products and invite them into the loyalty programme.',
  },
  cantLose: {
    description: 'were among the best customers, but not lately',
    advice: 'Win them back personally: a call or a tailored offer before they go to a competitor.',
  },
  atRisk: {
    description: 'used to buy often, not lately',
    advice: 'Send a personal win-back message with a relevant offer; ask what changed.',
  },
  newCustomers: {
    description: 'bought for the first time recently',
    advice: 'Welcome them and make the second order easy: onboarding mails, a small next-order incentive.',
  },
  potentialLoyalists: {
    description: 'recent customers with a few orders',
    advice: 'Offer membership or a loyalty programme, and recommend products from their orders.',
  },
  promising: {
    description: 'recent buyers who have not ordered much yet',
    advice: 'Build the habit: useful content and a free-shipping threshold just above their basket.',
  },
  needAttention: {
    description: 'average recency and frequency, drifting',
    advice: 'Limited-time offers based on past purchases, before they fall asleep.',
  },
  aboutToSleep: {
    description: 'below average recency and frequency',
    advice: 'Share popular products and a discount to reconnect.',
  },
  hibernating: {
    description: 'last order long ago, few orders',
    advice: 'Include them in broad seasonal campaigns only; do not spend much on them.',
  },
  lost: {
    description: 'one small order, long ago',
    advice: 'Try one reactivation campaign at most; otherwise leave them out of paid campaigns.',
  },
  // The customer path's one group: the same advice (phrases/segments.ts).
  allCustomers: {
    description: 'no part of them buys distinctly enough to target on its own',
    advice: ONE_GROUP_HINT,
  },
};

/** What to do with a segment's customers: the `hint`. */
export const rfmSegmentHint = (code: RfmSegmentCode): string => RFM_SEGMENT_WORDS[code].advice;

/** What a segment's customers do, as a phrase ("used to buy often, not lately"). */
export const rfmSegmentDescription = (code: RfmSegmentCode): string => RFM_SEGMENT_WORDS[code].description;

/** A segment with its words, fields in the order `--json` has always had: id, code, name, description, hint, then the figures. */
export function rfmSegmentInWords({ id, code, name, ...figures }: RfmSegment) {
  return { id, code, name, description: rfmSegmentDescription(code), hint: rfmSegmentHint(code), ...figures };
}

/** The model as `--json` has always had it: each segment's id, name and hint. */
export const rfmModelInWords = ({ segments, ...model }: RfmModel) => ({
  ...model,
  segments: segments.map(({ id, name, code }) => ({ id, name, hint: rfmSegmentHint(code) })),
});

export const rfmSegmentsInWords = (a: Pick<RfmAnalysis, 'segments'>) => a.segments.map(rfmSegmentInWords);
