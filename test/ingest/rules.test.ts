import { describe, expect, it } from 'vitest';
import { GENDER_CODE } from '../../src/core/types.ts';
import {
  genderCode,
  type NumberRule,
  parseDecimal,
  passes,
  RULES,
  rowSchema,
} from '../../src/ingest/rules.ts';

describe('parseDecimal', () => {
  it.each([
    ['19', 19],
    ['007', 7],
    ['+5', 5],
    ['-3', -3],
    ['15.5', 15.5],
    ['5.', 5],
    ['.5', 0.5],
    [' 42 ', 42],
    ['-0', 0],
    ['1234567890123', 1234567890123],
  ])('reads the plain decimal %j as %d', (text, value) => {
    expect(Object.is(parseDecimal(text, false), value)).toBe(true);
  });

  it.each([
    '',
    ' ',
    '0x10',
    '1e3',
    '1E3',
    '15,5',
    '1,000',
    '12abc',
    'abc',
    'NaN',
    'Infinity',
    '--1',
    '1.2.3',
    '.',
    '+',
    '$5',
    '5%',
  ])('refuses %j (not a plain decimal)', (text) => {
    expect(parseDecimal(text, false)).toBeNaN();
  });

  it('accepts a decimal comma only when asked (files delimited by ; or tab)', () => {
    expect(parseDecimal('15,5', true)).toBe(15.5);
    expect(parseDecimal(',5', true)).toBe(0.5);
    expect(parseDecimal('15.5', true)).toBe(15.5);
    expect(parseDecimal('1,000,5', true)).toBeNaN();
    expect(parseDecimal('0x10', true)).toBeNaN();
  });
});

describe('genderCode', () => {
  it.each([
    ['Female', GENDER_CODE.Female],
    ['female', GENDER_CODE.Female],
    [' FEMALE ', GENDER_CODE.Female],
    ['F', GENDER_CODE.Female],
    ['f', GENDER_CODE.Female],
    ['Male', GENDER_CODE.Male],
    ['MALE', GENDER_CODE.Male],
    ['m', GENDER_CODE.Male],
    [' M', GENDER_CODE.Male],
    ['', GENDER_CODE.unknown],
    ['x', GENDER_CODE.unknown],
    ['Woman', GENDER_CODE.unknown],
    ['Fe male', GENDER_CODE.unknown],
  ])('maps %j to %d', (text, code) => {
    expect(genderCode(text)).toBe(code);
  });
});

describe('the row rules', () => {
  const probes = [
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -1,
    -0,
    0,
    1e-9,
    0.5,
    1,
    18,
    30.5,
    99.99,
    100,
    100.5,
    120,
    120.5,
    121,
    1e6,
    Number.MAX_VALUE,
  ];
  const valid = { id: '1', age: 30, income: 50, spending: 50 };

  it.each(Object.entries(RULES) as Array<[keyof typeof RULES, NumberRule]>)(
    'the fast check and the zod schema agree for %s',
    (column, rule) => {
      for (const value of probes) {
        const zodSays = rowSchema.safeParse({ ...valid, [column]: value }).success;
        expect([value, passes(rule, value)]).toEqual([value, zodSays]);
      }
    },
  );

  it('describes each failure in the words of the rule table', () => {
    const checked = rowSchema.safeParse({ id: '', age: 30.5, income: -1, spending: Number.NaN });
    expect(checked.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ['id', 'expected a customer id'],
      ['age', 'expected a whole number from 0 to 120'],
      ['income', 'expected a number of k$ from 0 to 10,000'],
      ['spending', 'expected a number from 1 to 100'],
    ]);
  });
});
