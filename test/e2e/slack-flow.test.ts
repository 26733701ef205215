/**
 * The whole app over HTTP against the Slack stand-in: slash commands and a
 * shared CSV, answered with messages and decoded PNG charts; per-channel data
 * that survives a bad file and a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customersToCsv, generateCustomers } from '../../src/core/synthetic.ts';
import { SlackStandin } from '../../src/playground/standin/server.ts';
import { fileShareEnvelope, sendCommand, sendEvent } from '../../src/playground/standin/signer.ts';
import { newDataDir, startTestBot, type TestBot } from '../support/slack-app.ts';
import {
  messageText,
  pngSizes,
  postsIn,
  sharesIn,
  tableRows,
  tsOf,
  updatesOf,
} from '../support/slack-recorded.ts';

let standin: SlackStandin;
let bot: TestBot;
const dataDir = newDataDir();
const CUSTOMERS = customersToCsv(generateCustomers(600, 7));
const BAD_FILE = 'CustomerID,Gender,Age,Annual Income (k$)\n1,Male,19,15\n2,Female,21,15\n';

beforeAll(async () => {
  standin = await SlackStandin.start();
  bot = await startTestBot(standin, dataDir);
});
afterAll(async () => {
  await bot?.stop();
  await standin?.close();
});

/** `/segment <text>` in a channel; resolves with the channel's next top-level message. */
async function command(channel: string, text: string) {
  const before = postsIn(standin, channel).length;
  const sent = await sendCommand(bot.url, { text, channel_id: channel, response_url: standin.responseUrl() });
  expect(sent.status).toBe(200);
  const post = await standin.waitFor(() => postsIn(standin, channel)[before], 60_000, `a post in ${channel}`);
  return { post, text: messageText(post.args) };
}

let events = 0;
/** Shares a CSV in a channel; resolves once the "working" message has been edited into the answer. */
async function share(channel: string, name: string, content: string) {
  events += 1;
  const file = standin.addFile({ name, content });
  const ts = `${1_800_000_000 + events}.000100`;
  const envelope = fileShareEnvelope({
    eventId: `Ev${events}`,
    channel,
    ts,
    files: [{ id: file.id, name, filetype: 'csv' }],
  });
  expect((await sendEvent(bot.url, envelope)).status).toBe(200);
  const working = await standin.waitFor(() => postsIn(standin, channel).find((p) => p.args.thread_ts === ts));
  const isFinal = (text: string) => !text.includes(':hourglass_flowing_sand:');
  const final = await standin.waitFor(
    () => updatesOf(standin, channel, tsOf(working)).find((u) => isFinal(messageText(u.args))),
    60_000,
    'the answer in the thread',
  );
  return { ts, working, text: messageText(final.args) };
}

describe('a channel that has uploaded nothing', () => {
  it('answers summary with the bundled sample, a table block (figures in the text too) and charts in the thread', async () => {
    const { post, text } = await command('CNEW', 'summary');
    expect(text).toMatch(/Customer segments/);
    expect(text).toMatch(/sample/);
    const rows = tableRows(post.args);
    expect(rows[0]?.slice(0, 2)).toEqual(['Segment', 'Customers']);
    expect(rows.length).toBeGreaterThan(2);
    expect(post.args.text).toMatch(/^Customer segments/);
    expect(post.args.text).toMatch(/\nSegment +Customers/);
    const charts = await standin.waitFor(() => sharesIn(standin, 'CNEW', tsOf(post))[0], 60_000, 'charts');
    const sizes = await pngSizes(charts);
    expect(sizes.length).toBeGreaterThanOrEqual(1);
    for (const size of sizes) expect(size.width).toBeGreaterThan(300);
    for (const file of charts.files) expect(charts.initialComment).toContain(file.altText!.slice(0, 40));
  });
});

describe('a channel that shares its customer file', () => {
  it('answers in the file thread: a working message, then the summary with k, then charts', async () => {
    const { ts, working, text } = await share('CUP', 'spring-customers.csv', CUSTOMERS);
    expect(working.args.thread_ts).toBe(ts);
    expect(messageText(working.args)).toMatch(/Reading \*spring-customers\.csv\*/);
    expect(text).toMatch(/spring-customers\.csv/);
    expect(text).toMatch(/k = \d+/);
    const charts = await standin.waitFor(
      () => sharesIn(standin, 'CUP', ts)[0],
      60_000,
      'charts in the thread',
    );
    for (const size of await pngSizes(charts)) expect(size.height).toBeGreaterThan(200);
  });

  it('predicts with the uploaded data in that channel, while another channel keeps the sample', async () => {
    const predicted = await command('CUP', 'predict 25 F 60 75');
    expect(predicted.text).toMatch(/Predicted segment/);
    const elsewhere = await command('CNEW', 'predict 25 F 60 75');
    expect(elsewhere.text).toMatch(/Predicted segment/);
    // Different data, different segment centres: the distances tell the models apart.
    expect(tableRows(predicted.post.args).length).toBeGreaterThan(1);
    expect(tableRows(predicted.post.args)).not.toEqual(tableRows(elsewhere.post.args));
    expect((await command('CUP', 'data')).text).toMatch(/spring-customers\.csv/);
    expect((await command('CNEW', 'data')).text).toMatch(/sample/);
  });

  it('exports the channel’s customers as a CSV file in the thread of the answer', async () => {
    const { post, text } = await command('CUP', 'export');
    expect(text).toMatch(/Customer export/);
    const shared = await standin.waitFor(() => sharesIn(standin, 'CUP', tsOf(post))[0], 60_000, 'the export');
    const csv = shared.files[0]!;
    expect(csv.filename).toMatch(/\.csv$/);
    const lines = csv.bytes.toString('utf8').trim().split('\n');
    expect(lines[0]).toMatch(/^CustomerID,Gender,Age,.*Segment/);
    expect(lines).toHaveLength(601);
  });

  it('answers a bad file with a specific threaded error and keeps the previous data', async () => {
    const { ts, text } = await share('CUP', 'broken.csv', BAD_FILE);
    expect(text).toMatch(/broken\.csv, line 1: missing the column "Spending Score/);
    expect(text).toMatch(/keeps using spring-customers\.csv uploaded by <@UALICE>/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sharesIn(standin, 'CUP', ts)).toHaveLength(0); // no charts for a file that was not used
    expect((await command('CUP', 'summary')).text).toMatch(/spring-customers\.csv/);
  });

  it('keeps every channel’s data across a restart on the same DATA_DIR', async () => {
    await bot.stop();
    bot = await startTestBot(standin, dataDir);
    expect((await command('CUP', 'summary')).text).toMatch(/spring-customers\.csv/);
    expect((await command('CNEW', 'summary')).text).toMatch(/sample/);
  });
});
