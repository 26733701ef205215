/**
 * RFM segment names from where a segment's centre sits, scored 1–5 against
 * every customer (scores.ts), never from the cluster's index. The rules
 * follow the classic grid (R's `rfm` package: Champions … Lost), checked in
 * order; the first that fits names the segment.
 */
import { ONE_GROUP_NAME } from '../naming.ts';

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

/**
 * Each code's name: a label, like the customer path's (core/naming.ts), that
 * the checks' findings, the model, the charts and the export carry. What a
 * segment's customers do and what to do with them are sentences, in
 * phrases/rfm-segments.ts.
 */
export const RFM_SEGMENT_NAMES: Record<RfmSegmentCode, string> = {
  champions: 'Champions',
  loyal: 'Loyal customers',
  cantLose: "Can't lose them",
  atRisk: 'At risk',
  newCustomers: 'New customers',
  potentialLoyalists: 'Potential loyalists',
  promising: 'Promising',
  needAttention: 'Need attention',
  aboutToSleep: 'About to sleep',
  hibernating: 'Hibernating',
  lost: 'Lost',
  allCustomers: ONE_GROUP_NAME,
};
