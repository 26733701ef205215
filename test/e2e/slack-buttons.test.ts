/**
 * The summary's buttons, clicked the way Slack delivers a click (a signed
 * block_actions payload): each runs its command through the same path as a
 * typed one and answers in the summary's thread; a refused file's button
 * answers privately with the expected format.
 */
import { describe, expect, it } from 'vitest';
import type { SlackStandin } from '../../src/playground/standin/server.ts';
import {
  buttonPayload,
  fileShareEnvelope,
  sendAction,
  sendCommand,
  sendEvent,
} from '../../src/playground/standin/signer.ts';
import { botOnStandinForFile, type TestBot } from '../support/slack-app.ts';
import { messageText, postsIn, sharesIn, tsOf, updatesOf } from '../support/slack-recorded.ts';

let standin: SlackStandin;
let bot: TestBot;
botOnStandinForFile((s, b) => {
  standin = s;
  bot = b;
});

type Button = { action_id: string; value: string; text: { text: string } };

const buttonsOf = (args: Record<string, unknown>): Button[] =>
  ((args.blocks as Array<{ type: string; elements?: Button[] }>) ?? [])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? []);

async function click(channel: string, messageTs: string, button: Button) {
  const responseUrl = standin.responseUrl();
  const payload = buttonPayload({
    channel,
    messageTs,
    actionId: button.action_id,
    value: button.value,
    text: button.text.text,
    responseUrl,
  });
  const sent = await sendAction(bot.url, payload);
  expect(sent.status).toBe(200);
  return responseUrl.split('/').at(-1)!;
}

describe('the summary’s buttons', () => {
  it('carries Try k = N, Check assumptions, Charts and Export, each answering in the thread', async () => {
    const channel = 'CBUTTONS';
    await sendCommand(bot.url, { text: 'summary', channel_id: channel, response_url: standin.responseUrl() });
    const summary = await standin.waitFor(() => postsIn(standin, channel)[0], 60_000, 'summary');
    const buttons = buttonsOf(summary.args);
    expect(buttons.map((b) => b.text.text)).toEqual([
      expect.stringMatching(/^Try k = \d+$/),
      'Check assumptions',
      'Charts',
      'Export',
    ]);
    const ts = tsOf(summary);
    const inThread = (pattern: RegExp) =>
      standin.waitFor(
        () =>
          postsIn(standin, channel).find((p) => p.args.thread_ts === ts && pattern.test(messageText(p.args))),
        60_000,
        `a thread answer matching ${pattern}`,
      );

    const [tryK, check, charts, exportButton] = buttons;
    const k = tryK!.text.text.match(/\d+/)![0];
    await click(channel, ts, tryK!);
    expect(messageText((await inThread(new RegExp(`k = ${k}|${k} segments`))).args)).toMatch(new RegExp(k));
    await click(channel, ts, check!);
    await inThread(/checks pass|Does k-means suit/);
    await click(channel, ts, charts!);
    const eda = await inThread(/statistic|distribution/i);
    expect(eda.args.thread_ts).toBe(ts);
    await click(channel, ts, exportButton!);
    const csv = await standin.waitFor(
      () => sharesIn(standin, channel, ts).find((s) => s.files.some((f) => f.filename.endsWith('.csv'))),
      60_000,
      'the export in the thread',
    );
    expect(csv.files[0]!.bytes.toString('utf8')).toMatch(/^\ufeff?CustomerID,/);
  });

  it('a refused file offers Expected format, which answers privately with the columns', async () => {
    const channel = 'CREFUSED';
    const file = standin.addFile({ name: 'broken.csv', content: 'a,b\n1,2\n' });
    const ts = '1800000999.000100';
    const envelope = fileShareEnvelope({
      eventId: 'EvButtons1',
      channel,
      ts,
      files: [{ id: file.id, name: 'broken.csv', filetype: 'csv' }],
    });
    expect((await sendEvent(bot.url, envelope)).status).toBe(200);
    const working = await standin.waitFor(() =>
      postsIn(standin, channel).find((p) => p.args.thread_ts === ts),
    );
    const refused = await standin.waitFor(
      () => updatesOf(standin, channel, tsOf(working)).find((u) => buttonsOf(u.args).length > 0),
      60_000,
      'the refusal with its button',
    );
    const [format] = buttonsOf(refused.args);
    expect(format?.text.text).toBe('Expected format');
    const id = await click(channel, tsOf(working), format!);
    const answer = await standin.waitFor(() => standin.responses.find((r) => r.id === id), 30_000, 'help');
    expect(answer.body.response_type).toBe('ephemeral');
    expect(messageText(answer.body)).toMatch(/Spending Score/);
  });
});
