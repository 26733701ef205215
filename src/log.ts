/**
 * The one logger. It implements @slack/logger's Logger so Bolt, the WebClient
 * and our own code write the same one-line format to stderr.
 *
 * Two promises it keeps whatever a caller passes in:
 * - tokens (xoxb-, xapp-, xoxp-, Bearer …) are masked;
 * - Web API request and response payloads, which carry reply text and could
 *   carry customer values, are never written: the WebClient's debug lines
 *   about them are cut to their label and size.
 */
import { randomUUID } from 'node:crypto';
import { format } from 'node:util';
// Types only: a value import of Bolt's LogLevel enum loads all of Bolt (and
// undici, express, …) into every CLI run, about 0.2 s of its start-up.
import type { Logger, LogLevel } from '@slack/bolt';
import type { LogLevelName } from './config.ts';

// LogLevel's members are these same strings ('debug', …), so a name is a level.
const ORDER: Record<LogLevelName, number> = { debug: 0, info: 1, warn: 2, error: 3 };

const TOKEN = /\b(xox[abposre]|xapp)-[A-Za-z0-9-]+/g;
const BEARER = /\b(Bearer)\s+[^\s"',]+/gi;
/** WebClient debug lines whose tail is a serialised request/response body. */
const PAYLOAD_LINES = /^http request (?:body|result|headers)(?=:)/;

export function redact(text: string): string {
  return text.replace(TOKEN, '$1-[redacted]').replace(BEARER, '$1 [redacted]');
}

/** Drops the payload from WebClient "http request body: {...}" style lines. */
function withoutPayload(line: string): string {
  // Bolt logs each incoming request body as bare JSON at debug level.
  if (line.startsWith('{"')) return `[payload omitted, ${line.length} chars]`;
  const match = PAYLOAD_LINES.exec(line);
  if (!match) return line;
  const rest = line.length - match[0].length;
  return rest > 2 ? `${match[0]}: [payload omitted, ${rest} chars]` : line;
}

export type Sink = (line: string) => void;

export function createLogger(
  level: LogLevelName = 'info',
  sink: Sink = defaultSink,
  name = 'segment-bot',
): Logger {
  let current: LogLevelName = level;
  const write = (at: LogLevelName, args: unknown[]) => {
    if (ORDER[at] < ORDER[current]) return;
    const message = withoutPayload(redact(format(...args)));
    sink(`${new Date().toISOString()} ${at.toUpperCase().padEnd(5)} [${name}] ${message}`);
  };
  return {
    debug: (...args) => write('debug', args),
    info: (...args) => write('info', args),
    warn: (...args) => write('warn', args),
    error: (...args) => write('error', args),
    setLevel: (next) => {
      current = next as LogLevelName;
    },
    getLevel: () => current as LogLevel,
    // Every WebClient renames the logger it is given; one shared name keeps lines greppable.
    setName: () => {},
  };
}

function defaultSink(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** A one-line description of an error for logs: name, code and message, never a payload. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return redact(String(error));
  const code = (error as { code?: unknown }).code;
  const slackError = (error as { data?: { error?: unknown } }).data?.error;
  const parts = [
    error.name,
    typeof code === 'string' ? code : '',
    typeof slackError === 'string' ? slackError : '',
  ];
  return redact(`${parts.filter(Boolean).join('/')}: ${error.message}`);
}

/** A short id that ties what the user is told about a bug (a Slack apology, the CLI's error line) to its log line. */
export const newErrorId = () => randomUUID().slice(0, 8);
