import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';
import { BOT_TOKEN, SlackStandin } from '../../src/playground/standin/server.ts';
import { statusMessage } from '../../src/slack/blocks/index.ts';
import { Deliverer, isNotAMember } from '../../src/slack/deliver.ts';
import { retryDelayMs } from '../../src/slack/retry.ts';
import { reply, standinDeliverer, TINY_PNG } from './fixtures.ts';

let standin: SlackStandin;
let deliverer: Deliverer;
const logs: string[] = [];

const delivererWith = (timeoutMs: number) => standinDeliverer(standin.apiUrl, timeoutMs, logs);

beforeAll(async () => {
  standin = await SlackStandin.start();
  deliverer = delivererWith(5000);
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
    standin.fail('chat.update', { status: 500 }, { status: 500 }, { status: 500 });
    await expect(deliverer.update('CDOWN', '1.1', statusMessage('x'))).rejects.toMatchObject({
      code: 'slack_webapi_http_error',
    });
    expect(
      standin.calls.filter((c) => c.method === 'chat.update' && c.args.channel === 'CDOWN'),
    ).toHaveLength(3);
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
    const outcome = await deliverer.uploadAttachments(
      { channel: 'CUP', threadTs: '17.1' },
      reply({ images }),
    );
    expect(outcome).toEqual({ shared: [0], missing: [] });
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

/** Messages Slack holds in a channel: every post it carried out, answered or not. */
const held = (channel: string) =>
  standin.calls.filter(
    (c) => c.method === 'chat.postMessage' && c.args.channel === channel && c.answer?.ok === true,
  );
const tries = (channel: string) =>
  standin.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === channel);

describe('a post that may already have happened', () => {
  // A client that gives up on an answer quickly, as a timeout after the request went out.
  let quick: Deliverer;
  beforeAll(() => {
    quick = delivererWith(300);
  });

  it('is not posted again after a timeout: Slack posted it, and the caller hears that delivery failed', async () => {
    standin.fail('chat.postMessage', { lost: true });
    await expect(quick.post({ channel: 'CLOST' }, statusMessage('once'))).rejects.toMatchObject({
      code: 'slack_webapi_request_error',
    });
    expect(held('CLOST')).toHaveLength(1);
    expect(tries('CLOST')).toHaveLength(1);
    expect(logs.some((l) => l.includes('not tried again, as Slack may have posted it'))).toBe(true);
  });

  it('is not posted again after a 5xx, which Slack may answer for a post it made', async () => {
    standin.fail('chat.postMessage', { status: 500, afterDoing: true });
    await expect(quick.post({ channel: 'C5XX' }, statusMessage('once'))).rejects.toMatchObject({
      code: 'slack_webapi_http_error',
    });
    expect(held('C5XX')).toHaveLength(1);
    expect(tries('C5XX')).toHaveLength(1);
  });

  it('nor is an ephemeral note', async () => {
    standin.fail('chat.postEphemeral', { status: 500 }, { status: 500 });
    await expect(quick.ephemeral({ channel: 'CEPH' }, 'U1', statusMessage('x'))).rejects.toBeDefined();
    expect(
      standin.calls.filter((c) => c.method === 'chat.postEphemeral' && c.args.channel === 'CEPH'),
    ).toHaveLength(1);
    standin.faults.delete('chat.postEphemeral');
  });

  it('is still tried again after a 429, which Slack refuses before doing anything', async () => {
    standin.fail('chat.postMessage', { status: 429, retryAfter: 0 });
    await quick.post({ channel: 'CRATE' }, statusMessage('once'));
    expect(held('CRATE')).toHaveLength(1);
    expect(tries('CRATE')).toHaveLength(2);
  });

  it('a tagged message in a thread is looked for after a timeout, and not posted again when it is there', async () => {
    const place = { channel: 'CTAGLOST', threadTs: '1800000400.000100' };
    const tag = { event_type: 'segment_bot_upload', event_payload: { job: 41 } };
    standin.fail('chat.postMessage', { lost: true });
    const ts = await quick.post(place, statusMessage('reading…'), tag);
    expect(held('CTAGLOST')).toHaveLength(1);
    expect(ts).toBe(held('CTAGLOST')[0]!.answer!.ts);
  });

  it('a tagged message in a thread that Slack did not post is posted once more', async () => {
    const place = { channel: 'CTAG500', threadTs: '1800000500.000100' };
    const tag = { event_type: 'segment_bot_upload', event_payload: { job: 42 } };
    standin.fail('chat.postMessage', { status: 500 });
    const ts = await quick.post(place, statusMessage('reading…'), tag);
    expect(held('CTAG500')).toHaveLength(1);
    expect(ts).toBe(held('CTAG500')[0]!.answer!.ts);
  });

  it('is tried again when the connection was never made (nothing reached Slack)', async () => {
    // A port nothing listens on: connection refused, each time.
    const closed = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const seen: string[] = [];
    const logger = createLogger('debug', (line) => seen.push(line));
    const client = new webApi.WebClient(BOT_TOKEN, {
      slackApiUrl: `http://127.0.0.1:${closed}/api/`,
      logger,
      retryConfig: { retries: 0 },
      timeout: 300,
    });
    const refused = new Deliverer(client, logger, { attempts: 3, baseDelayMs: 10, maxDelayMs: 100 });
    await expect(refused.post({ channel: 'CNONE' }, statusMessage('x'))).rejects.toMatchObject({
      code: 'slack_webapi_request_error',
    });
    expect(seen.filter((l) => /chat\.postMessage failed .*; try [23] in/.test(l))).toHaveLength(2);
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

  it('repeats a post only where Slack cannot have acted', () => {
    const refused = {
      code: 'slack_webapi_request_error',
      original: Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }),
    };
    const reset = {
      code: 'slack_webapi_request_error',
      original: Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } }),
    };
    const timeout = { code: 'slack_webapi_request_error', original: new DOMException('t', 'TimeoutError') };
    const posts = (error: unknown) => retryDelayMs(error, 1, policy, 'posts');
    expect(posts({ code: 'slack_webapi_rate_limited_error', retryAfter: 1 })).toBe(1000);
    expect(posts({ code: 'slack_bolt_respond_error', statusCode: 429 })).toBe(100);
    expect(posts(refused)).toBe(100);
    expect(posts(reset)).toBeUndefined();
    expect(posts(timeout)).toBeUndefined();
    expect(posts({ code: 'slack_webapi_http_error', statusCode: 502 })).toBeUndefined();
    expect(posts({ code: 'slack_bolt_respond_error', statusCode: 500 })).toBeUndefined();
    // An update says the same thing twice: it is repeated as before.
    expect(retryDelayMs(timeout, 1, policy)).toBe(100);
    expect(retryDelayMs(reset, 1, policy)).toBe(100);
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
