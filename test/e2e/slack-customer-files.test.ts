/**
 * Customer files as marketing teams really share them, through the whole app
 * over HTTP against the Slack stand-in: other text encodings (and, as they
 * land, Excel, optional columns, extra columns and unusable data files).
 */

import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customersToCsv, generateCustomers } from '../../src/core/synthetic.ts';
import { SlackStandin } from '../../src/playground/standin/server.ts';
import { fileShareEnvelope, sendCommand, sendEvent } from '../../src/playground/standin/signer.ts';
import { newDataDir, startTestBot, type TestBot } from '../support/slack-app.ts';
import { messageText, postsIn, sharesIn, tsOf, updatesOf } from '../support/slack-recorded.ts';
import { buildXlsx, csvToCells } from '../support/xlsx.ts';

let standin: SlackStandin;
let bot: TestBot;
const dataDir = newDataDir();
const CUSTOMERS = customersToCsv(generateCustomers(300, 11));

beforeAll(async () => {
  standin = await SlackStandin.start();
  bot = await startTestBot(standin, dataDir);
});
afterAll(async () => {
  await bot?.stop();
  await standin?.close();
});

let events = 0;
/** Shares a file in a channel; resolves once the "working" message has been edited into the answer. */
async function share(channel: string, name: string, content: Buffer | string, filetype = 'csv') {
  events += 1;
  const file = standin.addFile({ name, content, filetype });
  const ts = `${1_800_100_000 + events}.000100`;
  const envelope = fileShareEnvelope({
    eventId: `EvCF${events}`,
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
  return { ts, text: messageText(final.args) };
}

describe('a channel that shares a customer file in another text encoding', () => {
  it('reads a French Latin-1 export and says which encoding it read', async () => {
    const [, ...rows] = CUSTOMERS.trim().split('\n');
    const french = `ID client;Sexe;Âge;Revenu annuel;Score de dépenses\r\n${rows.map((r) => r.replaceAll(',', ';')).join('\r\n')}\r\n`;
    const { text } = await share('CFR', 'clients.csv', Buffer.from(french, 'latin1'));
    expect(text).toContain('clients.csv is now this channel');
    expect(text).toContain('Read as Windows-1252 (Latin-1) text.');
    expect(text).toMatch(/k = \d+/);
  });
});

describe('a channel that shares an Excel workbook', () => {
  it('reads the sheet with the customers, names it, and finds the same segments as the CSV', async () => {
    const csv = await share('CXL', 'customers.csv', CUSTOMERS);
    const workbook = buildXlsx([
      { name: 'Notes', rows: [['Exported from the CRM']] },
      { name: 'Customers', rows: csvToCells(CUSTOMERS) },
    ]);
    const xlsx = await share('CXL2', 'customers.xlsx', Buffer.from(workbook), 'xlsx');
    expect(xlsx.text).toContain('customers.xlsx is now this channel');
    expect(xlsx.text).toContain('Read the sheet "Customers" of the workbook.');
    const k = (text: string) => text.match(/k = \d+/)?.[0];
    expect(k(xlsx.text)).toBe(k(csv.text));
    // The same segment table, row for row.
    const table = (text: string) => text.slice(text.indexOf('```'));
    expect(table(xlsx.text)).toBe(table(csv.text));
  });
});

describe('a channel where other files are shared', () => {
  /** Shares files in one message; resolves with the bot's posts in that thread after the answer (or a pause). */
  async function shareOnly(
    channel: string,
    files: Array<{ name: string; filetype: string; content: Buffer | string }>,
  ) {
    events += 1;
    const stored = files.map((f) => standin.addFile(f));
    const ts = `${1_800_100_000 + events}.000200`;
    const envelope = fileShareEnvelope({
      eventId: `EvCF${events}`,
      channel,
      ts,
      files: stored.map((f) => ({ id: f.id, name: f.name, filetype: f.filetype })),
    });
    expect((await sendEvent(bot.url, envelope)).status).toBe(200);
    return ts;
  }
  const inThread = (channel: string, ts: string) =>
    postsIn(standin, channel).filter((p) => p.args.thread_ts === ts);

  it.each([
    [
      'an OpenDocument spreadsheet',
      'plan.ods',
      'ods',
      zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet') }),
      /\*plan\.ods\* is an OpenDocument spreadsheet \(\.ods\)/,
    ],
    ['a JSON export', 'crm.json', 'json', '[{"id": 1}]', /\*crm\.json\* is JSON, which I can't segment/],
    [
      'an old .xls workbook',
      'old.xls',
      'xls',
      Buffer.from('d0cf11e0a1b11ae1', 'hex'),
      /\*old\.xls\* is an old-style Excel file/,
    ],
    [
      'a zip archive',
      'export.zip',
      'zip',
      zipSync({ 'a.csv': strToU8(CUSTOMERS) }),
      /\*export\.zip\* is an archive\. Unzip it/,
    ],
  ])(
    'answers %s in its thread with what to share instead, without downloading it',
    async (_, name, filetype, content, words) => {
      const downloads = standin.calls.filter((c) => c.method === 'files.info').length;
      const ts = await shareOnly('COTHER', [{ name, filetype, content: Buffer.from(content) }]);
      const post = await standin.waitFor(() => inThread('COTHER', ts)[0], 30_000, 'the threaded reply');
      const text = messageText(post.args);
      expect(text).toMatch(words);
      expect(text).toContain('a CSV (UTF-8) or an Excel .xlsx file with one row per customer');
      expect(standin.calls.filter((c) => c.method === 'files.info').length).toBe(downloads);
    },
  );

  it('answers a CSV whose columns hold no customers in its thread, saying what it expected', async () => {
    const { text } = await share('COTHER', 'orders.csv', 'OrderID,SKU,Amount\n1,A-1,20\n2,B-7,35\n');
    expect(text).toMatch(/orders\.csv, line 1: missing the column/);
    expect(text).toContain('Nothing changed');
  });

  it('stays silent for a PNG, a PDF and a text note', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const ts = await shareOnly('CQUIET', [
      { name: 'chart.png', filetype: 'png', content: png },
      { name: 'brief.pdf', filetype: 'pdf', content: '%PDF-1.7' },
      { name: 'notes.txt', filetype: 'text', content: 'hello' },
    ]);
    // A marker share afterwards: once it is answered, the earlier event has been handled too.
    await shareOnly('CQUIET', [{ name: 'marker.json', filetype: 'json', content: '{}' }]);
    await standin.waitFor(() => postsIn(standin, 'CQUIET')[0], 30_000, 'the marker reply');
    expect(inThread('CQUIET', ts)).toHaveLength(0);
    expect(postsIn(standin, 'CQUIET')).toHaveLength(1);
  });
});

describe('a channel that shares a file without Gender and CustomerID', () => {
  it('segments it with a note, without gender columns or charts, and predicts from 25 60 75', async () => {
    const [, ...rows] = CUSTOMERS.trim().split('\n');
    const bare = `Age,Annual Income (k$),Spending Score (1-100)\n${rows.map((r) => r.split(',').slice(2).join(',')).join('\n')}\n`;
    const { ts, text } = await share('CBARE', 'bare.csv', bare);
    expect(text).toContain('No Gender column: the gender charts and columns are left out.');
    expect(text).toContain('No CustomerID column: customers are numbered by row');
    expect(text).not.toMatch(/Female\/Male/);
    expect(text).toMatch(/k = \d+/);
    const before = postsIn(standin, 'CBARE').length;
    const sent = await sendCommand(bot.url, {
      text: 'predict 25 60 75',
      channel_id: 'CBARE',
      response_url: standin.responseUrl(),
    });
    expect(sent.status).toBe(200);
    const post = await standin.waitFor(() => postsIn(standin, 'CBARE')[before], 60_000, 'the prediction');
    const predicted = messageText(post.args);
    expect(predicted).toMatch(/Predicted segment/);
    expect(predicted).toContain(
      'A 25-year-old customer with an income of 60.0 k$ and a spending score of 75.0',
    );
    const eda = await sendCommand(bot.url, {
      text: 'eda',
      channel_id: 'CBARE',
      response_url: standin.responseUrl(),
    });
    expect(eda.status).toBe(200);
    const edaPost = await standin.waitFor(
      () => postsIn(standin, 'CBARE')[before + 1],
      60_000,
      'the eda answer',
    );
    expect(messageText(edaPost.args)).toContain('(the file has no Gender column)');
    const charts = await standin.waitFor(
      () => sharesIn(standin, 'CBARE', tsOf(edaPost))[0],
      60_000,
      'eda charts',
    );
    expect(charts.files.map((f) => f.filename)).not.toContain('gender-split.png');
    expect(charts.files.map((f) => f.filename)).not.toContain('spending-by-gender.png');
    expect(ts).toBeTruthy();
  });
});
