/**
 * No request can take the bot down: the bot runs as its own process (so a
 * crash would be an exit, not a test failure in-process), and receives a
 * correctly signed JSON `null` plus a seeded stream of arbitrary JSON and form
 * bodies, a 10 MB body and a request that stops half-way. Every one gets an
 * HTTP status (never a reset), the malformed ones an error status, and
 * afterwards /healthz still answers and a real command is still answered.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/random.ts';
import { SlackStandin } from '../../src/playground/standin/server.ts';
import { commandBody, signatureHeaders } from '../../src/playground/standin/signer.ts';
import { newDataDir, testEnv } from '../support/slack-app.ts';
import { type BotProcess, freePort, healthzWithin, launchBot } from '../support/slack-process.ts';

let standin: SlackStandin;
let bot: BotProcess;
let url: string;

beforeAll(async () => {
  standin = await SlackStandin.start();
  const port = await freePort();
  bot = launchBot({ ...testEnv(standin, newDataDir()), PORT: String(port), LOG_LEVEL: 'warn' });
  expect(await healthzWithin(port, bot.child, 30_000), bot.stderr()).toBe(200);
  url = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  bot?.child.kill('SIGTERM');
  await bot?.exit;
  await standin?.close();
});

/** Signed POST; resolves with the status, or 'reset' when the connection was dropped without one. */
function signedPost(body: string | Buffer, contentType: string): Promise<number | 'reset'> {
  const headers = { 'content-type': contentType, ...signatureHeaders(body.toString()) };
  return fetch(`${url}/slack/events`, { method: 'POST', body, headers }).then(
    async (response) => {
      await response.arrayBuffer();
      return response.status;
    },
    () => 'reset' as const,
  );
}

function arbitraryJson(next: () => number, depth = 0): unknown {
  const pick = Math.floor(next() * (depth > 2 ? 5 : 8));
  const word = () =>
    ['type', 'event', 'payload', 'ssl_check', 'command', 'challenge', 'x'][Math.floor(next() * 7)]!;
  switch (pick) {
    case 0:
      return null;
    case 1:
      return Math.floor(next() * 1e6) - 5e5;
    case 2:
      return word();
    case 3:
      return next() < 0.5;
    case 4:
      return 'event_callback';
    case 5:
      return Array.from({ length: Math.floor(next() * 3) }, () => arbitraryJson(next, depth + 1));
    default: {
      const object: Record<string, unknown> = {};
      for (let i = Math.floor(next() * 4); i > 0; i -= 1) object[word()] = arbitraryJson(next, depth + 1);
      return object;
    }
  }
}

function malformedBodies(count: number): Array<{ body: string; type: string }> {
  const next = createRng(11);
  const bodies: Array<{ body: string; type: string }> = [];
  const fixed = ['[]', '42', '"slack"', 'true', '', '{', '{"type":"event_callback","event":null}'];
  for (const body of fixed) bodies.push({ body, type: 'application/json' });
  for (const payload of ['null', '[1]', '{', '"x"']) {
    bodies.push({
      body: `payload=${encodeURIComponent(payload)}`,
      type: 'application/x-www-form-urlencoded',
    });
  }
  while (bodies.length < count) {
    const value = arbitraryJson(next);
    if (next() < 0.6) bodies.push({ body: JSON.stringify(value), type: 'application/json' });
    else {
      const form = new URLSearchParams({
        payload: JSON.stringify(value),
        command: String(arbitraryJson(next)),
      });
      bodies.push({ body: form.toString(), type: 'application/x-www-form-urlencoded' });
    }
  }
  return bodies;
}

describe('requests that could crash the receiver', () => {
  it('answers a signed JSON null with 400 and keeps serving', async () => {
    expect(await signedPost('null', 'application/json')).toBe(400);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it('answers 50 malformed signed bodies with a status each, then still serves', async () => {
    const bodies = malformedBodies(50);
    const statuses = await Promise.all(bodies.map(({ body, type }) => signedPost(body, type)));
    for (const [i, status] of statuses.entries()) {
      expect(status, `body ${i}: ${bodies[i]!.body.slice(0, 80)}`).not.toBe('reset');
    }
    // Not objects at all: refused by the guard before Bolt parses them.
    expect(statuses.slice(0, 6)).toEqual([400, 400, 400, 400, 400, 400]);
    expect(bot.child.exitCode).toBeNull();
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it('answers 413 to a 10 MB body', async () => {
    const body = Buffer.alloc(10 * 1024 * 1024, 0x61);
    expect(await signedPost(body, 'application/json')).toBe(413);
  });

  it('answers a request that stops sending with a status, not silence', async () => {
    const status = await new Promise<number | 'reset'>((resolve) => {
      const req = request(`${url}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': '1000' },
      });
      req.on('response', (response) => resolve(response.statusCode ?? 0));
      req.on('error', () => resolve('reset'));
      req.write('{"type":');
    });
    expect(status).toBe(408);
  }, 30_000);

  it('counts the refused requests in /metrics', async () => {
    const response = await fetch(`${url}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    const refused = Number(/segment_bot_requests_refused_total\{status="400"\} (\d+)/.exec(text)?.[1]);
    expect(refused).toBeGreaterThanOrEqual(11);
    expect(text).toMatch(/segment_bot_requests_refused_total\{status="413"\} 1/);
    expect(text).toMatch(/segment_bot_jobs_queued \d+/);
    // The analysis workers' own heaps and caches (the process defaults show only the main thread's).
    expect(text).toMatch(/segment_bot_worker_heap_used_bytes\{worker="0"\} \d{7,}/);
    expect(text).toMatch(/segment_bot_worker_cache_max_bytes\{worker="0"\} \d+/);
  });

  it('still answers a real command afterwards', async () => {
    const body = commandBody({
      text: 'help',
      channel_id: 'CFUZZ',
      response_url: standin.responseUrl('fuzz'),
    });
    expect(await signedPost(body, 'application/x-www-form-urlencoded')).toBe(200);
    await standin.waitFor(() => standin.responses.find((r) => r.id === 'fuzz'), 20_000, 'the help answer');
    expect(bot.child.exitCode).toBeNull();
  });
});
