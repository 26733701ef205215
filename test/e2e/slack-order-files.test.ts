/**
 * Order-line files through the whole app over HTTP against the Slack
 * stand-in: a shared order file is answered in its thread with the RFM
 * segments and their charts, the channel's commands then answer in RFM terms, and a bad
 * order file is refused with its reason while the channel keeps its data.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RFM_SEGMENT_NAMES } from '../../src/core/rfm/names.ts';
import { generateOrderLines } from '../../src/core/rfm/synthetic-orders.ts';
import { SlackStandin } from '../../src/playground/standin/server.ts';
import { fileShareEnvelope, sendCommand, sendEvent } from '../../src/playground/standin/signer.ts';
import { accented, ORDER_SHEET, orderWorkbook, windows1252 } from '../support/order-files.ts';
import { newDataDir, startTestBot, type TestBot } from '../support/slack-app.ts';
import { messageText, pngSizes, postsIn, sharesIn, tsOf, updatesOf } from '../support/slack-recorded.ts';

let standin: SlackStandin;
let bot: TestBot;
const dataDir = newDataDir();
const ORDERS = generateOrderLines({ customers: 300, seed: 21, layout: 'online-retail-1', dateForms: ['us'] });
const AMBIGUOUS =
  'Order ID,Customer ID,Order Date,Quantity,Price,Country\n1,1,3/4/2011 10:00,1,1,UK\n2,1,5/6/2011 10:00,1,1,UK\n';
const RFM_NAMES = Object.values(RFM_SEGMENT_NAMES);

beforeAll(async () => {
  standin = await SlackStandin.start();
  bot = await startTestBot(standin, dataDir);
});
afterAll(async () => {
  await bot?.stop();
  await standin?.close();
});

let events = 0;
/** Shares a file in a channel; resolves once the "working" message in its thread has become the answer. */
async function share(channel: string, name: string, content: Buffer | string, filetype = 'csv') {
  events += 1;
  const file = standin.addFile({ name, content, filetype });
  const ts = `${1_800_200_000 + events}.000100`;
  const envelope = fileShareEnvelope({
    eventId: `EvOF${events}`,
    channel,
    ts,
    files: [{ id: file.id, name, filetype }],
  });
  expect((await sendEvent(bot.url, envelope)).status).toBe(200);
  const working = await standin.waitFor(() => postsIn(standin, channel).find((p) => p.args.thread_ts === ts));
  const isFinal = (text: string) => !text.includes(':hourglass_flowing_sand:');
  const final = await standin.waitFor(
    () => updatesOf(standin, channel, tsOf(working)).find((u) => isFinal(messageText(u.args))),
    60_000,
    'the answer in the thread',
  );
  return { ts, threadOf: working.args.thread_ts, text: messageText(final.args) };
}

/** Sends `/segment <text>` in a channel; resolves with the text of the next message posted there. */
async function command(channel: string, text: string) {
  const before = postsIn(standin, channel).length;
  const sent = await sendCommand(bot.url, { text, channel_id: channel, response_url: standin.responseUrl() });
  expect(sent.status).toBe(200);
  const post = await standin.waitFor(
    () => postsIn(standin, channel)[before],
    60_000,
    `the answer to ${text}`,
  );
  return messageText(post.args);
}

describe('a channel that shares an order-line file', () => {
  it('answers in the file’s thread with the RFM segments, how the file was read and the country comparison', async () => {
    const { ts, threadOf, text } = await share('CORD', 'online_retail.csv', ORDERS.csv);
    expect(threadOf).toBe(ts);
    expect(text).toContain('online_retail.csv is now this channel');
    expect(text).toContain('R F M score');
    expect(RFM_NAMES.some((name) => text.includes(name))).toBe(true);
    expect(text).toContain('was read as order lines (Online Retail I)');
    expect(text).toContain(
      `${ORDERS.expected.noCustomerId.toLocaleString('en-US')} lines without a customer id excluded`,
    );
    expect(text).toMatch(/The segments account for \d+% of the differences in buying behaviour/);
    // The RFM charts, in the same thread.
    const charts = await standin.waitFor(() => sharesIn(standin, 'CORD', ts)[0], 60_000, 'the RFM charts');
    expect(charts.files.map((f) => f.filename)).toEqual(
      expect.arrayContaining([
        'rfm-segment-map.png',
        'rfm-segment-profiles.png',
        'rfm-segments-by-country.png',
      ]),
    );
    for (const size of await pngSizes(charts)) expect(size.width).toBeGreaterThanOrEqual(400);
  });

  it('refuses an order file with ambiguous dates in its thread, and the channel keeps the previous file', async () => {
    const { text } = await share('CORD', 'shop.csv', AMBIGUOUS);
    expect(text).toContain('could be month-first (US) or day-first');
    expect(text).toContain('Nothing changed: this channel keeps using online_retail.csv');
    expect(await command('CORD', 'data')).toContain('online_retail.csv');
  });

  it('then answers predict in the RFM form, and the summary, from the stored order file', async () => {
    const predicted = await command('CORD', 'predict recency=30 frequency=5 monetary=900');
    expect(predicted).toContain('Predicted segment');
    expect(predicted).toContain('last ordered 30 days ago, with 5 orders and a spend of 900');
    const summary = await command('CORD', 'summary');
    expect(RFM_NAMES.some((name) => summary.includes(name))).toBe(true);
    expect(summary).toContain('analysis date 2011-12-10 (the day after the last invoice)');
  });
});

describe('/segment reset orders through Slack', () => {
  const expected = JSON.parse(
    readFileSync(fileURLToPath(new URL('../../data/orders.expected.json', import.meta.url)), 'utf8'),
  );

  it('switches the channel to the bundled order sample, says so, and answers from it until reset', async () => {
    const reset = await command('CRST', 'reset orders');
    expect(reset).toContain('Back to the sample order lines');
    expect(await command('CRST', 'data')).toContain('Data: order lines');
    const summary = await command('CRST', 'summary');
    expect(summary).toContain('orders.csv was read as order lines (Online Retail I)');
    expect(summary).toContain(`from ${expected.customers} customers`);
    expect(RFM_NAMES.some((name) => summary.includes(name))).toBe(true);
    // Another channel keeps the customer sample.
    expect(await command('CRS2', 'summary')).not.toContain('was read as order lines');

    expect(await command('CRST', 'reset')).toContain('Back to the sample data');
    const customers = await command('CRST', 'summary');
    expect(customers).not.toContain('was read as order lines');
    expect(customers).toContain('bundled sample data');
  });
});

describe('a channel that shares order lines as an Excel workbook or a Windows-1252 export', () => {
  const ONLINE_RETAIL_II = accented(
    generateOrderLines({ customers: 300, seed: 22, layout: 'online-retail-2', dateForms: ['iso'] }).csv,
  );
  /** The segments as the answer lists them: "Champions (41 customers; …)" in order. */
  const segments = (text: string) =>
    [...text.matchAll(/• ([^(•]+) \((\d[\d,]*) customers;/g)].map((m) => m.slice(1));

  it('answers each with the same RFM segments as the UTF-8 CSV, naming the sheet or the encoding read', async () => {
    const csv = await share('COX1', 'online_retail_II.csv', ONLINE_RETAIL_II);
    const xlsx = await share(
      'COX2',
      'online_retail_II.xlsx',
      Buffer.from(orderWorkbook(ONLINE_RETAIL_II)),
      'xlsx',
    );
    const latin = await share('COX3', 'online_retail_II-latin1.csv', windows1252(ONLINE_RETAIL_II));
    expect(segments(csv.text).length).toBeGreaterThan(1);
    for (const answer of [xlsx, latin]) {
      expect(answer.text).toContain('was read as order lines (Online Retail II)');
      expect(segments(answer.text)).toEqual(segments(csv.text));
    }
    expect(xlsx.text).toContain(`Read the sheet "${ORDER_SHEET}" of the workbook.`);
    expect(latin.text).toContain('Read as Windows-1252 (Latin-1) text.');
    const charts = await standin.waitFor(
      () => sharesIn(standin, 'COX2', xlsx.ts)[0],
      60_000,
      'the RFM charts',
    );
    expect(charts.files.map((f) => f.filename)).toContain('rfm-segment-map.png');
  });
});
