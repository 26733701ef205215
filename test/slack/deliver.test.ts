import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';
import { BOT_TOKEN, SlackStandin } from '../../src/playground/standin/server.ts';
import { statusMessage } from '../../src/slack/blocks/index.ts';
import { Deliverer, isNotAMember } from '../../src/slack/deliver.ts';
import { retryDelayMs } from '../../src/slack/retry.ts';
import { reply, TINY_PNG } from './fixtures.ts';

let standin: SlackStandin;
let deliverer: Deliverer;
const logs: string[] = [];

beforeAll(async () => {
  standin = await SlackStandin.start();
  const logger = createLogger('debug', (line) => logs.push(line));
  // As app.ts configures it: no retries inside the client, rate limits surfaced to our policy.
  const client = new webApi.WebClient(BOT_TOKEN, {
    slackApiUrl: standin.apiUrl,
    logger,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 5000,
  });
  deliverer = new Deliverer(client, logger, { attempts: 3, baseDelayMs: 20, maxDelayMs: 2000 });
});
afterAll(() => standin.close());

const posts = (channel: string) =>
  standin.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);

describe('Deliverer', () => {
  it('waits for Retry-After after a 429, then delivers exactly once', async () => {
    standin.fail('chat.postMessage', { status: 429, retryAfter: 1 });
    const started = Date.now();
    await deliverer.post({ channel: 'C429' }, statusMessage('hello'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(posts('C429')).toHaveLength(1);
    expect(standin.calls.filter((c) => c.method === 'chat.postMessage' && c.fault === '429')).toHaveLength(1);
  });

  it('retries server errors with backoff', async () => {
    standin.fail('chat.update', { status: 500 }, { status: 500 });
    await deliverer.update('C500', '1.1', statusMessage('edited'));
    expect(standin.callsTo('chat.update')).toHaveLength(1);
  });

  it('gives up after the last attempt and surfaces the error', async () => {
    standin.fail('chat.postMessage', { status: 500 }, { status: 500 }, { status: 500 });
    await expect(deliverer.post({ channel: 'CDOWN' }, statusMessage('x'))).rejects.toMatchObject({
      code: 'slack_webapi_http_error',
    });
    expect(posts('CDOWN')).toHaveLength(0);
  });

  it('does not retry answers that cannot change, like not_in_channel', async () => {
    standin.notMember.add('COUT');
    const error = await deliverer.post({ channel: 'COUT' }, statusMessage('x')).catch((e: unknown) => e);
    expect(isNotAMember(error)).toBe(true);
    expect(
      standin.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'COUT'),
    ).toHaveLength(1);
  });

  it('shares charts in the thread with their descriptions in the comment and as alt text', async () => {
    const images = [
      { filename: 'elbow.png', title: 'Elbow', alt: 'Inertia flattens after k = 5.', png: TINY_PNG },
    ];
    const shared = await deliverer.uploadAttachments({ channel: 'CUP', threadTs: '17.1' }, reply({ images }));
    expect(shared).toBe(1);
    const share = standin.shares.find((s) => s.channel === 'CUP')!;
    expect(share.threadTs).toBe('17.1');
    expect(share.initialComment).toContain('Inertia flattens after k = 5.');
    expect(share.files[0]).toMatchObject({ filename: 'elbow.png', altText: 'Inertia flattens after k = 5.' });
    expect(share.files[0]!.bytes.equals(TINY_PNG)).toBe(true);
  });

  it('never logs the token while doing all this', () => {
    expect(logs.join('\n')).not.toContain(BOT_TOKEN);
    expect(logs.some((l) => l.includes('try 2'))).toBe(true);
  });
});

describe('retryDelayMs', () => {
  const policy = { attempts: 4, baseDelayMs: 100, maxDelayMs: 5000 };
  it('honours Retry-After up to the cap and backs off exponentially on 5xx', () => {
    expect(retryDelayMs({ code: 'slack_webapi_rate_limited_error', retryAfter: 2 }, 1, policy)).toBe(2000);
    expect(retryDelayMs({ code: 'slack_webapi_rate_limited_error', retryAfter: 600 }, 1, policy)).toBe(5000);
    expect(retryDelayMs({ code: 'slack_webapi_http_error', statusCode: 503 }, 3, policy)).toBe(400);
    expect(retryDelayMs({ code: 'slack_webapi_http_error', statusCode: 404 }, 1, policy)).toBeUndefined();
    expect(retryDelayMs({ code: 'slack_bolt_respond_error', statusCode: 429 }, 1, policy)).toBe(100);
    expect(
      retryDelayMs({ code: 'slack_webapi_platform_error', data: { error: 'x' } }, 1, policy),
    ).toBeUndefined();
  });

  it('finds its own tagged message in a thread again, and only that one', async () => {
    const place = { channel: 'CTAGGED', threadTs: '1800000300.000100' };
    await deliverer.post(place, statusMessage('other'), {
      event_type: 'segment_bot_upload',
      event_payload: { job: 6 },
    });
    const ts = await deliverer.post(place, statusMessage('mine'), {
      event_type: 'segment_bot_upload',
      event_payload: { job: 7 },
    });
    await deliverer.post(place, statusMessage('untagged'));
    expect(
      await deliverer.findTagged(place, { event_type: 'segment_bot_upload', event_payload: { job: 7 } }),
    ).toBe(ts);
    expect(
      await deliverer.findTagged(place, { event_type: 'segment_bot_upload', event_payload: { job: 8 } }),
    ).toBeUndefined();
    expect(
      await deliverer.findTagged(
        { channel: 'CTAGGED' },
        { event_type: 'segment_bot_upload', event_payload: { job: 7 } },
      ),
    ).toBeUndefined();
  });
});
