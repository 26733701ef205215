/**
 * The CLI and Slack are two transports over one grammar and one run(): the
 * same input is accepted or refused by both, with the same words.
 */
import { truncateSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/commands/grammar.ts';
import { errorReply } from '../../src/commands/messages.ts';
import { DEFAULT_LIMITS } from '../../src/ingest/csv.ts';
import { terminalWords } from '../../src/report/reply.ts';
import { downloadUrl } from '../../src/slack/files.ts';
import { fileTooLarge, formatBytes } from '../../src/words.ts';
import { runCli, tempFile } from '../support/cli.ts';
import { SAMPLE_PATH } from '../support/mall.ts';

/** What Slack answers to `/segment <text>` when the grammar refuses it: the first line of the error reply. */
function slackRefusal(text: string): string {
  const parsed = parseCommand(text);
  if (parsed.ok) throw new Error(`Slack accepted "${text}"`);
  return terminalWords(errorReply(parsed.error).text).split('\n')[0]!;
}

async function cliRefusal(...argv: string[]): Promise<string> {
  const run = await runCli(...argv);
  expect(run.code).toBe(2);
  return run.stderr.replace(/^error: /, '').split('\n')[0]!;
}

describe('the CLI and Slack agree', () => {
  it('refuse k = 20 the same way, as a command and as a flag', async () => {
    const slack = slackRefusal('k 20');
    expect(slack).toMatch(/k must be a whole number from 2 to 15/);
    expect(await cliRefusal('k', '20', '--data', SAMPLE_PATH)).toBe(slack);
    expect(await cliRefusal('analyze', SAMPLE_PATH, '--k', '20')).toBe(slack);
    expect(await cliRefusal('summary', '--data', SAMPLE_PATH, '--k', '20')).toBe(slack);
  });

  it('refuse a single feature with the same words', async () => {
    const slack = slackRefusal('features income');
    expect(slack).toMatch(/features needs at least 2/);
    expect(await cliRefusal('analyze', SAMPLE_PATH, '--features', 'income')).toBe(slack);
    expect(await cliRefusal('predict', '25', 'F', '60', '75', '--features', 'income')).toBe(slack);
  });

  it('refuse age 500 with the same words', async () => {
    const slack = slackRefusal('predict 500 F 60 75');
    expect(slack).toMatch(/age must be a whole number from 0 to 120 \(got "500"\)/);
    expect(await cliRefusal('predict', '500', 'F', '60', '75')).toBe(slack);
  });

  it('honour the predict flags instead of ignoring them', async () => {
    const plain = JSON.parse((await runCli('predict', '25', 'F', '60', '75', '--json')).stdout);
    const flagged = await runCli(
      'predict',
      ...[
        '25',
        'F',
        '60',
        '75',
        '--features',
        'age,income,spending',
        '--k',
        '3',
        '--scale',
        'zscore',
        '--json',
      ],
    );
    expect(flagged.code).toBe(0);
    const r = JSON.parse(flagged.stdout);
    expect(r.distances).toHaveLength(3);
    expect(plain.distances.length).not.toBe(3);
    expect(await cliRefusal('predict', '25', 'F', '60', '75', '--scale', 'log')).toBe(
      slackRefusal('scale log'),
    );
  });

  it('write sizes the same way: "100 MB", never "100.0 MB", on every path', async () => {
    expect(formatBytes(100 * 1024 * 1024)).toBe('100 MB');
    const big = tempFile(
      'CustomerID,Gender,Age,Annual Income (k$),Spending Score (1-100)\n1,Male,19,15,39\n',
    );
    const refusal = await cliRefusal('analyze', big, '--max-bytes', '10');
    expect(refusal).toMatch(/is \d+ bytes, over the 10 bytes limit; remove unused columns or split it/);
    // The Slack gate words it with the same sentence (src/words.ts fileTooLarge), naming the file.
    expect(fileTooLarge('big.csv', 57, 10)).toBe(
      'big.csv is 57 bytes, over the 10 bytes limit; remove unused columns or split it',
    );
    expect(formatBytes(DEFAULT_LIMITS.maxBytes)).not.toMatch(/\.0 /);
  });

  it('refuse a file over the default limit by its size, in the same words as Slack, customers or order lines', async () => {
    const size = DEFAULT_LIMITS.maxBytes + 100 * 1024 * 1024;
    const sentence = `is ${formatBytes(size)}, over the ${formatBytes(DEFAULT_LIMITS.maxBytes)} limit; remove unused columns or split it`;
    expect(sentence).toMatch(/^is \d+ MB, over the \d+ MB limit/);
    let slack = '';
    try {
      downloadUrl(
        {
          id: 'F1',
          name: 'big.csv',
          filetype: 'csv',
          size,
          url_private_download: 'https://files.slack.com/big.csv',
        },
        'files.slack.com',
        DEFAULT_LIMITS.maxBytes,
      );
    } catch (e) {
      slack = (e as Error).message;
    }
    expect(slack).toBe(`big.csv ${sentence}.`);
    // Sparse files: refused by their size before a byte is read (an order file is otherwise read whole).
    const customers = tempFile(
      'CustomerID,Gender,Age,Annual Income (k$),Spending Score (1-100)\n',
      'big.csv',
    );
    truncateSync(customers, size);
    expect(await cliRefusal('analyze', customers)).toBe(`big.csv: the file ${sentence}`);
    const orders = tempFile(
      'Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n',
      'orders.csv',
    );
    truncateSync(orders, size);
    expect(await cliRefusal('summary', '--data', orders)).toBe(`orders.csv: the file ${sentence}`);
  });

  it('export the same CSV as /segment export', async () => {
    const run = await runCli('export', '--data', SAMPLE_PATH);
    expect(run.code).toBe(0);
    const header = run.stdout.replace(/^\uFEFF/, '').split('\r\n')[0];
    expect(header).toBe(
      'CustomerID,Gender,Age,Annual Income (k$),Spending Score (1-100),Segment,Segment name,Distance to centre',
    );
  });
});
