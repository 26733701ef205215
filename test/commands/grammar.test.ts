import { describe, expect, it } from 'vitest';
import { parseCommand, tokenize } from '../../src/commands/grammar.ts';
import { describeInputError } from '../../src/phrases/errors.ts';

function command(text: string) {
  const result = parseCommand(text);
  if (!result.ok) throw new Error(`expected "${text}" to parse, got: ${result.error.message}`);
  return result.command;
}

function failure(text: string) {
  const result = parseCommand(text);
  if (result.ok) throw new Error(`expected "${text}" to be refused, got ${JSON.stringify(result.command)}`);
  return { code: result.error.code, message: result.error.message, full: describeInputError(result.error) };
}

describe('plain commands', () => {
  it.each([
    ['', 'help'],
    ['   ', 'help'],
    ['help', 'help'],
    ['HELP', 'help'],
    ['summary', 'summary'],
    [' Summary ', 'summary'],
    ['eda', 'eda'],
    ['check', 'check'],
    ['data', 'data'],
    ['reset', 'reset'],
    ['export', 'export'],
    ['/segment summary', 'summary'],
  ])('reads %j as %s', (text, kind) => {
    expect(command(text)).toEqual({ kind });
  });

  it.each([
    ['reset orders', { kind: 'reset', sample: 'orders' }],
    ['RESET Transactions', { kind: 'reset', sample: 'orders' }],
    ['reset order-lines', { kind: 'reset', sample: 'orders' }],
    ['reset customers', { kind: 'reset' }],
  ])('reads %j as a reset to a bundled sample', (text, expected) => {
    expect(command(text)).toEqual(expected);
  });

  it('refuses a reset to anything but the two samples, saying which there are', () => {
    expect(failure('reset mall')).toMatchObject({
      code: 'invalid_option',
      message: 'reset takes `orders`, `customers` or nothing (got "mall")',
    });
    expect(failure('reset orders now').message).toContain('(got "orders now")');
  });

  it('refuses options on a command that takes none', () => {
    expect(failure('summary please')).toMatchObject({
      code: 'invalid_option',
      message: 'summary takes no options (got "please")',
    });
  });
});

describe('k', () => {
  it('shows the choice of k with no value', () => expect(command('k')).toEqual({ kind: 'k' }));
  it('fixes k to a number', () => expect(command('k 6')).toEqual({ kind: 'k', k: 6 }));
  it('accepts the bounds 2 and 15', () => {
    expect(command('k 2')).toEqual({ kind: 'k', k: 2 });
    expect(command('K 15')).toEqual({ kind: 'k', k: 15 });
  });
  it('returns to the recommendation with auto', () =>
    expect(command('k AUTO')).toEqual({ kind: 'k', auto: true }));
  it.each(['1', '16', '5.5', 'six', '-3'])('refuses k %s with the allowed range', (value) => {
    const error = failure(`k ${value}`);
    expect(error.code).toBe('invalid_option');
    expect(error.message).toBe(`k must be a whole number from 2 to 15, or "auto" (got "${value}")`);
    expect(error.full).toContain('/segment k 6');
  });
  it('refuses two values', () => expect(failure('k 5 6').message).toBe('k takes one value (got "5 6")'));
});

describe('features and scale', () => {
  it('reads the three features', () => {
    expect(command('features age income spending')).toEqual({
      kind: 'features',
      features: ['age', 'income', 'spending'],
    });
  });
  it('maps aliases to canonical names and accepts commas', () => {
    expect(command('features Salary, spend')).toEqual({ kind: 'features', features: ['income', 'spending'] });
    expect(command('features age score')).toEqual({ kind: 'features', features: ['age', 'spending'] });
  });
  it('reads features and a scaling together', () => {
    expect(command('features age income spending scale zscore')).toEqual({
      kind: 'features',
      features: ['age', 'income', 'spending'],
      scaling: 'zscore',
    });
  });
  it.each([
    ['scale zscore', 'zscore'],
    ['scale none', 'none'],
    ['scale minmax', 'minmax'],
    ['scale Z-Score', 'zscore'],
    ['scaling min-max', 'minmax'],
  ])('reads %j as a scaling-only change', (text, scaling) => {
    expect(command(text)).toEqual({ kind: 'features', scaling });
  });
  it('refuses a single feature', () => {
    expect(failure('features income').message).toBe(
      'features needs at least 2 of age, income and spending (got 1: income)',
    );
  });
  it('refuses no features at all', () => {
    expect(failure('features').message).toBe(
      'features needs at least 2 of age, income and spending (got none)',
    );
  });
  it('refuses a feature listed twice, also through an alias', () => {
    expect(failure('features spend spending').message).toBe('spending is listed twice');
  });
  it('lets a name through for a numeric column of the file (checked against the file when analysed)', () => {
    expect(command('features income spending Visits')).toEqual({
      kind: 'features',
      features: ['income', 'spending', 'visits'],
    });
  });
  it('names a word that cannot be a feature', () => {
    const error = failure('features age 2nd');
    expect(error.message).toBe(
      '"2nd" is not a feature: choose from age, income and spending (or spend, score)',
    );
    expect(error.full).toContain('/segment features age income spending');
  });
  it('reads a named value for a numeric column of the file in predict', () => {
    expect(command('predict age=30 income=90 spending=85 visits=42')).toEqual({
      kind: 'predict',
      customer: { age: 30, income: 90, spending: 85, extra: { visits: 42 } },
    });
  });
  it('refuses an unknown or missing scaling', () => {
    expect(failure('scale log').message).toBe('scale must be zscore, minmax or none (got "log")');
    expect(failure('scale').message).toBe('scale needs one of zscore, minmax or none');
    expect(failure('features age income scale').message).toBe('scale needs one of zscore, minmax or none');
  });
});

describe('predict', () => {
  const customer = { age: 25, gender: 'Female', income: 60, spending: 75 };

  it('reads positional values', () =>
    expect(command('predict 25 F 60 75')).toEqual({ kind: 'predict', customer }));
  it('reads named values in any order and any case', () => {
    expect(command('predict spending=75 GENDER=female income=60 age=25')).toEqual({
      kind: 'predict',
      customer,
    });
  });
  it('accepts Male/M in any case and decimal income', () => {
    expect(command('predict 40 male 72.5 10')).toEqual({
      kind: 'predict',
      customer: { age: 40, gender: 'Male', income: 72.5, spending: 10 },
    });
    expect(command('predict age=40 gender=m income=72 spend=10')).toMatchObject({
      customer: { gender: 'Male' },
    });
  });
  it('says what is wrong with the age', () => {
    const error = failure('predict abc F 60 75');
    expect(error.code).toBe('invalid_customer');
    expect(error.message).toBe('age must be a whole number from 0 to 120 (got "abc")');
    expect(error.full).toContain('/segment predict 25 F 60 75');
    expect(error.full).toContain('/segment predict age=25 gender=F income=60 spending=75');
  });
  it('lists every bad value at once', () => {
    expect(failure('predict 130 X -1 200').message).toBe(
      'age must be a whole number from 0 to 120 (got "130"); gender must be M, F, Male or Female (got "X"); ' +
        'income must be a number of k$ from 0 to 10,000 (got "-1"); spending must be a number from 1 to 100 (got "200")',
    );
  });
  it('lists the missing positional values', () => {
    expect(failure('predict 25 F').message).toBe(
      'predict needs age, income and spending in this order, with an optional gender after the age (got 2: "25 F") — missing spending',
    );
    expect(failure('predict').message).toBe(
      'predict needs age, income and spending in this order, with an optional gender after the age (got none) — missing age, income and spending',
    );
  });
  it('reads three positional values as age, income and spending, without a gender', () => {
    expect(command('predict 25 60 75')).toEqual({
      kind: 'predict',
      customer: { age: 25, income: 60, spending: 75 },
    });
    expect(command('predict age=25 income=60 spending=75')).toEqual({
      kind: 'predict',
      customer: { age: 25, income: 60, spending: 75 },
    });
  });
  it('lists the missing named values', () => {
    expect(failure('predict age=25 income=60').message).toBe('predict is missing spending');
  });
  it('refuses unknown and repeated names', () => {
    expect(failure('predict age=25 2x=180 gender=F income=60 spending=75').message).toBe(
      '"2x=180" is not one of age=, gender=, income=, spending=',
    );
    expect(failure('predict age=25 age=30 gender=F income=60 spending=75').message).toBe(
      'age is given twice',
    );
  });
  it('refuses mixing positional and named values', () => {
    expect(failure('predict 25 gender=F income=60 spending=75').message).toContain(
      '"25" is not one of age=, gender=',
    );
  });
  it('refuses five positional values', () => {
    expect(failure('predict 25 F 60 75 3').message).toContain('(got 5: "25 F 60 75 3")');
  });
});

describe('unknown commands', () => {
  it('suggests the closest command and points at help', () => {
    const error = failure('sumary');
    expect(error.code).toBe('unknown_command');
    expect(error.message).toBe(
      'I don\'t know the command "sumary". Did you mean `/segment summary`? Type `/segment help` to see every command.',
    );
  });
  it('counts swapped letters as one slip', () => {
    expect(failure('predcit 25 F 60 75').message).toContain('Did you mean `/segment predict`?');
    expect(failure('hlep').message).toContain('Did you mean `/segment help`?');
  });
  it('suggests nothing when no command is close', () => {
    expect(failure('banana').message).toBe(
      'I don\'t know the command "banana". Type `/segment help` to see every command.',
    );
  });
});

describe('predict with named values, all problems at once', () => {
  it('reports a bad value together with the missing names', () => {
    expect(failure('predict age=x').message).toBe(
      'predict is missing income and spending; age must be a whole number from 0 to 120 (got "x")',
    );
  });
});

describe('text as Slack sends it', () => {
  it('reads &lt; &gt; &amp; as the characters typed', () => {
    expect(tokenize('predict age=25 &lt;x&gt; a&amp;b')).toEqual(['predict', 'age=25', '<x>', 'a&b']);
  });

  it('echoes a very long unknown word shortened', () => {
    const result = parseCommand('x'.repeat(3000));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message.length).toBeLessThan(200);
  });
});
