/**
 * Charts through the real app over HTTP when Slack fails a step of the upload:
 * a transient 5xx on a step that is safe to repeat still delivers the charts
 * once, a lost share is not repeated, and charts that finally fail are named
 * to the person who asked, with the bot still answering afterwards.
 */
import { describe, expect, it } from 'vitest';
import { customersToCsv, generateCustomers } from '../../src/core/synthetic.ts';
import type { SlackStandin } from '../../src/playground/standin/server.ts';
import { fileShareEnvelope, sendCommand, sendEvent } from '../../src/playground/standin/signer.ts';
import { botOnStandinForFile, type TestBot } from '../support/slack-app.ts';
import { messageText, postsIn, responsesTo, sharesIn, tsOf, updatesOf } from '../support/slack-recorded.ts';

let standin: SlackStandin;
let bot: TestBot;
botOnStandinForFile((s, b) => {
  standin = s;
  bot = b;
});

async function summary(channel: string, id: string) {
  const sent = await sendCommand(bot.url, {
    text: 'summary',
    channel_id: channel,
    response_url: standin.responseUrl(id),
  });
  expect(sent.status).toBe(200);
  return standin.waitFor(() => postsIn(standin, channel)[0], 120_000, 'the answer');
}

/** Resolves once the bot has logged `text`: its share is over, so nothing more can be shared for it. */
const logged = (text: string) => standin.waitFor(() => bot.logs.find((l) => l.includes(text)), 60_000, text);
const completions = (channel: string) =>
  standin.calls.filter((c) => c.method === 'files.completeUploadExternal' && c.args.channel_id === channel);
/** The chart titles the app tried to share in `channel`. */
const titlesTried = (channel: string) =>
  ((completions(channel)[0]?.args.files ?? []) as Array<{ title: string }>).map((f) => f.title);

describe('charts when Slack fails a step of the upload', () => {
  it('shares them once after a 5xx on files.getUploadURLExternal and one on the bytes', {
    timeout: 180_000,
  }, async () => {
    standin.fail('files.getUploadURLExternal', { status: 500 });
    standin.fail('upload', { status: 500 });
    const post = await summary('CSTEPS', 'steps');
    const share = await standin.waitFor(() => sharesIn(standin, 'CSTEPS', tsOf(post))[0], 60_000, 'charts');
    await logged('file(s) shared in CSTEPS');
    expect(sharesIn(standin, 'CSTEPS')).toHaveLength(1);
    expect(share.files.length).toBeGreaterThanOrEqual(1);
    const urls = standin.calls.filter((c) => c.method === 'files.getUploadURLExternal');
    expect(urls.filter((c) => c.fault === '500')).toHaveLength(1);
    expect(standin.faults.get('upload') ?? []).toHaveLength(0); // the bytes' fault was met, and sent again
    expect(responsesTo(standin, 'steps')).toHaveLength(0);
  });

  it('does not share them twice when Slack shared them but answered 5xx', { timeout: 180_000 }, async () => {
    standin.fail('files.completeUploadExternal', { status: 500, afterDoing: true });
    const post = await summary('CSHARED5', 'shared5');
    await standin.waitFor(() => sharesIn(standin, 'CSHARED5', tsOf(post))[0], 60_000, 'charts');
    await logged('are shared in CSHARED5: not completed again');
    expect(sharesIn(standin, 'CSHARED5')).toHaveLength(1);
    expect(completions('CSHARED5')).toHaveLength(1);
    expect(responsesTo(standin, 'shared5')).toHaveLength(0);
  });

  it('names the charts it could not attach when Slack keeps failing, and keeps answering', {
    timeout: 180_000,
  }, async () => {
    standin.fail('files.completeUploadExternal', { status: 500 }, { status: 500 });
    const post = await summary('CNOCHARTS', 'nocharts');
    const note = await standin.waitFor(() => responsesTo(standin, 'nocharts')[0], 60_000, 'the private note');
    // The public answer went out counting its charts; once none were shared, it no longer claims any.
    expect(messageText(post.args)).toMatch(/:bar_chart: \d+ charts? in the thread/);
    const corrected = updatesOf(standin, 'CNOCHARTS', tsOf(post));
    expect(corrected).toHaveLength(1);
    expect(messageText(corrected[0]!.args)).not.toContain(':bar_chart:');
    expect(messageText(corrected[0]!.args)).toContain(String(post.args.text));
    expect(note.body.response_type).toBe('ephemeral');
    const text = messageText(note.body);
    expect(text).toMatch(/I posted the answer but couldn't attach/);
    const titles = titlesTried('CNOCHARTS');
    expect(titles.length).toBeGreaterThanOrEqual(1);
    for (const title of titles) expect(text).toContain(`*${title}*`);
    expect(sharesIn(standin, 'CNOCHARTS')).toHaveLength(0);
    expect(completions('CNOCHARTS')).toHaveLength(2);
    // Nothing crashed: the next command in that channel is answered, charts and all.
    const again = await sendCommand(bot.url, {
      text: 'summary',
      channel_id: 'CNOCHARTS',
      response_url: standin.responseUrl('again'),
    });
    expect(again.status).toBe(200);
    await standin.waitFor(() => sharesIn(standin, 'CNOCHARTS')[0], 120_000, 'charts the second time');
  });

  it("tells the uploader privately which of their file's charts could not be attached", {
    timeout: 180_000,
  }, async () => {
    const file = standin.addFile({ name: 'charts.csv', content: customersToCsv(generateCustomers(300, 5)) });
    standin.fail('files.completeUploadExternal', { status: 500 }, { status: 500 });
    const envelope = fileShareEnvelope({
      eventId: 'EvCharts',
      channel: 'CUPCHARTS',
      ts: '1800000200.000100',
      files: [{ id: file.id, name: file.name, filetype: 'csv' }],
    });
    expect((await sendEvent(bot.url, envelope)).status).toBe(200);
    const note = await standin.waitFor(
      () => standin.callsTo('chat.postEphemeral').find((c) => c.args.channel === 'CUPCHARTS'),
      120_000,
      'the private note',
    );
    expect(note.args.thread_ts).toBe('1800000200.000100');
    const text = messageText(note.args);
    for (const title of titlesTried('CUPCHARTS')) expect(text).toContain(`*${title}*`);
    expect(text).toMatch(/couldn't attach/);
    expect(sharesIn(standin, 'CUPCHARTS')).toHaveLength(0);
    // The working message became the answer with ":bar_chart: N charts below", then lost that line.
    const working = postsIn(standin, 'CUPCHARTS')[0]!;
    const versions = updatesOf(standin, 'CUPCHARTS', tsOf(working)).map((u) => messageText(u.args));
    expect(versions.at(-2)).toMatch(/:bar_chart: \d+ charts? below/);
    expect(versions.at(-1)).not.toContain(':bar_chart:');
  });
});
