/**
 * argv → a typed CLI command. Flag values are validated here so a typo is an
 * InputError (exit code 2) that names the flag and what it accepts.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { InputError } from '../core/errors.ts';
import { featureForWord, K_LIMITS } from '../core/features.ts';
import { FEATURES, type Feature, SCALINGS, type Scaling } from '../core/types.ts';

export interface AnalyzeArgs {
  kind: 'analyze';
  file: string;
  features?: Feature[];
  k?: number;
  kRange?: { min: number; max: number };
  scaling?: Scaling;
  seed?: number;
  restarts?: number;
  json: boolean;
  out?: string;
  /** Order-line files: analysis date (YYYY-MM-DD), cancellation rule, per-customer CSV. */
  asOf?: string;
  cancellations?: 'net' | 'exclude';
  export?: string;
  limits: { maxBytes?: number; maxRows?: number; minValidShare?: number };
}

export interface PredictArgs {
  kind: 'predict';
  data?: string;
  customer: { age: number; gender?: 'Female' | 'Male'; income: number; spending: number };
  json: boolean;
  seed?: number;
}

export type CliArgs = AnalyzeArgs | PredictArgs | { kind: 'help' };

const fail = (flag: string, expected: string, got: string) =>
  new InputError('invalid_option', `${flag} expects ${expected} (got "${got}")`);

function wholeNumber(flag: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || n < min || n > max)
    throw fail(flag, `a whole number from ${min} to ${max}`, raw);
  return n;
}

function features(raw: string | undefined): Feature[] | undefined {
  if (raw === undefined) return undefined;
  const names = raw.split(/[,\s]+/).filter(Boolean);
  const mapped = names.map(featureForWord);
  if (!names.length || mapped.some((f) => !f)) {
    throw fail('--features', `a comma-separated list of ${FEATURES.join(', ')}`, raw);
  }
  return mapped as Feature[];
}

function kRange(raw: string | undefined): { min: number; max: number } | undefined {
  if (raw === undefined) return undefined;
  const m = /^(\d+)\s*(?:\.\.|-)\s*(\d+)$/.exec(raw.trim());
  const [min, max] = m ? [Number(m[1]), Number(m[2])] : [Number.NaN, Number.NaN];
  if (!(min >= K_LIMITS.min && max <= K_LIMITS.max && min <= max))
    throw fail('--k-range', `a range like 2..10 (from ${K_LIMITS.min}, up to ${K_LIMITS.max})`, raw);
  return { min, max };
}

function scaling(raw: string | undefined): Scaling | undefined {
  if (raw === undefined) return undefined;
  const parsed = z.enum(SCALINGS).safeParse(raw.toLowerCase());
  if (!parsed.success) throw fail('--scale', SCALINGS.join(' | '), raw);
  return parsed.data;
}

function cancellations(raw: string | undefined): 'net' | 'exclude' | undefined {
  if (raw === undefined) return undefined;
  if (raw !== 'net' && raw !== 'exclude') throw fail('--cancellations', 'net | exclude', raw);
  return raw;
}

function share(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!(n > 0 && n <= 1)) throw fail('--min-valid', 'a share between 0 and 1, e.g. 0.9', raw);
  return n;
}

const OPTIONS = {
  features: { type: 'string' },
  k: { type: 'string' },
  'k-range': { type: 'string' },
  scale: { type: 'string' },
  seed: { type: 'string' },
  restarts: { type: 'string' },
  json: { type: 'boolean', default: false },
  out: { type: 'string' },
  'as-of': { type: 'string' },
  cancellations: { type: 'string' },
  export: { type: 'string' },
  data: { type: 'string' },
  'max-bytes': { type: 'string' },
  'max-rows': { type: 'string' },
  'min-valid': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new InputError('invalid_option', `${(e as Error).message.split('\n')[0]}; see \`segment --help\``);
  }
}

export function parseCliArgs(argv: string[]): CliArgs {
  const { values: v, positionals } = parse(argv);
  const [command, ...rest] = positionals;
  if (v.help || !command || command === 'help') return { kind: 'help' };
  const seed = wholeNumber('--seed', v.seed, 0, 2 ** 32 - 1);
  if (command === 'analyze') {
    if (rest.length !== 1)
      throw new InputError('invalid_option', 'analyze needs exactly one file: segment analyze <file>');
    return {
      kind: 'analyze',
      file: rest[0]!,
      ...defined({
        features: features(v.features),
        k: wholeNumber('--k', v.k, K_LIMITS.min, K_LIMITS.max),
        kRange: kRange(v['k-range']),
        scaling: scaling(v.scale),
        seed,
        restarts: wholeNumber('--restarts', v.restarts, 1, 100),
        out: v.out,
        asOf: v['as-of'],
        cancellations: cancellations(v.cancellations),
        export: v.export,
      }),
      json: v.json,
      limits: defined({
        maxBytes: wholeNumber('--max-bytes', v['max-bytes'], 1, Number.MAX_SAFE_INTEGER),
        maxRows: wholeNumber('--max-rows', v['max-rows'], 1, Number.MAX_SAFE_INTEGER),
        minValidShare: share(v['min-valid']),
      }),
    };
  }
  if (command === 'predict')
    return { kind: 'predict', customer: customer(rest), json: v.json, ...defined({ data: v.data, seed }) };
  throw new InputError(
    'unknown_command',
    `unknown command "${command}"; use \`segment analyze <file>\` or \`segment predict <age> <gender> <income> <spending>\``,
  );
}

function customer(rest: string[]): PredictArgs['customer'] {
  if (rest.length !== 3 && rest.length !== 4) {
    throw new InputError(
      'invalid_customer',
      `predict needs <age> [<gender>] <income> <spending>, e.g. segment predict 25 60 75 or segment predict 25 F 60 75 (got ${rest.length})`,
    );
  }
  // Gender is optional: it does not decide the segment.
  const [age, gender, income, spending] = (
    rest.length === 3 ? [rest[0], undefined, rest[1], rest[2]] : rest
  ) as [string, string | undefined, string, string];
  const g = gender === undefined ? undefined : GENDERS[gender.toLowerCase()];
  if (gender !== undefined && !g)
    throw new InputError('invalid_customer', `gender must be M, F, Male or Female (got "${gender}")`);
  const num = (name: string, raw: string) => {
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n))
      throw new InputError('invalid_customer', `${name} must be a number (got "${raw}")`);
    return n;
  };
  return {
    age: num('age', age),
    ...(g ? { gender: g } : {}),
    income: num('income', income),
    spending: num('spending', spending),
  };
}

const GENDERS: Record<string, 'Male' | 'Female'> = { m: 'Male', male: 'Male', f: 'Female', female: 'Female' };

function defined<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as never;
}
