/**
 * The order-data forms: `predict recency=30 frequency=5 monetary=900` (named
 * only: three bare numbers already mean age, income and spending) and
 * `asof 2011-12-10` / `asof auto`. Every problem is reported at once, with
 * the form to copy.
 */
import { InputError } from '../core/errors.ts';
import { isoToDay } from '../core/rfm/clean.ts';
import { listWords } from '../words.ts';
import type { Command, RfmInput } from './command.ts';
import { USAGE } from './help.ts';
import { asOfExpected } from './messages.ts';

type Field = keyof RfmInput;
/** No "spend" here: `spend=` already names the customer form's spending score. */
const FIELDS: readonly Field[] = ['recency', 'frequency', 'monetary'];
const NAMES: Record<string, Field> = {
  recency: 'recency',
  r: 'recency',
  frequency: 'frequency',
  f: 'frequency',
  monetary: 'monetary',
  m: 'monetary',
};

/** Plausible bounds: whole days since the last order, whole orders, a positive spend. */
const RULES: Record<Field, { test: RegExp; min: number; max: number; expected: string }> = {
  recency: { test: /^\d+$/, min: 0, max: 36_500, expected: 'whole days since the last order, 0 to 36,500' },
  frequency: { test: /^\d+$/, min: 1, max: 1_000_000, expected: 'a whole number of orders, at least 1' },
  monetary: {
    test: /^\d+(\.\d+)?$/,
    min: 0.01,
    max: 1e12,
    expected: 'the spend, a number above 0 (no currency sign)',
  },
};

/** Whether predict's arguments are the RFM form (any of its names used). */
export const isRfmPredict = (args: readonly string[]) =>
  args.some((a) => a.split('=')[0]!.toLowerCase() in NAMES && a.includes('='));

const shown = (value: string) => (value.length > 24 ? `${value.slice(0, 23)}…` : value);

export function parsePredictRfm(args: readonly string[]): RfmInput {
  const raw: Partial<Record<Field, string>> = {};
  const problems: string[] = [];
  for (const arg of args) {
    const [name = '', value = '', ...rest] = arg.split('=');
    const field = NAMES[name.toLowerCase()];
    if (!field || rest.length || !arg.includes('='))
      problems.push(`"${shown(arg)}" is not one of recency=, frequency=, monetary=`);
    else if (raw[field] !== undefined) problems.push(`${field} is given twice`);
    else raw[field] = value;
  }
  const missing = FIELDS.filter((f) => raw[f] === undefined);
  if (missing.length) problems.push(`predict is missing ${listWords(missing)}`);
  const values: Partial<RfmInput> = {};
  for (const field of FIELDS) {
    const text = raw[field];
    if (text === undefined) continue;
    const rule = RULES[field];
    const x = rule.test.test(text) ? Number(text) : Number.NaN;
    if (x >= rule.min && x <= rule.max) values[field] = x;
    else problems.push(`${field} must be ${rule.expected} (got "${shown(text)}")`);
  }
  const { recency, frequency, monetary } = values;
  if (problems.length || recency === undefined || frequency === undefined || monetary === undefined)
    throw new InputError('invalid_customer', problems.join('; '), {}, [`Try ${USAGE.predictRfm}.`]);
  return { recency, frequency, monetary };
}

const DEFAULT_WORDS = new Set(['auto', 'default', 'reset']);

export function parseAsOf(args: readonly string[]): Command {
  const [value = ''] = args;
  if (args.length !== 1)
    throw new InputError('invalid_option', `asof takes one date (got "${shown(args.join(' '))}")`, {}, [
      `Try ${USAGE.asof}.`,
    ]);
  if (DEFAULT_WORDS.has(value.toLowerCase())) return { kind: 'asof', date: null };
  if (isoToDay(value) === null)
    throw new InputError('invalid_option', asOfExpected(shown(value)), {}, [`Try ${USAGE.asof}.`]);
  return { kind: 'asof', date: value };
}
