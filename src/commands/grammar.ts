/**
 * What Slack users type after `/segment`, turned into a typed Command. The
 * result is checked against a zod schema of the Command union, so whatever the
 * parsing code does, run() only ever sees a valid command.
 */
import { z } from 'zod';
import { InputError } from '../core/errors.ts';
import { boundedNumber, FEATURE_CATALOGUE, FEATURE_COUNT, FEATURE_NAME_PATTERN } from '../core/features.ts';
import { SCALINGS } from '../core/types.ts';
import type { Command } from './command.ts';
import { parsePredict } from './grammar-predict.ts';
import { isRfmPredict, parseAsOf, parsePredictRfm } from './grammar-rfm.ts';
import { K_MAX, K_MIN, parseFeatures, parseK, parseScaling } from './grammar-settings.ts';
import { COMMAND_HELP, example, SLASH, USAGE } from './help.ts';
import { closest } from './suggest.ts';

export type ParseResult = { ok: true; command: Command } | { ok: false; error: InputError };

const commandSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['help', 'summary', 'eda', 'check', 'export', 'data']) }).strict(),
  z.object({ kind: z.literal('reset'), sample: z.literal('orders').optional() }).strict(),
  z
    .object({
      kind: z.literal('k'),
      k: z.number().int().min(K_MIN).max(K_MAX).optional(),
      auto: z.boolean().optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('features'),
      features: z
        .array(z.string().regex(FEATURE_NAME_PATTERN))
        .min(FEATURE_COUNT.min)
        .max(FEATURE_COUNT.max)
        .optional(),
      scaling: z.enum(SCALINGS).optional(),
    })
    .strict()
    .refine((c) => c.features !== undefined || c.scaling !== undefined),
  z
    .object({
      kind: z.literal('predict'),
      customer: z.object({
        age: boundedNumber(FEATURE_CATALOGUE.age.bounds, 'age'),
        gender: z.enum(['Female', 'Male']).optional(),
        income: boundedNumber(FEATURE_CATALOGUE.income.bounds, 'income'),
        spending: boundedNumber(FEATURE_CATALOGUE.spending.bounds, 'spending'),
        extra: z.record(z.string().regex(FEATURE_NAME_PATTERN), z.number().finite()).optional(),
      }),
    })
    .strict(),
  z
    .object({
      kind: z.literal('predictRfm'),
      rfm: z.object({
        recency: z.number().min(0),
        frequency: z.number().int().min(1),
        monetary: z.number().positive(),
      }),
    })
    .strict(),
  z
    .object({
      kind: z.literal('asof'),
      date: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .nullable(),
    })
    .strict(),
]);

/** Other words people use for a command. */
const ALIASES: Record<string, string> = {
  '?': 'help',
  segments: 'summary',
  stats: 'eda',
  feature: 'features',
  scaling: 'scale',
  'as-of': 'asof',
};

const NO_ARGUMENTS = ['summary', 'eda', 'check', 'export', 'data'] as const;
type PlainKind = (typeof NO_ARGUMENTS)[number];

/** Slack sends slash-command text with &, < and > escaped; read them as typed. */
const decodeSlackEntities = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Long pasted text is echoed back shortened, so a mistake never floods the channel. */
const shorten = (word: string) => (word.length > 40 ? `${word.slice(0, 39)}…` : word);

export function tokenize(text: string): string[] {
  const tokens = decodeSlackEntities(text)
    .trim()
    .split(/[\s,]+/u)
    .filter(Boolean);
  // People paste the whole line, slash command included.
  if (tokens[0]?.toLowerCase() === SLASH) tokens.shift();
  return tokens;
}

export function parseCommand(text: string): ParseResult {
  try {
    const command = commandSchema.parse(toCommand(tokenize(text))) as Command;
    return { ok: true, command };
  } catch (error) {
    if (error instanceof InputError) return { ok: false, error };
    throw error;
  }
}

function toCommand(tokens: readonly string[]): Command {
  const [first, ...args] = tokens;
  if (first === undefined) return { kind: 'help' };
  const word = first.toLowerCase();
  const name = ALIASES[word] ?? word;
  if (name === 'help') return { kind: 'help' };
  if (name === 'k') return parseK(args);
  if (name === 'features') return parseFeatures(args);
  if (name === 'scale') return { kind: 'features', scaling: parseScaling(args) };
  if (name === 'predict')
    return isRfmPredict(args)
      ? { kind: 'predictRfm', rfm: parsePredictRfm(args) }
      : { kind: 'predict', customer: parsePredict(args) };
  if (name === 'asof') return parseAsOf(args);
  if (name === 'reset') return parseReset(args);
  if ((NO_ARGUMENTS as readonly string[]).includes(name)) return plain(name as PlainKind, args);
  throw unknownCommand(first);
}

function plain(kind: PlainKind, args: readonly string[]): Command {
  if (args.length) {
    throw new InputError('invalid_option', `${kind} takes no options (got "${args.join(' ')}")`, {}, [
      `Try ${example(kind)}.`,
    ]);
  }
  return { kind };
}

/** Which bundled sample `reset` goes back to, by the words people use for each. */
const SAMPLE_WORDS: Record<string, 'customers' | 'orders'> = {
  customers: 'customers',
  customer: 'customers',
  sample: 'customers',
  orders: 'orders',
  order: 'orders',
  'order-lines': 'orders',
  orderlines: 'orders',
  transactions: 'orders',
};

/** `reset` and `reset customers`: the customer sample (unchanged); `reset orders`: the order-line sample. */
function parseReset(args: readonly string[]): Command {
  const sample = args.length === 1 ? SAMPLE_WORDS[args[0]!.toLowerCase()] : 'customers';
  if (args.length > 1 || sample === undefined) {
    throw new InputError(
      'invalid_option',
      `reset takes \`orders\`, \`customers\` or nothing (got "${shorten(args.join(' '))}")`,
      {},
      [`Try ${USAGE.reset}.`],
    );
  }
  return sample === 'orders' ? { kind: 'reset', sample } : { kind: 'reset' };
}

function unknownCommand(word: string): InputError {
  const names = [...COMMAND_HELP.map((c) => c.name), ...Object.keys(ALIASES)];
  const guess = closest(word.toLowerCase(), names);
  const suggestion = guess ? ` Did you mean ${example(ALIASES[guess] ?? guess)}?` : '';
  return new InputError(
    'unknown_command',
    `I don't know the command "${shorten(word)}".${suggestion} ${USAGE.help}`,
  );
}
