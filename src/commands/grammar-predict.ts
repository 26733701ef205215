/**
 * `predict 25 F 60 75` (age gender income spending), `predict 25 60 75` (age
 * income spending: gender is optional, it does not decide the segment) or
 * `predict age=25 gender=F income=60 spending=75` (any order, gender optional). Every problem is
 * reported at once, in words, with the right form to copy.
 */
import { z } from 'zod';
import { InputError } from '../core/errors.ts';
import { boundedNumber, FEATURE_CATALOGUE, FEATURE_NAME_PATTERN, featureForWord } from '../core/features.ts';
import type { CatalogueFeature, Gender } from '../core/types.ts';
import { expectedValueWords, listWords } from '../words.ts';
import type { CustomerInput } from './command.ts';
import { example, USAGE } from './help.ts';

type Field = Exclude<keyof CustomerInput, 'extra'>;
const FIELDS: readonly Field[] = ['age', 'gender', 'income', 'spending'];
const REQUIRED: readonly Field[] = ['age', 'income', 'spending'];
const GENDER_WORDS = ['gender', 'sex', 'genre'];
/** A name in `name=value`: gender's words, or any word the feature catalogue knows for a feature. */
const fieldFor = (name: string): Field | undefined =>
  GENDER_WORDS.includes(name.toLowerCase()) ? 'gender' : featureForWord(name);

const WHOLE = /^\d+$/;
const DECIMAL = /^\d+(\.\d+)?$/;
/** A typed value read as a number and checked against the feature's plausible bounds (the catalogue's). */
const number = (feature: CatalogueFeature) => {
  const { bounds } = FEATURE_CATALOGUE[feature];
  return z
    .string()
    .regex(bounds.whole ? WHOLE : DECIMAL)
    .transform(Number)
    .pipe(boundedNumber(bounds, feature));
};
const gender = z
  .string()
  .regex(/^(m|f|male|female)$/i)
  .transform((g): Gender => (g[0]!.toLowerCase() === 'f' ? 'Female' : 'Male'));

const FIELD_RULES = {
  age: { schema: number('age'), expected: expectedValueWords(FEATURE_CATALOGUE.age) },
  gender: { schema: gender, expected: 'M, F, Male or Female' },
  income: { schema: number('income'), expected: expectedValueWords(FEATURE_CATALOGUE.income) },
  spending: { schema: number('spending'), expected: expectedValueWords(FEATURE_CATALOGUE.spending) },
} as const;

const predictError = (problems: string[]) =>
  new InputError('invalid_customer', problems.join('; '), {}, [`Try ${USAGE.predict}.`]);

export function parsePredict(args: readonly string[]): CustomerInput {
  const { values: raw, problems } = args.some((a) => a.includes('='))
    ? namedValues(args)
    : positionalValues(args);
  const values: Partial<Record<Field, unknown>> & { extra?: Record<string, number> } = {};
  for (const field of FIELDS) {
    if (raw[field] === undefined) continue;
    const parsed = FIELD_RULES[field].schema.safeParse(raw[field]);
    if (parsed.success) values[field] = parsed.data;
    else problems.push(`${field} must be ${FIELD_RULES[field].expected} (got "${shown(raw[field])}")`);
  }
  for (const [name, text] of Object.entries(raw.extra ?? {})) {
    const value = DECIMAL.test(text) || /^-\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
    if (Number.isFinite(value)) values.extra = { ...values.extra, [name]: value + 0 };
    else problems.push(`${name} must be a number (got "${shown(text)}")`);
  }
  if (problems.length) throw predictError(problems);
  return values as unknown as CustomerInput;
}

/** A typed value echoed back, cut so 400 pasted digits do not fill the answer. */
const shown = (value: string) => (value.length > 24 ? `${value.slice(0, 23)}…` : value);

type RawValues = {
  values: Partial<Record<Field, string>> & { extra?: Record<string, string> };
  problems: string[];
};
function positionalValues(args: readonly string[]): RawValues {
  if (args.length === 3)
    return { values: { age: args[0]!, income: args[1]!, spending: args[2]! }, problems: [] };
  if (args.length !== FIELDS.length) {
    const got = args.length ? `got ${args.length}: "${shown(args.join(' '))}"` : 'got none';
    const missing = args.length < 3 ? ` — missing ${listWords(REQUIRED.slice(args.length))}` : '';
    throw predictError([
      `predict needs age, income and spending in this order, with an optional gender after the age (${got})${missing}`,
    ]);
  }
  return { values: { age: args[0]!, gender: args[1]!, income: args[2]!, spending: args[3]! }, problems: [] };
}

/** Named values; unknown, repeated and missing names are problems, reported with any bad values. */
function namedValues(args: readonly string[]): RawValues {
  const values: RawValues['values'] = {};
  const problems: string[] = [];
  for (const arg of args) {
    const [name = '', value = '', ...rest] = arg.split('=');
    const field = fieldFor(name);
    const column = name.toLowerCase();
    if (!field && !rest.length && arg.includes('=') && FEATURE_NAME_PATTERN.test(column)) {
      if (values.extra?.[column] !== undefined) problems.push(`${column} is given twice`);
      else values.extra = { ...values.extra, [column]: value };
    } else if (!field || rest.length) {
      const hint = arg.includes('=') ? '' : ` (write it as name=value, e.g. ${example('predict age=25 …')})`;
      problems.push(`"${arg}" is not one of age=, gender=, income=, spending=${hint}`);
    } else if (values[field] !== undefined) problems.push(`${field} is given twice`);
    else values[field] = value;
  }
  const missing = REQUIRED.filter((f) => values[f] === undefined);
  if (missing.length) problems.push(`predict is missing ${listWords(missing)}`);
  return { values, problems };
}
