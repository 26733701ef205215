/**
 * The environment, read once at start-up and validated with zod. Every
 * missing or malformed variable is reported together, by name, so a person
 * fixing a .env file sees the whole list at once. Token values never appear in
 * a message: a bad token is described by its shape, not echoed.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_LIMITS } from './ingest/csv.ts';

export type LogLevelName = 'debug' | 'info' | 'warn' | 'error';

export interface Config {
  botToken: string;
  /** Socket Mode when set (an xapp- token), HTTP mode otherwise. */
  transport: { mode: 'socket'; appToken: string } | { mode: 'http'; signingSecret: string };
  /** HTTP port (Socket Mode serves only /healthz on it). 0 picks a free port. */
  port: number;
  /** Interface to listen on; undefined listens on all of them. */
  host: string | undefined;
  /** Base URL of the Web API, ending in a slash. */
  slackApiUrl: string;
  /** host[:port] that shared files may be downloaded from, with the bot token. */
  fileHost: string;
  dataDir: string;
  logLevel: LogLevelName;
  limits: { maxBytes: number; maxRows: number };
  /** How long one Web API call may take before it counts as failed. */
  apiTimeoutMs: number;
  /** Shared-file downloads: until the headers arrive, and between two chunks. */
  download: { connectTimeoutMs: number; idleTimeoutMs: number };
  /**
   * What each analysis worker thread may keep in memory for quick answers (parsed tables,
   * analyses, chart images, order data), in bytes, all kinds together; least recently used goes first.
   */
  cacheBytes: number;
  jobs: {
    /** Jobs run at once, and analysis worker threads (at least 2). */
    workers: number;
    /** SIGTERM: how long running jobs may take to finish before they are handed back to the queue. */
    shutdownDeadlineMs: number;
    /** A running job without progress for this long is failed and its thread told. */
    stallMs: number;
  };
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`configuration problem${problems.length === 1 ? '' : 's'}: ${problems.join('; ')}`);
  }
}

export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../var/', import.meta.url));
const DEFAULT_API_URL = 'https://slack.com/api/';
const DEFAULT_FILE_HOST = 'files.slack.com';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const token = (prefix: string) =>
  z.string().refine((v) => v.startsWith(prefix) && v.length > prefix.length + 8 && !/\s/.test(v), {
    message: `must be a Slack token starting with ${prefix} (no spaces)`,
  });
const wholeNumber = (min: number, max: number) =>
  z.coerce.number({ message: 'must be a whole number' }).int('must be a whole number').min(min).max(max);

const schema = z.object({
  SLACK_BOT_TOKEN: z.preprocess(
    blankToUndefined,
    z.string({ message: 'is required (the Bot User OAuth Token, xoxb-…)' }).pipe(token('xoxb-')),
  ),
  SLACK_APP_TOKEN: optional(token('xapp-')),
  SLACK_SIGNING_SECRET: optional(
    z.string().regex(/^[0-9a-f]{16,}$/i, 'must be the hexadecimal Signing Secret from Basic Information'),
  ),
  PORT: optional(wholeNumber(0, 65535)),
  HOST: optional(z.string()),
  SLACK_API_URL: optional(z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' })),
  SLACK_FILE_HOST: optional(
    z.string().regex(/^[a-z0-9.-]+(:\d+)?$/i, 'must be a host name, e.g. files.slack.com'),
  ),
  DATA_DIR: optional(z.string()),
  LOG_LEVEL: optional(
    z.enum(['debug', 'info', 'warn', 'error'], { message: 'must be debug, info, warn or error' }),
  ),
  MAX_FILE_BYTES: optional(wholeNumber(1, Number.MAX_SAFE_INTEGER)),
  MAX_ROWS: optional(wholeNumber(1, Number.MAX_SAFE_INTEGER)),
  SLACK_API_TIMEOUT_MS: optional(wholeNumber(100, 600_000)),
  DOWNLOAD_CONNECT_TIMEOUT_MS: optional(wholeNumber(100, 600_000)),
  DOWNLOAD_IDLE_TIMEOUT_MS: optional(wholeNumber(100, 600_000)),
  CACHE_MAX_MB: optional(wholeNumber(1, 1024 * 1024)),
  ANALYSIS_WORKERS: optional(wholeNumber(2, 64)),
  SHUTDOWN_DEADLINE_MS: optional(wholeNumber(0, 600_000)),
  JOB_STALL_MS: optional(wholeNumber(1000, 3_600_000)),
});

/**
 * Per worker thread: a million-row table (~70 MB), its analysis and a few dozen chart sets, with
 * room for a second large file; two workers keep at most half a gigabyte.
 */
export const DEFAULT_CACHE_MB = 256;

/** One worker per core, at least two, so one is always free for interactive work. */
export const defaultWorkers = () => Math.max(2, Math.min(availableParallelism(), 8));

type Env = Record<string, string | undefined>;

/** Environment → Config, or a ConfigError naming every problem. */
export function loadConfig(env: Env = process.env): Config {
  const parsed = schema.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${String(i.path[0])} ${i.message}`);
  const v = parsed.success ? parsed.data : undefined;
  if (
    blankToUndefined(env.SLACK_APP_TOKEN) === undefined &&
    blankToUndefined(env.SLACK_SIGNING_SECRET) === undefined
  ) {
    problems.push('set SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode)');
  }
  if (!v || problems.length) throw new ConfigError(problems);
  const transport: Config['transport'] = v.SLACK_APP_TOKEN
    ? { mode: 'socket', appToken: v.SLACK_APP_TOKEN }
    : { mode: 'http', signingSecret: v.SLACK_SIGNING_SECRET ?? '' };
  return {
    botToken: v.SLACK_BOT_TOKEN,
    transport,
    port: v.PORT ?? 3000,
    host: v.HOST,
    slackApiUrl: withTrailingSlash(v.SLACK_API_URL ?? DEFAULT_API_URL),
    fileHost: (v.SLACK_FILE_HOST ?? DEFAULT_FILE_HOST).toLowerCase(),
    dataDir: v.DATA_DIR ?? DEFAULT_DATA_DIR,
    logLevel: v.LOG_LEVEL ?? 'info',
    limits: {
      maxBytes: v.MAX_FILE_BYTES ?? DEFAULT_LIMITS.maxBytes,
      maxRows: v.MAX_ROWS ?? DEFAULT_LIMITS.maxRows,
    },
    apiTimeoutMs: v.SLACK_API_TIMEOUT_MS ?? 30_000,
    download: {
      connectTimeoutMs: v.DOWNLOAD_CONNECT_TIMEOUT_MS ?? 60_000,
      idleTimeoutMs: v.DOWNLOAD_IDLE_TIMEOUT_MS ?? 60_000,
    },
    cacheBytes: (v.CACHE_MAX_MB ?? DEFAULT_CACHE_MB) * 1024 * 1024,
    jobs: {
      workers: v.ANALYSIS_WORKERS ?? defaultWorkers(),
      shutdownDeadlineMs: v.SHUTDOWN_DEADLINE_MS ?? 25_000,
      stallMs: v.JOB_STALL_MS ?? 5 * 60_000,
    },
  };
}

const withTrailingSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);
