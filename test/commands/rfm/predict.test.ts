import { describe, expect, it } from 'vitest';
import type { OrderSummary, RfmPrediction } from '../../../src/commands/orders.ts';
import { rfmPredictReply } from '../../../src/commands/rfm/predict.ts';

const prediction: RfmPrediction = {
  segment: { id: 3, name: 'Champions', code: 'champions' },
  distances: [
    { id: 3, name: 'Champions', distance: 3.69 },
    { id: 4, name: 'At risk', distance: 5.21 },
  ],
};
const orders = (structure: 'clear' | 'weak') =>
  ({
    describe: [
      { measure: 'recency', min: 1, max: 400 },
      { measure: 'frequency', min: 1, max: 40 },
      { measure: 'monetary', min: 10, max: 18_980 },
    ],
    analysis: { structure, k: 5 },
  }) as unknown as OrderSummary;
const words = (r: ReturnType<typeof rfmPredictReply>) =>
  [r.title, r.text, ...r.sections.map((s) => s.body)].join('\n');

describe('RFM predict reply', () => {
  it('gives a customer outside the file only a tentative nearest segment, not "belongs to"', () => {
    const far = { recency: 30, frequency: 500, monetary: 900_000 };
    const reply = rfmPredictReply(far, prediction, orders('clear'), []);
    expect(reply.title).toBe('Nearest segment, tentatively: Champions');
    expect(words(reply)).not.toMatch(/belongs to|Predicted segment/);
    expect(reply.sections.find((s) => s.heading === 'What to do')!.body).toMatch(
      /^Check this customer's figures first/,
    );
    expect(reply.warnings).toHaveLength(2);
  });

  it('keeps "belongs to" for a customer like the file, with tentative advice on weak structure', () => {
    const near = { recency: 30, frequency: 5, monetary: 900 };
    const clear = rfmPredictReply(near, prediction, orders('clear'), []);
    expect(clear.text).toContain('belongs to segment 3');
    expect(clear.sections.find((s) => s.heading === 'What to do')!.body).not.toMatch(/^Tentative/);
    const weak = rfmPredictReply(near, prediction, orders('weak'), []);
    expect(weak.sections.find((s) => s.heading === 'What to do')!.body).toMatch(/^Tentative: /);
  });
});
