/**
 * What Slack throws at an app in real life, against the real app over HTTP:
 * forged and replayed requests, retried events, rate limits, outages, a
 * channel the bot is not in, files it should not touch. And what must never
 * reach the logs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customersToCsv, generateCustomers } from '../../src/core/synthetic.ts';
import { BOT_ID, BOT_USER_ID, SlackStandin } from '../../src/playground/standin/server.ts';
import {
  commandBody,
  fileShareEnvelope,
  SECRETS,
  sendCommand,
  sendEvent,
} from '../../src/playground/standin/signer.ts';
import { newDataDir, startTestBot, type TestBot } from '../support/slack-app.ts';
import { messageText, postsIn, responsesTo, tsOf, updatesOf } from '../support/slack-recorded.ts';

let standin: SlackStandin;
let bot: TestBot;
const MAX_BYTES = 200_000;
const CUSTOMERS = customersToCsv(generateCustomers(300, 11));
/** Asserted absent from the logs. */
const FIRST_ROW = CUSTOMERS.split('\n')[1]!;

beforeAll(async () => {
  standin = await SlackStandin.start();
  bot = await startTestBot(standin, newDataDir(), { MAX_FILE_BYTES: String(MAX_BYTES) });
});
afterAll(async () => {
  await bot?.stop();
  await standin?.close();
});

async function command(channel: string, text: string, id: string) {
  const sent = await sendCommand(bot.url, {
    text,
    channel_id: channel,
    response_url: standin.responseUrl(id),
  });
  expect(sent.status).toBe(200);
  return sent;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('requests that are not from Slack', () => {
  it('answers 401 to a bad signature and to a stale timestamp, and does nothing', async () => {
    const before = standin.calls.length;
    const forged = await sendCommand(
      bot.url,
      { text: 'summary', channel_id: 'CFORGE', response_url: standin.responseUrl() },
      { secret: 'ffffffffffffffffffffffffffffffff' },
    );
    expect(forged.status).toBe(401);
    const stale = await sendCommand(
      bot.url,
      { text: 'summary', channel_id: 'CFORGE', response_url: standin.responseUrl() },
      { timestamp: Math.floor(Date.now() / 1000) - 10 * 60 },
    );
    expect(stale.status).toBe(401);
    await sleep(300);
    expect(standin.calls.length).toBe(before);
  });

  it('answers the url_verification challenge Slack sends when the request URL is saved', async () => {
    const sent = await sendEvent(bot.url, { type: 'url_verification', token: 'x', challenge: 'c-123' });
    expect(sent.status).toBe(200);
    expect(JSON.parse(sent.body)).toEqual({ challenge: 'c-123' });
  });

  it('serves GET /healthz with the job queue figures', async () => {
    const response = await fetch(`${bot.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      ok: true,
      jobs: { queued: expect.any(Number), running: expect.any(Number), oldestAgeMs: expect.any(Number) },
    });
  });
});

describe('delivery', () => {
  it('delivers once after a 429 with Retry-After', { timeout: 180_000 }, async () => {
    standin.fail('chat.postMessage', { status: 429, retryAfter: 1 });
    await command('CRATE', 'summary', 'rate');
    await standin.waitFor(() => postsIn(standin, 'CRATE')[0], 120_000, 'the post');
    await sleep(500);
    expect(postsIn(standin, 'CRATE')).toHaveLength(1);
    expect(standin.calls.filter((c) => c.method === 'chat.postMessage' && c.fault === '429')).toHaveLength(1);
  });

  it('tells the user, privately, when Slack fails the post, and does not post it again', {
    timeout: 180_000,
  }, async () => {
    // A 5xx may come after Slack posted the message: a second try could post it twice (retry.ts).
    standin.fail('chat.postMessage', { status: 500 });
    await command('CDOWN', 'summary', 'down');
    const note = await standin.waitFor(() => responsesTo(standin, 'down')[0], 120_000, 'a response_url post');
    expect(note.body.response_type).toBe('ephemeral');
    expect(String(note.body.text)).toMatch(/couldn't deliver the answer/);
    expect(postsIn(standin, 'CDOWN')).toHaveLength(0);
    expect(standin.callsTo('chat.postMessage', false).filter((c) => c.args.channel === 'CDOWN')).toHaveLength(
      1,
    );
  });

  it('explains how to invite the bot where it is not a member, with the answer attached privately', async () => {
    standin.notMember.add('COUTSIDE');
    await command('COUTSIDE', 'summary', 'outside');
    const hint = await standin.waitFor(() => responsesTo(standin, 'outside')[0], 30_000, 'the invite hint');
    expect(hint.body.response_type).toBe('ephemeral');
    expect(messageText(hint.body)).toContain(`/invite <@${BOT_USER_ID}>`);
    expect(messageText(hint.body)).toMatch(/Customer segments/);
  });

  it('answers help and mistakes only to the person who asked', async () => {
    await command('CHELP', 'help', 'help');
    await command('CHELP', 'predict 25 X', 'mistake');
    const help = await standin.waitFor(() => responsesTo(standin, 'help')[0]);
    const mistake = await standin.waitFor(() => responsesTo(standin, 'mistake')[0]);
    expect(help.body.response_type).toBe('ephemeral');
    expect(messageText(help.body)).toMatch(/\/segment summary/);
    expect(messageText(mistake.body)).toMatch(/predict needs age, income and spending/);
    expect(postsIn(standin, 'CHELP')).toHaveLength(0);
  });
});

describe('shared files', () => {
  const shareEvent = (
    eventId: string,
    channel: string,
    file: { id: string; name: string; filetype: string },
  ) => fileShareEnvelope({ eventId, channel, ts: '1800000100.000100', files: [file] });

  it('answers a retried event once', async () => {
    const file = standin.addFile({ name: 'retry.csv', content: CUSTOMERS });
    const envelope = shareEvent('EvRetry', 'CRETRY', { id: file.id, name: file.name, filetype: 'csv' });
    expect((await sendEvent(bot.url, envelope)).status).toBe(200);
    expect((await sendEvent(bot.url, envelope, { retryNum: 1 })).status).toBe(200);
    const working = await standin.waitFor(() => postsIn(standin, 'CRETRY')[0]);
    await standin.waitFor(
      () =>
        updatesOf(standin, 'CRETRY', tsOf(working)).find(
          (u) => /retry\.csv/.test(messageText(u.args)) && !/hourglass/.test(messageText(u.args)),
        ),
      60_000,
    );
    expect((await sendEvent(bot.url, envelope, { retryNum: 2 })).status).toBe(200);
    await sleep(500);
    expect(postsIn(standin, 'CRETRY')).toHaveLength(1);
    expect(standin.callsTo('files.info').filter((c) => c.args.file === file.id)).toHaveLength(1);
  });

  it('refuses a file over the size limit before downloading it, in the thread', async () => {
    const file = standin.addFile({ name: 'huge.csv', content: 'a,b\n1,2\n', size: MAX_BYTES + 1 });
    await sendEvent(
      bot.url,
      shareEvent('EvHuge', 'CHUGE', { id: file.id, name: file.name, filetype: 'csv' }),
    );
    const working = await standin.waitFor(() => postsIn(standin, 'CHUGE')[0]);
    const refusal = await standin.waitFor(() => updatesOf(standin, 'CHUGE', tsOf(working))[0]);
    expect(messageText(refusal.args)).toMatch(/huge\.csv is 195\.3 KB, over the 195\.3 KB limit/);
    expect(standin.downloads.filter((d) => d.fileId === file.id)).toHaveLength(0);
  });

  it('tells the uploader privately when the answer cannot be posted in the thread', async () => {
    const file = standin.addFile({ name: 'unlucky.csv', content: CUSTOMERS });
    standin.fail('chat.update', { status: 500 }, { status: 500 }, { status: 500 });
    await sendEvent(
      bot.url,
      shareEvent('EvUnlucky', 'CUNLUCKY', { id: file.id, name: file.name, filetype: 'csv' }),
    );
    const note = await standin.waitFor(
      () => standin.callsTo('chat.postEphemeral').find((c) => c.args.channel === 'CUNLUCKY'),
      60_000,
      'the private note',
    );
    expect(note.args.user).toBe('UALICE');
    expect(note.args.thread_ts).toBe('1800000100.000100');
    expect(messageText(note.args)).toMatch(/couldn't deliver the answer/);
  });

  it('ignores other files, and its own uploads, without a word', async () => {
    const before = standin.calls.length;
    const png = standin.addFile({ name: 'photo.png', content: 'png', filetype: 'png' });
    await sendEvent(bot.url, shareEvent('EvPng', 'CQUIET', { id: png.id, name: png.name, filetype: 'png' }));
    const own = standin.addFile({ name: 'segments-export.csv', content: CUSTOMERS });
    const mine = fileShareEnvelope({
      eventId: 'EvOwn',
      channel: 'CQUIET',
      user: BOT_USER_ID,
      botId: BOT_ID,
      files: [{ id: own.id, name: own.name, filetype: 'csv' }],
    });
    await sendEvent(bot.url, mine);
    await sleep(500);
    const touched = standin.calls
      .slice(before)
      .filter((c) => c.args.channel === 'CQUIET' || c.args.file === png.id || c.args.file === own.id);
    expect(touched).toHaveLength(0);
  });
});

describe('logs', () => {
  it('never contain tokens, the signing secret or customer rows, even at debug level', () => {
    const all = bot.logs.join('\n');
    expect(bot.logs.length).toBeGreaterThan(20);
    for (const secret of SECRETS) expect(all).not.toContain(secret);
    expect(all).not.toContain(FIRST_ROW);
    expect(all).not.toContain(
      commandBody({ text: 'summary', channel_id: 'CRATE', response_url: 'x' }).slice(0, 40),
    );
  });
});
