/**
 * `predict 25 F 60 75` (age gender income spending), `predict 25 60 75` (age
 * income spending: gender is optional, it does not decide the segment) or
 * `predict age=25 gender=F income=60 spending=75` (any order, gender optional). Every problem is
 * reported at once, in words, with the right form to copy.
 */
import { z } from 'zod';
import { InputError } from '../core/errors.ts';
import type { Gender } from '../core/types.ts';
import type { CustomerInput } from './command.ts';
import { example, USAGE } from './help.ts';

type Field = keyof CustomerInput;
const FIELDS: readonly Field[] = ['age', 'gender', 'income', 'spending'];
const REQUIRED: readonly Field[] = ['age', 'income', 'spending'];
const FIELD_ALIASES: Record<string, Field> = {
  age: 'age',
  gender: 'gender',
  sex: 'gender',
  genre: 'gender',
  income: 'income',
  salary: 'income',
  spending: 'spending',
  spend: 'spending',
  score: 'spending',
};

const WHOLE = /^\d+$/;
const DECIMAL = /^\d+(\.\d+)?$/;
const number = (pattern: RegExp, min: number, max: number) =>
  z.string().regex(pattern).transform(Number).pipe(z.number().min(min).max(max));
const gender = z
  .string()
  .regex(/^(m|f|male|female)$/i)
  .transform((g): Gender => (g[0]!.toLowerCase() === 'f' ? 'Female' : 'Male'));

const FIELD_RULES = {
  age: { schema: number(WHOLE, 0, 120), expected: 'a whole number from 0 to 120' },
  gender: { schema: gender, expected: 'M, F, Male or Female' },
  income: { schema: number(DECIMAL, 0, 10_000), expected: 'a number of k$ from 0 to 10,000' },
  spending: { schema: number(DECIMAL, 1, 100), expected: 'a score from 1 to 100' },
} as const;

const listWords = (words: readonly string[]) =>
  words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;

const predictError = (problems: string[]) =>
  new InputError('invalid_customer', problems.join('; '), {}, [`Try ${USAGE.predict}.`]);

export function parsePredict(args: readonly string[]): CustomerInput {
  const { values: raw, problems } = args.some((a) => a.includes('='))
    ? namedValues(args)
    : positionalValues(args);
  const values: Partial<Record<Field, unknown>> = {};
  for (const field of FIELDS) {
    if (raw[field] === undefined) continue;
    const parsed = FIELD_RULES[field].schema.safeParse(raw[field]);
    if (parsed.success) values[field] = parsed.data;
    else problems.push(`${field} must be ${FIELD_RULES[field].expected} (got "${raw[field]}")`);
  }
  if (problems.length) throw predictError(problems);
  return values as unknown as CustomerInput;
}

type RawValues = { values: Partial<Record<Field, string>>; problems: string[] };

function positionalValues(args: readonly string[]): RawValues {
  if (args.length === 3)
    return { values: { age: args[0]!, income: args[1]!, spending: args[2]! }, problems: [] };
  if (args.length !== FIELDS.length) {
    const got = args.length ? `got ${args.length}: "${args.join(' ')}"` : 'got none';
    const missing = args.length < 3 ? ` — missing ${listWords(REQUIRED.slice(args.length))}` : '';
    throw predictError([
      `predict needs age, income and spending in this order, with an optional gender after the age (${got})${missing}`,
    ]);
  }
  return { values: { age: args[0]!, gender: args[1]!, income: args[2]!, spending: args[3]! }, problems: [] };
}

/** Named values; unknown, repeated and missing names are problems, reported with any bad values. */
function namedValues(args: readonly string[]): RawValues {
  const values: Partial<Record<Field, string>> = {};
  const problems: string[] = [];
  for (const arg of args) {
    const [name = '', value = '', ...rest] = arg.split('=');
    const field = FIELD_ALIASES[name.toLowerCase()];
    if (!field || rest.length) {
      const hint = arg.includes('=') ? '' : ` (write it as name=value, e.g. ${example('predict age=25 …')})`;
      problems.push(`"${arg}" is not one of age=, gender=, income=, spending=${hint}`);
    } else if (values[field] !== undefined) problems.push(`${field} is given twice`);
    else values[field] = value;
  }
  const missing = REQUIRED.filter((f) => values[f] === undefined);
  if (missing.length) problems.push(`predict is missing ${listWords(missing)}`);
  return { values, problems };
}
