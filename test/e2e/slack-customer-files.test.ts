/**
 * Customer files as marketing teams really share them, through the whole app
 * over HTTP against the Slack stand-in: other text encodings (and, as they
 * land, Excel, optional columns, extra columns and unusable data files).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customersToCsv, generateCustomers } from '../../src/core/synthetic.ts';
import { newDataDir, startTestBot, type TestBot } from '../support/slack-app.ts';
import { messageText, postsIn, tsOf, updatesOf } from '../support/slack-recorded.ts';
import { fileShareEnvelope, sendEvent } from '../support/slack-signer.ts';
import { SlackStandin } from '../support/slack-standin.ts';
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
