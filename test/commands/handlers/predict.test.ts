import { describe, expect, it } from 'vitest';
import { predictReply } from '../../../src/commands/handlers/predict.ts';
import { predictionWarningWords } from '../../../src/commands/messages.ts';
import type { Prediction } from '../../../src/core/types.ts';
import { replyMessage } from '../../../src/slack/blocks/reply.ts';

const customer = { age: 30, gender: 'Female' as const, income: 600, spending: 50 };
const segment = {
  id: 3,
  name: 'High income · Low spending',
  advice: { code: 'levels', income: 'High', spending: 'Low' },
} as const;
const distances = [
  { id: 3, name: segment.name, distance: 512.86 },
  { id: 2, name: 'High income · High spending', distance: 514.47 },
];
const confident: Prediction = {
  segment,
  distances,
  margin: 0.4,
  clarity: 'clear',
  tentative: false,
  warnings: [],
};
const tentative: Prediction = {
  ...confident,
  tentative: true,
  warnings: [
    { code: 'above_training_range', feature: 'income', value: 600, limit: 137 },
    { code: 'far_from_centres', distance: 512.86, limit: 40.38, quantile: 0.99 },
  ],
};

describe('predict reply', () => {
  it('words each reason a prediction is tentative', () => {
    expect(tentative.warnings.map(predictionWarningWords)).toEqual([
      'unlike any customer in this data: annual income 600 k$ is above the highest in the file (137 k$)',
      "unlike any customer in this data: 513 from the nearest segment centre, where 99% of the file's customers are within 40.38 of their own",
    ]);
    expect(
      predictionWarningWords({ code: 'below_training_range', feature: 'age', value: 12, limit: 18 }),
    ).toBe('unlike any customer in this data: age 12 is below the lowest in the file (18)');
  });

  it('says plainly that a customer unlike the data gets only a tentative segment', () => {
    const reply = predictReply(customer, tentative, [], { withAge: true });
    expect(reply.title).toBe('Nearest segment, tentatively: High income · Low spending');
    expect(reply.text).toMatch(
      /is unlike any customer in this data\. The nearest segment is 3, .* only a guess\./,
    );
    const words = [reply.title, reply.text, ...reply.sections.map((s) => s.body)].join('\n');
    expect(words).not.toMatch(/Clearly|belongs to/);
    expect(reply.sections.find((s) => s.heading === 'What to do')!.body).toMatch(
      /^Check this customer's figures first/,
    );
    expect(reply.warnings).toHaveLength(2);
    // Slack (and the playground, which renders the same Block Kit) shows each warning.
    const message = JSON.stringify(replyMessage(reply).blocks);
    expect(message).toContain(
      ':warning: unlike any customer in this data: annual income 600 k$ is above the highest',
    );
  });

  it('keeps the confident wording for a customer like the data', () => {
    const reply = predictReply(customer, confident, [], { withAge: true });
    expect(reply.title).toBe('Predicted segment: High income · Low spending');
    expect(reply.text).toContain('belongs to segment 3');
    expect(reply.warnings).toEqual([]);
  });

  it('with one group (no structure) claims no margin and no "closer than any other"', () => {
    const all = { id: 1, name: 'All customers', advice: { code: 'one_group' } } as const;
    const one: Prediction = {
      segment: all,
      distances: [{ id: 1, name: all.name, distance: 15.99 }],
      margin: 0,
      clarity: 'borderline',
      tentative: false,
      warnings: [],
    };
    const reply = predictReply(customer, one, [], { withAge: true, structure: 'none' });
    expect(reply.title).toBe('One group: All customers');
    const words = [reply.title, reply.text, ...reply.sections.map((s) => s.body)].join('\n');
    expect(words).not.toMatch(/Clearly|than any other|margin|belongs to segment|Tentative/);
    expect(reply.sections.find((s) => s.heading === 'How clear')!.body).toBe(
      'There is only one group, so there is nothing to choose between.',
    );
  });

  it('frames the advice as tentative when the segments are not clearly real, as the summary does', () => {
    const advice = (structure: 'clear' | 'weak' | 'none' | 'untested') =>
      predictReply(customer, confident, [], { withAge: true, structure }).sections.find(
        (s) => s.heading === 'What to do',
      )!.body;
    expect(advice('clear')).toMatch(/^They could spend far more/);
    for (const structure of ['weak', 'none', 'untested'] as const)
      expect(advice(structure)).toMatch(/^Tentative: They could spend far more/);
  });
});
