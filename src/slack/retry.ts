/**
 * One retry policy for every Web API call and response_url post the bot makes.
 * The WebClient's own retries are switched off (app.ts) so this is the only
 * place that decides: rate limits (429) wait for Retry-After, server errors
 * (5xx) and network failures back off exponentially, and anything else (an
 * `ok: false` answer such as not_in_channel) fails at once. A few bounded
 * attempts mean a failed delivery turns into a message for the user within
 * seconds instead of silence.
 */
import type { Logger } from '@slack/bolt';
import { describeError } from '../log.ts';

export interface RetryPolicy {
  /** Total tries, the first included. */
  attempts: number;
  baseDelayMs: number;
  /** Upper bound for one wait, Retry-After included. */
  maxDelayMs: number;
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

/** How long to wait before trying again, or undefined when trying again cannot help. */
export function retryDelayMs(error: unknown, attempt: number, policy: RetryPolicy): number | undefined {
  const { code, retryAfter, statusCode } = (error ?? {}) as CodedError;
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  if (code === 'slack_webapi_rate_limited_error' && typeof retryAfter === 'number') {
    return Math.min(policy.maxDelayMs, Math.max(0, retryAfter * 1000));
  }
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
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      const delay = attempt < policy.attempts ? retryDelayMs(error, attempt, policy) : undefined;
      if (delay === undefined) throw error;
      logger.warn(`${label} failed (${describeError(error)}); try ${attempt + 1} in ${delay} ms`);
      await sleep(delay);
    }
  }
}
