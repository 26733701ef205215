/** Hand-made Replies and a stand-in Deliverer for the Slack adapter's tests (no service involved). */
import { webApi } from '@slack/bolt';
import { reply as buildReply } from '../../src/commands/handlers/shared.ts';
import type { Reply } from '../../src/commands/reply.ts';
import { createLogger } from '../../src/log.ts';
import { BOT_TOKEN } from '../../src/playground/standin/server.ts';
import { Deliverer } from '../../src/slack/deliver.ts';

export function reply(overrides: Partial<Reply> = {}): Reply {
  return buildReply({ title: 'Customer segments', text: '5 segments in 200 customers.', ...overrides });
}

/** A 1×1 PNG is enough where only bytes matter. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * A Deliverer on the stand-in at `apiUrl`, its client set up as app.ts does: no retries inside the
 * client, rate limits surfaced to our policy; `timeoutMs` bounds API calls and the bytes' upload alike.
 */
export function standinDeliverer(apiUrl: string, timeoutMs: number, logs: string[]): Deliverer {
  const logger = createLogger('debug', (line) => logs.push(line));
  const client = new webApi.WebClient(BOT_TOKEN, {
    slackApiUrl: apiUrl,
    logger,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: timeoutMs,
  });
  return new Deliverer(client, logger, {
    attempts: 3,
    baseDelayMs: 20,
    maxDelayMs: 2000,
    uploadTimeoutMs: timeoutMs,
  });
}
