/**
 * Issue 11's budgets, measured on the bot as its own process (started like
 * `npm start`) against the Slack stand-in:
 *
 * 1. Ack latency: 300 slash commands over 20 channels while another channel's
 *    large upload is analysed (goal p99 < 100 ms, none over 3 s).
 * 2. The wait of a small summary (the bundled sample) in another channel,
 *    sent while that upload runs: from its ack to its answer in the channel.
 * 3. RSS over many mixed commands after warm-up (goal: levels off, < 10 %
 *    growth), read from the bot's own /metrics.
 *
 * `npx tsx test/bench/service-load.ts [rows] [commands] [rssCommands]`.
 */
import { mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { customersToCsv, generateCustomers } from '../../src/core/synthetic.ts';
import { SlackStandin } from '../../src/playground/standin/server.ts';
import { fileShareEnvelope, type Sent, sendCommand, sendEvent } from '../../src/playground/standin/signer.ts';
import { testEnv } from '../support/slack-app.ts';
import { freePort, healthzWithin, launchBot } from '../support/slack-process.ts';
import { messageText, postsIn, tsOf, updatesOf } from '../support/slack-recorded.ts';
import { percentile } from './ack-latency.ts';

export interface ServiceLoad {
  rows: number;
  ack: { n: number; p50Ms: number; p99Ms: number; maxMs: number; over3s: number };
  /** From the small summary's ack to its answer, with the upload running in another channel. */
  smallSummaryWaitMs: number;
  uploadMs: number;
  rss: RssRun;
}

export interface RssRun {
  commands: number;
  /** The first commands, which fill the caches (every command kind in every channel, several times). */
  warmupCommands: number;
  afterWarmupMb: number;
  /** RSS after each quarter of the commands that follow the warm-up: flat when memory has levelled off. */
  quartersMb: number[];
  /** Highest RSS seen after the warm-up (sampled after every batch). */
  peakMb: number;
  endMb: number;
  growthPct: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function rssMb(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const bytes = Number(/segment_bot_process_resident_memory_bytes (\d+(\.\d+)?)/.exec(text)?.[1]);
  return bytes / 1e6;
}

const answered = (standin: SlackStandin, channel: string) => {
  const working = postsIn(standin, channel)[0];
  return (
    working !== undefined &&
    updatesOf(standin, channel, tsOf(working)).some((u) => !/hourglass/.test(messageText(u.args)))
  );
};

export async function benchServiceLoad(
  rows = 1_000_000,
  commands = 300,
  rssCommands = 2000,
): Promise<ServiceLoad> {
  const standin = await SlackStandin.start();
  const port = await freePort();
  const env = { ...testEnv(standin, mkdtempSync(join(tmpdir(), 'segment-load-'))), PORT: String(port) };
  const bot = launchBot({ ...env, LOG_LEVEL: 'warn', MAX_FILE_BYTES: String(512 * 1024 * 1024) });
  const url = `http://127.0.0.1:${port}`;
  try {
    if ((await healthzWithin(port, bot.child, 60_000)) !== 200)
      throw new Error(`bot did not start: ${bot.stderr()}`);
    // Warm the sample's analysis and charts, as a running bot has them.
    await sendCommand(url, { text: 'summary', channel_id: 'CWARM', response_url: standin.responseUrl() });
    await standin.waitFor(() => postsIn(standin, 'CWARM')[0], 300_000, 'the warm-up summary');
    const file = standin.addFile({
      name: `customers-${rows}.csv`,
      content: customersToCsv(generateCustomers(rows, 2026)),
    });
    const started = Date.now();
    await sendEvent(
      url,
      fileShareEnvelope({
        eventId: 'EvLoad',
        channel: 'CBIG',
        files: [{ id: file.id, name: file.name, filetype: 'csv' }],
      }),
    );
    await standin.waitFor(() => standin.downloads.length > 0, 60_000, 'the download');
    // The small summary in another channel, sent while the upload runs.
    const smallSent = Date.now();
    await sendCommand(url, { text: 'summary', channel_id: 'CSMALL', response_url: standin.responseUrl() });
    const small = standin
      .waitFor(() => postsIn(standin, 'CSMALL')[0], 600_000, 'the small summary')
      .then(() => Date.now() - smallSent);
    const pending: Array<Promise<Sent>> = [];
    for (let i = 0; i < commands; i += 1) {
      const text = i % 5 === 4 ? 'summary' : 'help';
      pending.push(
        sendCommand(url, { text, channel_id: `CQ${i % 20}`, response_url: standin.responseUrl() }),
      );
      await sleep(50);
    }
    const sent = await Promise.all(pending);
    const smallSummaryWaitMs = await small;
    await standin.waitFor(() => answered(standin, 'CBIG'), 1_200_000, 'the upload answer');
    const uploadMs = Date.now() - started;
    const ms = sent.map((s) => s.ms);
    const ack = {
      n: ms.length,
      p50Ms: percentile(ms, 50),
      p99Ms: percentile(ms, 99),
      maxMs: Math.max(...ms),
      over3s: ms.filter((m) => m > 3000).length,
    };
    const rss = await rssOver(url, standin, rssCommands);
    return { rows, ack, smallSummaryWaitMs, uploadMs, rss };
  } finally {
    bot.child.kill('SIGTERM');
    await bot.exit;
    await standin.close();
  }
}

/** Waits until no job is queued or running (the answers of a batch are out). */
async function drained(url: string): Promise<void> {
  for (;;) {
    const health = (await (await fetch(`${url}/healthz`)).json()) as {
      jobs: { queued: number; running: number };
    };
    if (health.jobs.queued === 0 && health.jobs.running === 0) return;
    await sleep(50);
  }
}

/**
 * Mixed commands, ten at a time, each batch waited for. Warm-up is the first tenth (200 of 2,000):
 * by then each of the 7 command kinds has run in each of the 5 channels several times, so every
 * cache an answer uses is filled; the growth is measured from there to the end. RSS is sampled
 * after every batch, for the peak and the RSS at each quarter of the rest.
 */
async function rssOver(url: string, standin: SlackStandin, total: number): Promise<RssRun> {
  const texts = ['summary', 'eda', 'check', 'predict 30 F 60 70', 'k', 'data', 'help'];
  const warmup = Math.floor(total / 10);
  const measured = total - warmup;
  let afterWarmupMb = 0;
  let peakMb = 0;
  const quartersMb: number[] = [];
  for (let i = 0; i < total; i += 10) {
    const batch = Array.from({ length: 10 }, (_, j) => {
      const id = `rss-${i + j}`;
      const text = texts[(i + j) % texts.length]!;
      return sendCommand(url, {
        text,
        channel_id: `CR${(i + j) % 5}`,
        response_url: standin.responseUrl(id),
      });
    });
    await Promise.all(batch);
    await drained(url);
    const done = i + 10;
    if (done < warmup) continue;
    const mb = await rssMb(url);
    if (done === warmup) afterWarmupMb = mb;
    else peakMb = Math.max(peakMb, mb);
    if (quartersMb.length < 4 && done - warmup >= (measured * (quartersMb.length + 1)) / 4)
      quartersMb.push(mb);
  }
  await sleep(1000);
  const endMb = await rssMb(url);
  return {
    commands: total,
    warmupCommands: warmup,
    afterWarmupMb,
    quartersMb,
    peakMb: Math.max(peakMb, endMb),
    endMb,
    growthPct: ((endMb - afterWarmupMb) / afterWarmupMb) * 100,
  };
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(realpathSync(entry)).href) {
  const [rows, commands, rss] = process.argv.slice(2).map(Number);
  console.log(JSON.stringify(await benchServiceLoad(rows || 1_000_000, commands || 300, rss || 2000)));
}
