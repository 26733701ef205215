/**
 * The gate in front of Bolt's HTTPReceiver. Bolt 5.1 trusts the shape of a
 * request body: a correctly signed JSON `null` (or a form whose `payload` is
 * `null`) makes it read a property of null outside any try, and the process
 * dies. So every POST is read here first, with a byte cap and an idle timeout,
 * and only a body that parses to a JSON object (or a plain form) reaches Bolt,
 * already buffered (Bolt reuses `req.rawBody` and still checks the signature).
 * Anything else gets a status code, never a reset and never a crash.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';

export interface GuardOptions {
  /** Larger bodies get 413 (Slack's own payloads are a few KB; Bolt's own cap is 4 MB). */
  maxBodyBytes: number;
  /** A client that sends nothing for this long gets 408. */
  idleTimeoutMs: number;
  /** Bytes read and thrown away after the cap, so the client can read the 413 rather than see a reset. */
  drainBytes: number;
}

export const DEFAULT_GUARD: GuardOptions = {
  maxBodyBytes: 1024 * 1024,
  idleTimeoutMs: 10_000,
  drainBytes: 64 * 1024 * 1024,
};

type Listener = (req: IncomingMessage, res: ServerResponse) => void;
export type GuardVerdict = { ok: true } | { ok: false; status: number; reason: string };

const FORM = 'application/x-www-form-urlencoded';
const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What Bolt will make of these bytes: only an object is safe to hand over. */
export function checkBody(contentType: string | undefined, body: Buffer): GuardVerdict {
  const text = body.toString('utf8');
  try {
    if (contentType === FORM) {
      const form = parseQuery(text);
      if (form.payload === undefined) return { ok: true };
      if (typeof form.payload !== 'string') return bad('more than one payload field');
      return isObject(JSON.parse(form.payload)) ? { ok: true } : bad('payload is not a JSON object');
    }
    return isObject(JSON.parse(text)) ? { ok: true } : bad('body is not a JSON object');
  } catch {
    return bad('body is not valid JSON');
  }
}

const bad = (reason: string): GuardVerdict => ({ ok: false, status: 400, reason });

function reply(res: ServerResponse, status: number): void {
  if (res.headersSent || res.writableEnded) return;
  res.writeHead(status, { 'content-type': 'text/plain', connection: 'close' });
  res.end(String(status));
}

/** Reads the body with a cap and an idle timeout; `done` gets the bytes, or no bytes and the status to answer. */
function readBody(
  req: IncomingMessage,
  res: ServerResponse,
  options: GuardOptions,
  done: (body: Buffer | undefined, status?: number) => void,
): void {
  const chunks: Buffer[] = [];
  let total = 0;
  let finished = false;
  const finish = (body: Buffer | undefined, status?: number) => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    done(body, status);
  };
  let timer = setTimeout(() => timeout(), options.idleTimeoutMs);
  const timeout = () => {
    finish(undefined, 408);
    req.destroy();
  };
  req.on('data', (chunk: Buffer) => {
    clearTimeout(timer);
    timer = setTimeout(timeout, options.idleTimeoutMs);
    total += chunk.length;
    if (total <= options.maxBodyBytes) chunks.push(chunk);
    else if (total > options.drainBytes) {
      finish(undefined, 413);
      req.destroy();
    }
  });
  req.on('end', () =>
    total > options.maxBodyBytes ? finish(undefined, 413) : finish(Buffer.concat(chunks, total)),
  );
  req.on('error', () => finish(undefined, 400));
  res.on('close', () => clearTimeout(timer));
}

/**
 * Wraps Bolt's request listener. `onReject` hears every refused request (for
 * the log and metrics); `onError` hears a listener that threw synchronously.
 */
export function guardRequests(
  inner: Listener,
  options: GuardOptions,
  hooks: { onReject?: (status: number, reason: string) => void; onError?: (error: unknown) => void } = {},
): Listener {
  const pass = (req: IncomingMessage, res: ServerResponse) => {
    try {
      inner(req, res);
    } catch (error) {
      hooks.onError?.(error);
      reply(res, 500);
    }
  };
  return (req, res) => {
    if (req.method !== 'POST') return pass(req, res);
    readBody(req, res, options, (body, status) => {
      if (!body) {
        hooks.onReject?.(status ?? 400, status === 408 ? 'body too slow' : 'body too large');
        return reply(res, status ?? 400);
      }
      const verdict = checkBody(req.headers['content-type'], body);
      if (!verdict.ok) {
        hooks.onReject?.(verdict.status, verdict.reason);
        return reply(res, verdict.status);
      }
      // Bolt buffers only when rawBody is missing, so it sees exactly these bytes.
      (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
      pass(req, res);
    });
  };
}
