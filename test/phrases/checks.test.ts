import { describe, expect, it } from 'vitest';
import type { CheckContext } from '../../src/core/assumptions/index.ts';
import { sizeBalanceCheck } from '../../src/core/assumptions/size-balance.ts';
import { spreadBalanceCheck } from '../../src/core/assumptions/spread-balance.ts';
import type { CheckFinding } from '../../src/core/findings.ts';
import type { AssumptionCheck } from '../../src/core/types.ts';
import { adviceWords, CHECK_TITLES, checkTitle, findingWords, wordCheck } from '../../src/phrases/checks.ts';

const segments = (sizes: number[], spreads = sizes.map(() => 1)) => {
  const total = sizes.reduce((a, b) => a + b, 0);
  return {
    segments: sizes.map((size, i) => ({
      id: i + 1,
      name: `S${i + 1}`,
      size,
      share: size / total,
      spread: spreads[i],
    })),
  } as unknown as CheckContext;
};

describe('check findings in words', () => {
  it('words a tiny segment with its name, count and share, and advises fewer segments', () => {
    const worded = wordCheck(sizeBalanceCheck(segments([1_000, 985, 15])));
    expect(worded.title).toBe('No tiny segments');
    expect(worded.message).toBe('S3 holds only 15 customers (0.8%), too few to rely on.');
    expect(worded.remedy).toBe('Try fewer segments');
    expect(worded.action).toEqual({ action: 'fewer-k', k: 2 });
  });

  it('states the spread ratio it was given, to one decimal', () => {
    expect(wordCheck(spreadBalanceCheck(segments([50, 50], [9, 1]))).message).toBe(
      'S1 has 3.0 times the standard deviation of the tightest segment, so customers at its edge may be assigned to a neighbour.',
    );
    expect(wordCheck(spreadBalanceCheck(segments([50, 50], [2.25, 1]))).message).toContain(
      'the loosest has 1.5 times the standard deviation of the tightest',
    );
  });

  it('counts outlying customers in the singular and plural and lists the features they stand out on', () => {
    const found = (customers: number): CheckFinding => ({
      code: 'outliers.found',
      customers,
      share: customers / 300,
      level: 0.999,
      features: 3,
      standOut: [
        { feature: 'income', customers: 2 },
        { feature: 'age', customers: 1 },
      ],
    });
    expect(findingWords(found(1), 'pass')).toMatch(
      /^1 customer \(0\.3 % of customers\) lies far from the rest/,
    );
    expect(findingWords(found(6), 'warn')).toBe(
      '6 customers (2.0 % of customers) lie far from the rest (beyond the 99.9 % cut-off for 3 features taken together), standing out most on annual income (2) and age (1); they were kept and can pull segment centres towards them.',
    );
  });

  it('says how badly segments overlap from the check status', () => {
    const overlap: CheckFinding = {
      code: 'separation.overlap',
      silhouette: 0.3,
      weakest: { id: 2, name: 'S2', silhouette: 0.1 },
    };
    expect(findingWords(overlap, 'warn')).toBe(
      'Segments overlap partly (silhouette 0.30); S2 is the least distinct (0.10).',
    );
    expect(findingWords(overlap, 'fail')).toContain('overlap heavily');
  });

  it('has a title for every check and words advice without command names', () => {
    expect(Object.keys(CHECK_TITLES)).toHaveLength(8);
    expect(adviceWords({ code: 'log-transform', feature: 'spending' })).toBe(
      'A log scale may help; the bot does not transform columns itself, so add a column with the logarithm of spending score to the file and segment on that column instead of spending score',
    );
    expect(adviceWords({ code: 'tentative-split', k: 4 })).not.toMatch(/segment |--/);
  });

  it('words no structure as one group and the split the test tried, not as "the segments"', () => {
    const finding: CheckFinding = {
      code: 'tendency.none',
      silhouette: 0.36,
      k: 4,
      reference: 0.45,
      draws: 40,
      hopkins: 0.75,
    };
    expect(findingWords(finding, 'fail')).toBe(
      'Customers form one continuous group: split into 4 segments, they are no more distinct than cuts through groupless data (silhouette 0.36 at k = 4, against at most 0.45 on 40 groupless reference draws; Hopkins 0.75), so any split would be arbitrary.',
    );
  });

  it('names the customers to check for typing errors, or says there are more than it names', () => {
    expect(adviceWords({ code: 'check-extremes', farthest: ['C9'], customers: 1 })).toBe(
      'Check customer C9 for typing errors; consider leaving extreme customers out.',
    );
    expect(adviceWords({ code: 'check-extremes', farthest: ['C9', 'C7'], customers: 2 })).toMatch(
      /^Check customers C9 and C7 for typing errors/,
    );
    expect(
      adviceWords({ code: 'check-extremes', farthest: ['1', '2', '3', '4', '5'], customers: 1234 }),
    ).toMatch(/^Check the 5 farthest out of the 1,234, customers 1, 2, 3, 4 and 5, for typing errors/);
    expect(adviceWords({ code: 'check-extremes', farthest: [], customers: 3 })).toMatch(
      /^Check those customers /,
    );
    expect(adviceWords({ code: 'check-extremes', farthest: ['X'], customers: 3 })).toMatch(
      /^Check the farthest out of the 3, customer X, for typing errors/,
    );
  });

  it("titles the tendency check at a user's k by that split, not by the data", () => {
    const finding: CheckFinding = {
      code: 'tendency.none',
      silhouette: 0.36,
      k: 7,
      reference: 0.45,
      draws: 40,
      hopkins: 0.75,
    };
    const check: AssumptionCheck = {
      check: 'tendency',
      status: 'fail',
      value: 0.36,
      threshold: 0.45,
      finding,
    };
    expect(checkTitle(check)).toBe(CHECK_TITLES.tendency);
    expect(checkTitle({ ...check, finding: { ...finding, userK: true } })).toBe(
      'The 7 segments are real groups',
    );
    expect(wordCheck({ ...check, finding: { ...finding, userK: true } }).title).toBe(
      'The 7 segments are real groups',
    );
  });

  it('says when a feature is lopsided only because of how the segments lie, and needs no log', () => {
    expect(
      findingWords({ code: 'skewness.between', feature: 'income', skewness: 1.65, within: -0.13 }, 'pass'),
    ).toBe(
      'Annual income is lopsided overall (skewness 1.65) because of how the segments lie, not a long tail: within segments it is roughly symmetric (-0.13), so it needs no log.',
    );
    expect(
      findingWords(
        { code: 'skewness.lopsided', feature: 'income', skewness: 1.46, withinSegments: true },
        'fail',
      ),
    ).toMatch(/^Annual income is lopsided within segments \(skewness 1\.46\): a long tail of high values/);
  });

  it('starts each finding about a feature with a capital, as a sentence', () => {
    const found: CheckFinding[] = [
      { code: 'skewness.lopsided', feature: 'spending', skewness: 1 },
      { code: 'correlation.high', r: 0.9, pair: ['income', 'spending'] },
      { code: 'scale.dominant', widest: 'income', narrowest: 'spending', ratio: 3 },
    ];
    for (const f of found) expect(findingWords(f, 'fail')).toMatch(/^[A-Z]/);
  });
});
