/**
 * One retry policy for every Web API call and response_url post the bot makes.
 * The WebClient's own retries are switched off (app.ts) so this is the only
 * place that decides: rate limits (429) wait for Retry-After, server errors
 * (5xx) and network failures back off exponentially, and anything else (an
 * `ok: false` answer such as not_in_channel) fails at once. A few bounded
 * attempts mean a failed delivery turns into a message for the user within
 * seconds instead of silence.
 *
 * A call that posts something (chat.postMessage, chat.postEphemeral, a
 * response_url answer, files.completeUploadExternal) is not safe to
 * repeat when Slack may already have done it: a timeout after the request went
 * out, a connection dropped after it, or a 5xx (Slack's edge answers 5xx for
 * requests its backend may have finished). Trying again then posts the same
 * answer twice, which users see and cannot undo; failing lets the caller say
 * that delivery failed (one missing answer, reported, over a duplicate). Such
 * a call is repeated only when Slack cannot have acted: a 429 (rate limited
 * before any work; wait for Retry-After) or a connection that was never made
 * (refused, no route, the name not found). Updates and reads repeat as before.
 * A chart's share is looked up before it is completed again (share.ts).
 */
import type { Logger } from '@slack/bolt';
import { describeError } from '../log.ts';

export interface RetryPolicy {
  /** Total tries, the first included. */
  attempts: number;
  baseDelayMs: number;
  /** Upper bound for one wait, Retry-After included. */
  maxDelayMs: number;
  /**
   * How long the POST of a chart's bytes may take (share.ts sends it itself; Web API calls
   * have the WebClient's timeout). app.ts gives it the same SLACK_API_TIMEOUT_MS.
   */
  uploadTimeoutMs?: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 500, maxDelayMs: 30_000 };

interface CodedError {
  code?: unknown;
  retryAfter?: unknown;
  statusCode?: unknown;
  data?: { error?: unknown };
}

/** The Slack error string of an `ok: false` answer (not_in_channel, …), if that is what failed. */
export function slackErrorCode(error: unknown): string | undefined {
  const value = (error as CodedError | undefined)?.data?.error;
  return typeof value === 'string' ? value : undefined;
}

/**
 * What a call does when repeated: `idempotent` (an update, a read: the same outcome again)
 * or `posts` (a second message), which repeats only where Slack cannot have acted.
 */
export type CallKind = 'idempotent' | 'posts';

/**
 * Connection errors raised before a request could be sent: nothing reached Slack. A reset,
 * a closed socket or a timeout may come after the request was read, so they are not here.
 */
const NEVER_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

interface Caused {
  code?: unknown;
  cause?: Caused;
  /** An AggregateError's (several addresses tried, each refused). */
  errors?: Caused[];
}

/** True when a request error is a connection that was never made (fetch: `fetch failed` caused by ECONNREFUSED, …). */
export function neverSent(error: unknown): boolean {
  const original = (error as { original?: Caused } | undefined)?.original;
  const reasons = (e: Caused | undefined, depth = 0): unknown[] =>
    e === undefined || depth > 4
      ? []
      : [e.code, ...(e.errors ?? []).map((x) => x.code), ...reasons(e.cause, depth + 1)];
  const codes = reasons(original).filter((c) => typeof c === 'string');
  return codes.length > 0 && codes.every((c) => NEVER_SENT.has(c as string));
}

/**
 * A failure after which Slack may have done what was asked: a 5xx, or a request error
 * (timeout, reset) other than a connection never made.
 */
export function mayHaveHappened(error: unknown): boolean {
  const { code, statusCode } = (error ?? {}) as CodedError;
  if (code === 'slack_webapi_http_error' || code === 'slack_bolt_respond_error')
    return typeof statusCode === 'number' && statusCode >= 500;
  return code === 'slack_webapi_request_error' && !neverSent(error);
}

/** How long to wait before trying again, or undefined when trying again cannot help (or, for a post, might post twice). */
/** The policy's exponential wait after try `attempt` (1-based), capped at maxDelayMs. */
export const backoffMs = (attempt: number, policy: RetryPolicy): number =>
  Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));

export function retryDelayMs(
  error: unknown,
  attempt: number,
  policy: RetryPolicy,
  kind: CallKind = 'idempotent',
): number | undefined {
  const { code, retryAfter, statusCode } = (error ?? {}) as CodedError;
  const backoff = backoffMs(attempt, policy);
  if (code === 'slack_webapi_rate_limited_error' && typeof retryAfter === 'number') {
    return Math.min(policy.maxDelayMs, Math.max(0, retryAfter * 1000));
  }
  if (kind === 'posts' && mayHaveHappened(error)) return undefined;
  if (code === 'slack_webapi_http_error' && typeof statusCode === 'number' && statusCode >= 500)
    return backoff;
  if (code === 'slack_webapi_request_error') return backoff;
  // response_url posts (Bolt's respond) fail with a status code of their own.
  if (code === 'slack_bolt_respond_error' && typeof statusCode === 'number') {
    return statusCode === 429 || statusCode >= 500 ? backoff : undefined;
  }
  return undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function withRetries<T>(
  label: string,
  call: () => Promise<T>,
  policy: RetryPolicy,
  logger: Logger,
  kind: CallKind = 'idempotent',
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      const delay = attempt < policy.attempts ? retryDelayMs(error, attempt, policy, kind) : undefined;
      if (delay === undefined && kind === 'posts' && attempt < policy.attempts && mayHaveHappened(error))
        logger.warn(
          `${label} failed (${describeError(error)}); not tried again, as Slack may have posted it`,
        );
      if (delay === undefined) throw error;
      logger.warn(`${label} failed (${describeError(error)}); try ${attempt + 1} in ${delay} ms`);
      await sleep(delay);
    }
  }
}
