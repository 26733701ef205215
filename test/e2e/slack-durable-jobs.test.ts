/**
 * Every accepted upload ends in an answer, whatever happens to the bot: the
 * real app over HTTP against the stand-in, with the bot killed (-9), stopped
 * (SIGTERM) and restarted on the same data directory, downloads that hang or
 * are cut short, and a command typed while its channel's upload is read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customersToCsv, generateCustomers } from '../../src/core/synthetic.ts';
import { SlackStandin, type StoredFile } from '../../src/playground/standin/server.ts';
import {
  buttonPayload,
  fileShareEnvelope,
  sendAction,
  sendCommand,
  sendEvent,
} from '../../src/playground/standin/signer.ts';
import { newDataDir, startTestBot, type TestBot, testEnv } from '../support/slack-app.ts';
import { type BotProcess, freePort, healthzWithin, launchBot } from '../support/slack-process.ts';
import { messageText, postsIn, responsesTo, tsOf, updatesOf } from '../support/slack-recorded.ts';

let standin: SlackStandin;
beforeAll(async () => {
  standin = await SlackStandin.start();
});
afterAll(() => standin.close());

const BIG = customersToCsv(generateCustomers(150_000, 5));
const SMALL = customersToCsv(generateCustomers(300, 6));

const share = (url: string, eventId: string, channel: string, file: StoredFile, retryNum?: number) =>
  sendEvent(
    url,
    fileShareEnvelope({
      eventId,
      channel,
      ts: '1800000200.000100',
      files: [{ id: file.id, name: file.name, filetype: 'csv' }],
    }),
    retryNum === undefined ? {} : { retryNum },
  );

/** The working message's final text, once it no longer shows the hourglass. */
async function finalAnswer(channel: string, timeoutMs = 120_000): Promise<string> {
  const working = await standin.waitFor(
    () => postsIn(standin, channel)[0],
    30_000,
    `the working message in ${channel}`,
  );
  const done = await standin.waitFor(
    () =>
      updatesOf(standin, channel, tsOf(working))
        .map((u) => messageText(u.args))
        .find((text) => !/hourglass|double_vertical_bar/.test(text)),
    timeoutMs,
    `the answer in ${channel}`,
  );
  return done;
}

type Button = { action_id: string; value: string; text: { text: string } };

const isSummary = (c: { args: Record<string, unknown> }) => /Customer segments/.test(messageText(c.args));

/**
 * Types `/segment summary` in `channel` and waits for its answer. Jobs keep each
 * channel's order, so whatever an earlier request queued there has run by then:
 * a barrier to assert that nothing more happened, where a sleep would only hope.
 */
async function afterChannelQueue(url: string, channel: string): Promise<void> {
  const sent = await sendCommand(url, {
    text: 'summary',
    channel_id: channel,
    response_url: standin.responseUrl(`barrier-${channel}`),
  });
  expect(sent.status).toBe(200);
  await standin.waitFor(
    () => postsIn(standin, channel).find(isSummary),
    120_000,
    `the summary in ${channel}`,
  );
}

async function launch(
  dataDir: string,
  extra: Record<string, string> = {},
): Promise<{ bot: BotProcess; url: string }> {
  const port = await freePort();
  const bot = launchBot({ ...testEnv(standin, dataDir), PORT: String(port), LOG_LEVEL: 'info', ...extra });
  expect(await healthzWithin(port, bot.child, 30_000), bot.stderr()).toBe(200);
  return { bot, url: `http://127.0.0.1:${port}` };
}

describe('the bot stopped in the middle of a large upload', () => {
  it('kill -9, then a restart on the same data directory: the thread gets the answer', async () => {
    const dataDir = newDataDir();
    const file = standin.addFile({ name: 'killed.csv', content: BIG });
    const first = await launch(dataDir);
    expect((await share(first.url, 'EvKill', 'CKILL', file)).status).toBe(200);
    const working = await standin.waitFor(() => postsIn(standin, 'CKILL')[0], 30_000, 'the working message');
    // Its first progress edit: the job is well under way (and has recorded its working message).
    await standin.waitFor(() => updatesOf(standin, 'CKILL', tsOf(working))[0], 60_000, 'progress');
    first.bot.child.kill('SIGKILL');
    await first.bot.exit;
    const second = await launch(dataDir);
    try {
      const answer = await finalAnswer('CKILL').catch((error) => {
        throw new Error(`${error}\n${second.bot.stderr()}`);
      });
      expect(answer).toMatch(/killed\.csv is now this channel's data/);
      expect(answer).toMatch(/150,000 customers/);
      // One working message, edited: not a second thread of messages.
      expect(postsIn(standin, 'CKILL')).toHaveLength(1);
      // Slack's retry of the event after the restart is acknowledged and not run again.
      expect((await share(second.url, 'EvKill', 'CKILL', file, 1)).status).toBe(200);
      await afterChannelQueue(second.url, 'CKILL');
      expect(postsIn(standin, 'CKILL').filter((c) => !isSummary(c))).toHaveLength(1);
    } finally {
      second.bot.child.kill('SIGTERM');
      await second.bot.exit;
    }
  }, 240_000);

  it('kill -9 after Slack took the working message but before the bot heard its ts: the restart edits that message', async () => {
    const dataDir = newDataDir();
    const file = standin.addFile({ name: 'lost-ts.csv', content: SMALL });
    const allPosts = () =>
      standin.callsTo('chat.postMessage', false).filter((c) => c.args.channel === 'CLOSTTS');
    standin.fail('chat.postMessage', { lost: true });
    const first = await launch(dataDir);
    expect((await share(first.url, 'EvLostTs', 'CLOSTTS', file)).status).toBe(200);
    const working = await standin.waitFor(() => allPosts()[0], 30_000, 'the working message');
    expect(working.fault).toBe('lost');
    first.bot.child.kill('SIGKILL');
    await first.bot.exit;
    const second = await launch(dataDir);
    try {
      const answer = await standin
        .waitFor(
          () =>
            updatesOf(standin, 'CLOSTTS', tsOf(working))
              .map((u) => messageText(u.args))
              .find((text) => /is now this channel's data/.test(text)),
          60_000,
          'the answer in the first working message',
        )
        .catch((error) => {
          throw new Error(`${error}\n${second.bot.stderr()}`);
        });
      expect(answer).toMatch(/lost-ts\.csv/);
      expect(allPosts()).toHaveLength(1);
    } finally {
      second.bot.child.kill('SIGTERM');
      await second.bot.exit;
    }
  }, 180_000);

  it('SIGTERM with a short deadline hands the job back; the restart answers it', async () => {
    const dataDir = newDataDir();
    const file = standin.addFile({ name: 'stopped.csv', content: BIG });
    const first = await launch(dataDir, { SHUTDOWN_DEADLINE_MS: '200' });
    await share(first.url, 'EvTerm', 'CTERM', file);
    const working = await standin.waitFor(() => postsIn(standin, 'CTERM')[0], 30_000, 'the working message');
    first.bot.child.kill('SIGTERM');
    const { code, stderr } = await first.bot.exit;
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/handed back to the queue/);
    const paused = updatesOf(standin, 'CTERM', tsOf(working)).map((u) => messageText(u.args));
    expect(paused.at(-1)).toMatch(/I'm restarting; I'll pick up reading stopped\.csv again/);
    const second = await launch(dataDir);
    try {
      expect(await finalAnswer('CTERM')).toMatch(/stopped\.csv is now this channel's data/);
    } finally {
      second.bot.child.kill('SIGTERM');
      await second.bot.exit;
    }
  }, 240_000);

  it('SIGTERM with time to spare lets the running upload finish before exiting', async () => {
    const file = standin.addFile({ name: 'drained.csv', content: BIG });
    const first = await launch(newDataDir(), { SHUTDOWN_DEADLINE_MS: '120000' });
    await share(first.url, 'EvDrain', 'CDRAIN', file);
    await standin.waitFor(() => postsIn(standin, 'CDRAIN')[0], 30_000, 'the working message');
    first.bot.child.kill('SIGTERM');
    const { code } = await first.bot.exit;
    expect(code).toBe(0);
    // Answered by the first process, before it exited.
    expect(await finalAnswer('CDRAIN', 1000)).toMatch(/drained\.csv is now this channel's data/);
  }, 240_000);
});

describe('downloads and commands, in one running bot', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot(standin, newDataDir(), {
      DOWNLOAD_IDLE_TIMEOUT_MS: '1500',
      DOWNLOAD_CONNECT_TIMEOUT_MS: '1500',
    });
  });
  afterAll(() => bot?.stop());

  it('a download that hangs gets its own message, and the next upload is still answered', async () => {
    const hung = standin.addFile({ name: 'hung.csv', content: SMALL, hangAfter: 100 });
    await share(bot.url, 'EvHung', 'CHUNG', hung);
    expect(await finalAnswer('CHUNG', 30_000)).toMatch(
      /The download of hung\.csv stalled: nothing arrived for 1\.5 s after 100 bytes/,
    );
    const next = standin.addFile({ name: 'after-hung.csv', content: BIG });
    await share(bot.url, 'EvAfterHung', 'CHUNG2', next);
    expect(await finalAnswer('CHUNG2')).toMatch(/after-hung\.csv is now this channel's data/);
  }, 180_000);

  it('a download cut short says how much arrived of what Slack announced', async () => {
    const cut = standin.addFile({ name: 'cut.csv', content: SMALL, truncateAt: 1000 });
    await share(bot.url, 'EvCut', 'CCUT', cut);
    const answer = await finalAnswer('CCUT', 30_000);
    expect(answer).toMatch(/The download of cut\.csv was cut short/);
    expect(answer).toMatch(/Nothing changed/);
  });

  it('a retried event gets exactly one answer', async () => {
    const file = standin.addFile({ name: 'twice.csv', content: SMALL });
    const sent = await Promise.all([
      share(bot.url, 'EvTwice', 'CTWICE', file),
      share(bot.url, 'EvTwice', 'CTWICE', file, 1),
    ]);
    expect(sent.map((s) => s.status)).toEqual([200, 200]);
    expect(await finalAnswer('CTWICE', 30_000)).toMatch(/twice\.csv is now this channel's data/);
    expect((await share(bot.url, 'EvTwice', 'CTWICE', file, 2)).status).toBe(200);
    await afterChannelQueue(bot.url, 'CTWICE');
    expect(postsIn(standin, 'CTWICE').filter((c) => !isSummary(c))).toHaveLength(1);
    expect(standin.callsTo('files.info').filter((c) => c.args.file === file.id)).toHaveLength(1);
  });

  it('a command during an upload says "still reading" at once, then answers from the new file', async () => {
    const file = standin.addFile({ name: 'new-customers.csv', content: BIG });
    await share(bot.url, 'EvStill', 'CSTILL', file);
    await standin.waitFor(() => postsIn(standin, 'CSTILL')[0], 30_000, 'the working message');
    const sent = await sendCommand(bot.url, {
      text: 'summary',
      channel_id: 'CSTILL',
      response_url: standin.responseUrl('still'),
    });
    expect(sent.status).toBe(200);
    const notice = await standin.waitFor(() => responsesTo(standin, 'still')[0], 10_000, 'the notice');
    expect(messageText(notice.body)).toMatch(
      /Still reading \*new-customers\.csv\*( \(\d+ %\))? — I'll answer from it when it's done/,
    );
    const summary = await standin.waitFor(
      () => postsIn(standin, 'CSTILL').find((c) => /Customer segments/.test(messageText(c.args))),
      120_000,
      'the summary',
    );
    expect(messageText(summary.args)).toMatch(/150,000 customers/);
    // The upload answered first: channel order is kept.
    expect(await finalAnswer('CSTILL', 1000)).toMatch(/new-customers\.csv is now this channel's data/);
  }, 180_000);
  it('a button clicked during an upload waits for it too, then answers in its thread from the new file', async () => {
    const channel = 'CSTILLB';
    await sendCommand(bot.url, { text: 'summary', channel_id: channel, response_url: standin.responseUrl() });
    const summary = await standin.waitFor(() => postsIn(standin, channel).find(isSummary), 60_000, 'summary');
    const charts = ((summary.args.blocks as Array<{ type: string; elements?: Button[] }>) ?? [])
      .flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []))
      .find((b) => b.text.text === 'Charts');
    expect(charts, 'the summary offers a Charts button').toBeDefined();
    const file = standin.addFile({ name: 'new-customers-b.csv', content: BIG });
    await share(bot.url, 'EvStillButton', channel, file);
    await standin.waitFor(
      () => postsIn(standin, channel).find((p) => /new-customers-b\.csv/.test(messageText(p.args))),
      30_000,
      'the working message',
    );
    const responseUrl = standin.responseUrl('still-button');
    const sent = await sendAction(
      bot.url,
      buttonPayload({
        channel,
        messageTs: tsOf(summary),
        actionId: charts!.action_id,
        value: charts!.value,
        text: charts!.text.text,
        responseUrl,
      }),
    );
    expect(sent.status).toBe(200);
    const notice = await standin.waitFor(() => responsesTo(standin, 'still-button')[0], 10_000, 'the notice');
    expect(messageText(notice.body)).toMatch(/Still reading \*new-customers-b\.csv\*/);
    const eda = await standin.waitFor(
      () =>
        postsIn(standin, channel).find(
          (p) => p.args.thread_ts === tsOf(summary) && /customers/.test(messageText(p.args)),
        ),
      120_000,
      "the Charts answer in the summary's thread",
    );
    expect(messageText(eda.args)).toMatch(/150,000 customers/);
  }, 180_000);
});
