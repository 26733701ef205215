/**
 * Ack latency under load: how long Slack waits for the bot to acknowledge a
 * slash command (it gives up at 3 s) while a large customer file is being
 * analysed for another channel. The bot runs as its own process, started like
 * `npm start`, against the Slack stand-in; commands are sent at a steady pace
 * from the moment the file is downloaded until its answer is posted.
 *
 * `npx tsx test/bench/ack-latency.ts [rows]` prints the figures.
 */
import { mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { customersToCsv, generateCustomers } from '../../src/core/synthetic.ts';
import { SlackStandin, type StoredFile } from '../../src/playground/standin/server.ts';
import { fileShareEnvelope, type Sent, sendCommand, sendEvent } from '../../src/playground/standin/signer.ts';
import { testEnv } from '../support/slack-app.ts';
import { freePort, healthzWithin, launchBot } from '../support/slack-process.ts';
import { messageText, postsIn, tsOf, updatesOf } from '../support/slack-recorded.ts';

export interface AckLatency {
  p50Ms: number;
  p99Ms: number;
  n: number;
  maxMs: number;
  /** From the file_share event to the summary in the file's thread. */
  uploadMs: number;
  /** chat.update edits of the "working" message with progress, before the answer. */
  progressEdits: number;
  rows: number;
}

export interface AckBenchOptions {
  rows?: number;
  /** Gap between two commands. */
  intervalMs?: number;
  timeoutMs?: number;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function benchAckLatency(options: AckBenchOptions = {}): Promise<AckLatency> {
  const rows = options.rows ?? 1_000_000;
  const standin = await SlackStandin.start();
  const port = await freePort();
  const csv = customersToCsv(generateCustomers(rows, 2026));
  const env = { ...testEnv(standin, mkdtempSync(join(tmpdir(), 'segment-ack-'))), PORT: String(port) };
  const bot = launchBot({ ...env, LOG_LEVEL: 'warn', MAX_FILE_BYTES: String(512 * 1024 * 1024) });
  try {
    if ((await healthzWithin(port, bot.child, 60_000)) !== 200)
      throw new Error(`bot did not start: ${bot.stderr()}`);
    const file = standin.addFile({ name: `customers-${rows}.csv`, content: csv });
    return { ...(await measure(`http://127.0.0.1:${port}`, standin, file, options)), rows };
  } finally {
    bot.child.kill('SIGTERM');
    await bot.exit;
    await standin.close();
  }
}

/** Shares the file in CBIG, then sends commands to other channels until its answer is posted. */
async function measure(url: string, standin: SlackStandin, file: StoredFile, options: AckBenchOptions) {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const started = Date.now();
  const files = [{ id: file.id, name: file.name, filetype: 'csv' }];
  await sendEvent(url, fileShareEnvelope({ eventId: 'EvAckBench', channel: 'CBIG', files }));
  await standin.waitFor(() => standin.downloads.length > 0, 60_000, 'the download');
  const done = () => uploadAnswered(standin);
  const sent = await commandsUntil(url, standin, done, options.intervalMs ?? 100, timeoutMs);
  await standin.waitFor(done, timeoutMs, 'the upload answer');
  const uploadMs = Date.now() - started;
  if (sent.some((s) => s.status !== 200)) throw new Error('a slash command was not acknowledged with 200');
  const ms = sent.map((s) => s.ms);
  return {
    p50Ms: percentile(ms, 50),
    p99Ms: percentile(ms, 99),
    n: ms.length,
    maxMs: Math.max(...ms),
    uploadMs,
    progressEdits: workingEdits(standin).filter((text) => text.includes(':hourglass')).length,
  };
}

/** The texts the working message in CBIG was edited to, in order. */
function workingEdits(standin: SlackStandin): string[] {
  const working = postsIn(standin, 'CBIG')[0];
  return working ? updatesOf(standin, 'CBIG', tsOf(working)).map((u) => messageText(u.args)) : [];
}

/** The working message has been replaced by the answer. */
const uploadAnswered = (standin: SlackStandin) =>
  workingEdits(standin).some((text) => !text.includes(':hourglass'));

/** Sends /segment help and summary (4:1), one every intervalMs, until `done`; resolves with every ack. */
async function commandsUntil(
  url: string,
  standin: SlackStandin,
  done: () => boolean,
  intervalMs: number,
  timeoutMs: number,
): Promise<Sent[]> {
  const pending: Array<Promise<Sent>> = [];
  const deadline = Date.now() + timeoutMs;
  for (let i = 0; !done() && Date.now() < deadline; i += 1) {
    const text = i % 5 === 4 ? 'summary' : 'help';
    pending.push(sendCommand(url, { text, channel_id: `CQ${i % 7}`, response_url: standin.responseUrl() }));
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return Promise.all(pending);
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(realpathSync(entry)).href) {
  const rows = Number(process.argv[2] ?? 1_000_000);
  const result = await benchAckLatency({ rows });
  console.log(JSON.stringify(result));
}
