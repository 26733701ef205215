import { describe, expect, it } from 'vitest';
import type { RfmSegment } from '../../src/core/rfm/analyze.ts';
import { RFM_SEGMENT_CODES } from '../../src/core/rfm/names.ts';
import {
  RFM_SEGMENT_WORDS,
  rfmModelInWords,
  rfmSegmentHint,
  rfmSegmentInWords,
} from '../../src/phrases/rfm-segments.ts';
import { segmentHint } from '../../src/phrases/segments.ts';

const segment: RfmSegment = {
  id: 3,
  code: 'atRisk',
  name: 'At risk · more recent',
  size: 40,
  share: 0.2,
  centre: { recency: 200, frequency: 4, monetary: 900 },
  means: { recency: 210, frequency: 4.2, monetary: 950, tenure: 400, basket: 220 },
  scores: { r: 1.8, f: 3.1, m: 3.4 },
  silhouette: 0.41,
};

describe('RFM segments in words', () => {
  it('words every grid code, and the one group as the customer path does', () => {
    expect(Object.keys(RFM_SEGMENT_WORDS).sort()).toEqual([...RFM_SEGMENT_CODES].sort());
    expect(rfmSegmentHint('allCustomers')).toBe(segmentHint({ code: 'one_group' }));
    expect(rfmSegmentHint('atRisk')).toBe(
      'Send a personal win-back message with a relevant offer; ask what changed.',
    );
  });

  it('puts description and hint where --json has always had them: after id, code and name', () => {
    const worded = rfmSegmentInWords(segment);
    expect(Object.keys(worded)).toEqual([
      'id',
      'code',
      'name',
      'description',
      'hint',
      'size',
      'share',
      'centre',
      'means',
      'scores',
      'silhouette',
    ]);
    expect(worded.name).toBe('At risk · more recent');
    expect(worded.description).toBe('used to buy often, not lately');
  });

  it("gives the model's segments as id, name and hint, the code worded away", () => {
    const model = rfmModelInWords({
      version: 1,
      kind: 'rfm',
      transform: 'log1p',
      scaler: { kind: 'zscore', shift: [0, 0, 0], divisor: [1, 1, 1] },
      centroids: [[0, 0, 0]],
      segments: [{ id: 1, name: 'Lost', code: 'lost' }],
    });
    expect(model.segments).toEqual([{ id: 1, name: 'Lost', hint: RFM_SEGMENT_WORDS.lost.advice }]);
  });
});
