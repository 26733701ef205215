import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.ts';
import { InputError, inputProblem } from '../../src/core/errors.ts';
import { parseModel, predict } from '../../src/core/model.ts';
import { resolveOptions } from '../../src/core/options.ts';
import { generateCustomers } from '../../src/core/synthetic.ts';
import { describeInputError, problemWords } from '../../src/phrases/errors.ts';

const thrown = (run: () => unknown): InputError => {
  try {
    run();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
};

describe("core's input errors in words", () => {
  it('carry the facts, not a sentence, and are worded with the place', () => {
    const error = inputProblem(
      { kind: 'feature_not_in_file', missing: ['age'], usable: ['income', 'spending'] },
      { file: 'crm.csv' },
    );
    expect(error.code).toBe('feature_not_in_file');
    expect(error.message).toBe('feature_not_in_file');
    expect(describeInputError(error)).toBe(
      'crm.csv: this file has no Age column; segments can use annual income and spending score, or share a file with the Age column',
    );
  });

  it('word too few customers, with and without a fixed k', () => {
    const tiny = generateCustomers(5, 1);
    expect(describeInputError(thrown(() => analyze(tiny, { k: 6 })))).toBe(
      '(in memory): 5 valid customers is too few for 6 segments: at least 10 are needed.',
    );
    expect(problemWords({ kind: 'too_few_customers', customers: 1, needed: 10 })).toBe(
      '1 valid customer is too few for segments: at least 10 are needed.',
    );
  });

  it('word too few profiles with what to do: the same sentence for customer files and order lines', () => {
    // A smaller k is offered, with the command that sets it, only when there is one to ask for (k ≥ 2).
    expect(problemWords({ kind: 'too_few_profiles', profiles: 3, k: 5 })).toBe(
      'the customers fall into only 3 different profiles on the chosen features, so they cannot be split into 5 segments; choose other features with `/segment features …`, or ask for at most 3 segments: `/segment k 3`.',
    );
    expect(problemWords({ kind: 'too_few_profiles', profiles: 1, k: 2 })).toBe(
      'the customers fall into only 1 different profile on the chosen features, so they cannot be split into 2 segments; choose other features with `/segment features …`.',
    );
    // Order data's features are fixed: more varied purchases, or fewer segments.
    expect(problemWords({ kind: 'too_few_profiles', profiles: 2, k: 4, space: 'rfm' })).toBe(
      'the customers fall into only 2 different profiles on recency, frequency and spend, so they cannot be split into 4 segments; share order lines that cover a longer period, or more order lines, or ask for at most 2 segments: `/segment k 2`.',
    );
    expect(problemWords({ kind: 'too_few_profiles', profiles: 1, k: 2, space: 'rfm' })).toBe(
      'the customers fall into only 1 different profile on recency, frequency and spend, so they cannot be split into 2 segments; share order lines that cover a longer period, or more order lines.',
    );
  });

  it('word order data’s refusals as they have always read', () => {
    expect(problemWords({ kind: 'too_few_customers', customers: 1, needed: 10, buyers: true })).toBe(
      '1 customer with purchases is too few for segments: at least 10 are needed.',
    );
    expect(problemWords({ kind: 'as_of_too_early', asOf: '2010-12-31', firstOrder: '2011-01-01' })).toBe(
      'the analysis date 2010-12-31 is not after the first order (2011-01-01); choose a date after it',
    );
  });

  it('word each option rule, and pass the validator’s own text through for any other', () => {
    const words = (partial: Parameters<typeof resolveOptions>[0]) =>
      describeInputError(thrown(() => resolveOptions(partial)));
    expect(words({ k: 1 })).toBe('option k: k must be at least 2');
    expect(words({ k: 99 })).toBe('option k: k can be at most 15');
    expect(words({ features: ['income'] })).toBe('option features: choose at least 2 features');
    expect(words({ features: ['income', 'income'] })).toBe('option features: a feature is listed twice');
    expect(words({ kRange: { min: 6, max: 3 } })).toBe(
      'option kRange: the k range must run from low to high',
    );
    expect(thrown(() => resolveOptions({ restarts: 0 })).problem).toMatchObject({
      kind: 'invalid_option',
      option: 'restarts',
      rule: 'invalid',
      detail: expect.any(String),
    });
  });

  it('word a bad saved model and an out-of-range customer', () => {
    expect(describeInputError(thrown(() => parseModel('{')))).toBe('the saved model is not valid JSON');
    expect(describeInputError(thrown(() => parseModel('{"version":2}')))).toMatch(
      /^the saved model is not a version-1 segment model \(.+\)$/,
    );
    const model = analyze(generateCustomers(60, 3)).model;
    const error = thrown(() => predict(model, { age: 500, income: 60, spending: 50 }));
    expect(error.code).toBe('invalid_customer');
    expect(describeInputError(error)).toBe('column age: age: expected a whole number within 0..120');
  });
});
