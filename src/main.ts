/**
 * Process entry (`npm start`): config → service → Slack app → start; with no
 * Slack credential at all, the same app against the local playground. Any
 * start-up failure is one clear line and exit code 1; SIGTERM/SIGINT stop the
 * receiver first (no new work), then the service (worker and database).
 */
import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import type { Logger } from '@slack/bolt';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { createLogger, describeError, type Sink } from './log.ts';
import type { Metrics } from './metrics.ts';
import { playgroundLine, startPlayground, wantsPlayground } from './playground/start.ts';
import { installProcessGuard } from './process-guard.ts';
import { createSegmentService } from './service.ts';
import { type SlackAppOptions, StartupError, startSlackApp } from './slack/app.ts';

export interface Bot {
  config: Config;
  port: number;
  logger: Logger;
  /** Counted by the process guard, among others (GET /metrics). */
  metrics?: Metrics;
  stop(): Promise<void>;
}

export interface BotOptions extends SlackAppOptions {
  /** Where log lines go (tests capture them to prove what is never logged). */
  logSink?: Sink;
}

export async function startBot(
  env: Record<string, string | undefined>,
  options: BotOptions = {},
): Promise<Bot> {
  const config = loadConfig(env);
  const logger = createLogger(config.logLevel, options.logSink);
  mkdirSync(config.dataDir, { recursive: true });
  const service = await createSegmentService({
    dataDir: config.dataDir,
    limits: config.limits,
    cacheBytes: config.cacheBytes,
    workers: config.jobs.workers,
    log: logger,
  });
  try {
    const running = await startSlackApp(config, service, logger, options);
    const stop = async () => {
      await running.stop();
      await service.close();
    };
    return { config, port: running.port, logger, metrics: running.metrics, stop };
  } catch (error) {
    await service.close();
    throw error;
  }
}

/** The one line printed when the bot cannot start. */
export function startupMessage(error: unknown): string {
  if (error instanceof ConfigError)
    return `${error.message}. See .env.sample and the README (Running it in Slack).`;
  if (error instanceof StartupError) return error.message;
  return `could not start: ${describeError(error)}`;
}

/**
 * V8 lets an old generation grow to up to 4x what survived the last full GC before collecting
 * again. A worker holding a million-row table (~70 MB live) then swings by ~150 MB, and over 2,000
 * commands the bot's RSS went 640 → 810 MB and back; at 1.5x it stays within ~20 MB of its level
 * (npm run bench, "RSS" lines). Process-wide, set before the worker threads start; the bot only.
 */
const HEAP_GROWING_PERCENT = 50;

async function runFromCommandLine(): Promise<void> {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  // Like --env-file, but optional; variables already set win over the file.
  if (existsSync('.env')) process.loadEnvFile('.env');
  // No Slack credential at all: the same bot, against the local playground.
  const playground = wantsPlayground(process.env);
  let bot: Bot;
  try {
    if (playground) {
      const started = await startPlayground(process.env);
      bot = { ...started.bot, stop: started.stop };
      process.stdout.write(`${playgroundLine(started.url)}\n`);
    } else bot = await startBot(process.env);
  } catch (error) {
    process.stderr.write(`segment-bot: ${startupMessage(error)}\n`);
    process.exit(1);
  }
  installProcessGuard(bot.logger, () => bot.metrics?.unexpectedError());
  const where = bot.config.transport.mode === 'socket' ? 'Socket Mode' : `HTTP on port ${bot.port}`;
  if (!playground) bot.logger.info(`segment-bot is running (${where}, data in ${bot.config.dataDir})`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) process.exit(1); // a second signal means "now"
    stopping = true;
    bot.logger.info(`${signal} received; stopping`);
    await bot.stop().catch((error) => bot.logger.error(`stop failed: ${describeError(error)}`));
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(realpathSync(entry)).href) await runFromCommandLine();
