/**
 * argv → a typed CLI command. Flag values are validated here so a typo is an
 * InputError (exit code 2) that names the flag and what it accepts.
 */
import { parseArgs } from 'node:util';
import type { ChannelSettings } from '../commands/context.ts';
import { InputError } from '../commands/errors.ts';
import { parseAsOf } from '../commands/grammar-rfm.ts';
import { K_MAX, K_MIN, parseFeatures, parseK, parseScaling } from '../commands/grammar-settings.ts';
import type { CommandArgs } from './transport.ts';

type Feature = ChannelSettings['features'][number];
type Scaling = NonNullable<ChannelSettings['scaling']>;

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

export type CliArgs = AnalyzeArgs | CommandArgs | { kind: 'help' };

const fail = (flag: string, expected: string, got: string) =>
  new InputError('invalid_option', `${flag} expects ${expected} (got "${got}")`);

function wholeNumber(flag: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || n < min || n > max)
    throw fail(flag, `a whole number from ${min} to ${max}`, raw);
  return n;
}

/**
 * --k, --features and --scale read by the same grammar pieces as Slack's
 * `/segment k`, `/segment features` and `/segment scale`: the same limits
 * and the same words when a value is refused.
 */
export function settingsFlags(v: {
  k?: string | undefined;
  features?: string | undefined;
  scale?: string | undefined;
}) {
  const k = v.k === undefined ? undefined : parseK([v.k]);
  const chosen =
    v.features === undefined ? undefined : parseFeatures(v.features.split(/[,\s]+/).filter(Boolean));
  return {
    ...(k?.kind === 'k' && k.k !== undefined ? { k: k.k } : {}),
    ...(chosen?.kind === 'features' && chosen.features ? { features: chosen.features } : {}),
    ...(v.scale === undefined ? {} : { scaling: parseScaling([v.scale]) }),
  };
}

/** --as-of for a command on order lines: read by the grammar of `/segment asof`. */
function asOfFlag(raw: string | undefined): { asOf?: string } {
  if (raw === undefined) return {};
  const parsed = parseAsOf([raw]);
  return parsed.kind === 'asof' && parsed.date !== null ? { asOf: parsed.date } : {};
}

function kRange(raw: string | undefined): { min: number; max: number } | undefined {
  if (raw === undefined) return undefined;
  const m = /^(\d+)\s*(?:\.\.|-)\s*(\d+)$/.exec(raw.trim());
  const [min, max] = m ? [Number(m[1]), Number(m[2])] : [Number.NaN, Number.NaN];
  if (!(min >= K_MIN && max <= K_MAX && min <= max))
    throw fail('--k-range', `a range like 2..10 (from ${K_MIN}, up to ${K_MAX})`, raw);
  return { min, max };
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

/** The commands that exist in Slack as `/segment <word>` and here as `segment <word> … --data FILE`. */
const COMMAND_WORDS = new Set([
  'summary',
  'segments',
  'eda',
  'stats',
  'check',
  'k',
  'features',
  'scale',
  'predict',
  'export',
  'asof',
]);

function limitsFlags(v: {
  'max-bytes'?: string | undefined;
  'max-rows'?: string | undefined;
  'min-valid'?: string | undefined;
}) {
  return defined({
    maxBytes: wholeNumber('--max-bytes', v['max-bytes'], 1, Number.MAX_SAFE_INTEGER),
    maxRows: wholeNumber('--max-rows', v['max-rows'], 1, Number.MAX_SAFE_INTEGER),
    minValidShare: share(v['min-valid']),
  });
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
      ...settingsFlags(v),
      ...defined({
        kRange: kRange(v['k-range']),
        seed,
        restarts: wholeNumber('--restarts', v.restarts, 1, 100),
        out: v.out,
        asOf: v['as-of'],
        cancellations: cancellations(v.cancellations),
        export: v.export,
      }),
      json: v.json,
      limits: limitsFlags(v),
    };
  }
  if (COMMAND_WORDS.has(command.toLowerCase())) {
    return {
      kind: 'command',
      text: [command, ...rest].join(' '),
      settings: { ...settingsFlags(v), ...asOfFlag(v['as-of']) },
      json: v.json,
      limits: limitsFlags(v),
      ...defined({ data: v.data, seed, out: v.out }),
    };
  }
  throw new InputError(
    'unknown_command',
    `unknown command "${command}"; use \`segment analyze <file>\` or \`segment predict <age> <gender> <income> <spending>\``,
  );
}

function defined<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as never;
}
