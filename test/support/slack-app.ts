/**
 * Starts the real bot (config → service → Bolt app, exactly as `npm start`
 * does) in HTTP mode on 127.0.0.1 and a free port, against a stand-in. Log
 * lines are captured so tests can prove what never appears in them.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { type Bot, startBot } from '../../src/main.ts';
import { BOT_TOKEN, SlackStandin } from '../../src/playground/standin/server.ts';
import { SIGNING_SECRET } from '../../src/playground/standin/signer.ts';

export interface TestBot {
  bot: Bot;
  url: string;
  logs: string[];
  stop(): Promise<void>;
}

export const newDataDir = () => mkdtempSync(join(tmpdir(), 'segment-bot-e2e-'));

export function testEnv(standin: SlackStandin, dataDir: string): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    PORT: '0',
    HOST: '127.0.0.1',
    SLACK_API_URL: standin.apiUrl,
    SLACK_FILE_HOST: standin.host,
    DATA_DIR: dataDir,
    // The most verbose level: the redaction promises must hold even here.
    LOG_LEVEL: 'debug',
    SLACK_API_TIMEOUT_MS: '10000',
  };
}

export async function startTestBot(
  standin: SlackStandin,
  dataDir: string,
  env: Record<string, string> = {},
): Promise<TestBot> {
  const logs: string[] = [];
  const bot = await startBot(
    { ...testEnv(standin, dataDir), ...env },
    {
      logSink: (line) => logs.push(line),
      retry: { attempts: 3, baseDelayMs: 50, maxDelayMs: 3000 },
      progressIntervalMs: 100,
    },
  );
  let stopped = false;
  return {
    bot,
    url: `http://127.0.0.1:${bot.port}`,
    logs,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await bot.stop();
    },
  };
}

/** For a whole test file: a fresh stand-in and the real bot on it before the tests, both stopped after. */
export function botOnStandinForFile(started: (standin: SlackStandin, bot: TestBot) => void): void {
  let standin: SlackStandin | undefined;
  let bot: TestBot | undefined;
  beforeAll(async () => {
    standin = await SlackStandin.start();
    bot = await startTestBot(standin, newDataDir());
    started(standin, bot);
  });
  afterAll(async () => {
    await bot?.stop();
    await standin?.close();
  });
}
