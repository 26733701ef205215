/**
 * The playground (`npm start` with no Slack credential): the real bot behind
 * real request signing, answering what the page sends, with the state kept in
 * the same SQLite database across a restart. The browser tests drive the page
 * itself; these drive its HTTP routes.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Playground,
  playgroundLine,
  startPlayground,
  wantsPlayground,
} from '../../src/playground/start.ts';
import type { ChatMessage } from '../../src/playground/workspace.ts';
import { newDataDir } from '../support/slack-app.ts';
import { freePort, launchBot } from '../support/slack-process.ts';

const SAMPLE = fileURLToPath(new URL('../../data/customers.csv', import.meta.url));
const MARKETING = 'C0MARKETING';

let running: Playground[] = [];
afterEach(async () => {
  await Promise.all(running.map((p) => p.stop()));
  running = [];
});

async function start(dataDir = newDataDir()): Promise<Playground> {
  const playground = await startPlayground({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'error' });
  running.push(playground);
  return playground;
}

const postJson = (playground: Playground, path: string, body: object) =>
  fetch(`${playground.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

const waitFor = <T>(
  playground: Playground,
  probe: (messages: ChatMessage[]) => T | undefined,
  what: string,
) => playground.standin.waitFor(() => probe(playground.workspace.list()), 60_000, what);

const botSays =
  (pattern: RegExp, extra: (m: ChatMessage) => boolean = () => true) =>
  (messages: ChatMessage[]) =>
    messages.find((m) => m.user !== 'UPLAYGROUND' && pattern.test(m.text) && extra(m));

describe('choosing the playground', () => {
  it('is chosen only when no Slack credential is set at all', () => {
    expect(wantsPlayground({})).toBe(true);
    expect(wantsPlayground({ SLACK_BOT_TOKEN: ' ', SLACK_SIGNING_SECRET: '' })).toBe(true);
    expect(wantsPlayground({ SLACK_BOT_TOKEN: 'xoxb-1' })).toBe(false);
    expect(wantsPlayground({ SLACK_APP_TOKEN: 'xapp-1' })).toBe(false);
    expect(wantsPlayground({ SLACK_SIGNING_SECRET: 'abc' })).toBe(false);
  });

  it('`npm start` without tokens prints exactly the playground line and serves the page on 127.0.0.1', async () => {
    const port = await freePort();
    const bot = launchBot({ PORT: String(port), DATA_DIR: newDataDir() });
    const url = `http://127.0.0.1:${port}`;
    await waitUntil(() => bot.stdout().includes('\n') || bot.child.exitCode !== null, 60_000);
    const page = await fetch(`${url}/`).then((r) => r.text());
    bot.child.kill('SIGTERM');
    const { code } = await bot.exit;
    expect(bot.stdout(), bot.stderr()).toBe(`${playgroundLine(url)}\n`);
    expect(bot.stderr()).toBe('');
    expect(page).toContain('<textarea id="composer"');
    expect(page).toContain('type="file"');
    expect(code).toBe(0);
  });
});

describe('the playground answers like Slack would', () => {
  it('a typed command gets the summary with its charts in the thread; a mistake an ephemeral answer', async () => {
    const playground = await start();
    expect(
      (await postJson(playground, '/ui/command', { channel: MARKETING, text: '/segment summary' })).status,
    ).toBe(202);
    const summary = await waitFor(
      playground,
      botSays(/segment/i, (m) => !m.threadTs && !m.ephemeral),
      'summary',
    );
    expect(summary.blocks?.length).toBeGreaterThan(1);
    const charts = await waitFor(
      playground,
      (messages) => messages.find((m) => m.threadTs === summary.ts && m.files?.some((f) => f.isImage)),
      'charts in the thread',
    );
    const png = await fetch(`${playground.url}${charts.files![0]!.url}`);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect([...new Uint8Array(await png.arrayBuffer()).slice(1, 4)]).toEqual([0x50, 0x4e, 0x47]);

    await postJson(playground, '/ui/command', { channel: MARKETING, text: '/segment sumary' });
    const mistake = await waitFor(
      playground,
      botSays(/sumary/, (m) => m.ephemeral === true),
      'ephemeral',
    );
    expect(mistake.text).toMatch(/summary/);
  });

  it('an uploaded CSV becomes a file_share event answered in its thread, with charts', async () => {
    const playground = await start();
    const bytes = readFileSync(SAMPLE);
    const sent = await fetch(`${playground.url}/ui/upload?channel=${MARKETING}&name=customers.csv`, {
      method: 'POST',
      body: bytes,
    });
    expect(sent.status).toBe(202);
    const share = await waitFor(
      playground,
      (m) => m.find((x) => x.files?.[0]?.name === 'customers.csv'),
      'share',
    );
    await waitFor(
      playground,
      (m) => m.find((x) => x.threadTs === share.ts && x.files?.some((f) => f.isImage)),
      'charts',
    );
    expect(playground.standin.downloads.map((d) => d.fileId)).toContain(share.files![0]!.id);
  });

  it('keeps the channel settings in the database across a restart', async () => {
    const dataDir = newDataDir();
    const first = await start(dataDir);
    await postJson(first, '/ui/command', { channel: MARKETING, text: '/segment k 4' });
    await waitFor(first, botSays(/\b4\b/), 'k set');
    await first.stop();
    running = [];
    const second = await start(dataDir);
    await postJson(second, '/ui/command', { channel: MARKETING, text: '/segment summary' });
    const summary = await waitFor(
      second,
      botSays(/segment/i, (m) => !m.threadTs),
      'summary after restart',
    );
    expect(summary.text).toMatch(/4 segments/);
  });

  it('refuses a request for a channel that does not exist, and never crashes on bad JSON', async () => {
    const playground = await start();
    expect((await postJson(playground, '/ui/command', { channel: 'CNOPE', text: 'x' })).status).toBe(400);
    const bad = await fetch(`${playground.url}/ui/command`, { method: 'POST', body: '{' });
    expect(bad.status).toBe(400);
    expect((await fetch(`${playground.url}/ui/state`)).status).toBe(200);
  });
});

async function waitUntil(probe: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}
