/**
 * The bot as its own process, started the way `npm start` starts it (tsx +
 * src/main.ts), for tests and benchmarks that need it out of the test's event
 * loop: start-up failures, SIGTERM, and ack latency under load.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
const TSX = pathToFileURL(
  fileURLToPath(new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url)),
).href;

export interface Exit {
  code: number | null;
  stderr: string;
}

export interface BotProcess {
  child: ChildProcess;
  exit: Promise<Exit>;
  stderr(): string;
  stdout(): string;
}

/** Runs src/main.ts with exactly these variables (and PATH), in a directory without a .env. */
export function launchBot(env: Record<string, string>): BotProcess {
  const child = spawn(process.execPath, ['--import', TSX, MAIN], {
    cwd: mkdtempSync(join(tmpdir(), 'segment-bot-cwd-')),
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exit = new Promise<Exit>((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
  return { child, exit, stderr: () => stderr, stdout: () => stdout };
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Polls /healthz until it answers, the process exits, or time runs out. */
export async function healthzWithin(
  port: number,
  child: ChildProcess,
  timeoutMs: number,
): Promise<number | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
    if (response) return response.status;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return undefined;
}
