/**
 * Config → a started Bolt App. Socket Mode when an app token is configured,
 * HTTP otherwise (POST /slack/events, GET /healthz). The Web API client's own
 * retries are off: deliver.ts retries every call with one bounded policy, so a
 * failure reaches the user in seconds rather than after Bolt's default ~30
 * minutes. auth.test runs under our own error handling (deferInitialization)
 * so a bad token or an unreachable API is one clear start-up line.
 */
import type { AddressInfo, Server } from 'node:net';
import { App, type CustomRoute, HTTPReceiver, type Logger, type LogLevel } from '@slack/bolt';
import type { Config } from '../config.ts';
import type { JobRunner } from '../jobs/runner.ts';
import { describeError } from '../log.ts';
import { createMetrics, type Metrics } from '../metrics.ts';
import type { SegmentService } from '../service.ts';
import { createJobRunner, type JobDeps, recoverJobs } from './jobs/index.ts';
import { registerListeners } from './listeners/index.ts';
import { DEFAULT_GUARD, guardRequests } from './request-guard.ts';
import { DEFAULT_RETRY, type RetryPolicy, slackErrorCode } from './retry.ts';

export interface SlackAppOptions {
  retry?: RetryPolicy;
  progressIntervalMs?: number;
}

export interface RunningSlackApp {
  app: App;
  metrics: Metrics;
  /** The HTTP port actually bound (useful with PORT=0). */
  port: number;
  stop(): Promise<void>;
}

/** A start-up failure with a message fit for one line on the console. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

const TOKEN_ERRORS = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
]);

/** What /healthz adds to `ok`: queue depth, running jobs, the oldest job's age. */
export type HealthProbe = () => Promise<Record<string, unknown>>;

function healthz(probe: HealthProbe | undefined, logger: Logger): CustomRoute {
  return {
    path: '/healthz',
    method: ['GET'],
    handler: (_req, res) => {
      const send = (status: number, body: Record<string, unknown>) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (!probe) return send(200, { ok: true });
      probe().then(
        (details) => send(200, { ok: true, ...details }),
        (error) => {
          logger.error(`/healthz probe failed: ${describeError(error)}`);
          send(503, { ok: false });
        },
      );
    },
  };
}

function metricsRoute(metrics: Metrics): CustomRoute {
  return {
    path: '/metrics',
    method: ['GET'],
    handler: (_req, res) => {
      metrics.text().then(
        (text) => {
          res.writeHead(200, { 'content-type': metrics.contentType });
          res.end(text);
        },
        () => {
          res.writeHead(500);
          res.end();
        },
      );
    },
  };
}

export function buildApp(config: Config, logger: Logger, health?: HealthProbe, metrics?: Metrics): App {
  const common = {
    token: config.botToken,
    logger,
    // Bolt resets its logger to INFO unless told the level.
    logLevel: config.logLevel as LogLevel,
    deferInitialization: true,
    customRoutes: [healthz(health, logger), ...(metrics ? [metricsRoute(metrics)] : [])],
    clientOptions: {
      slackApiUrl: config.slackApiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      timeout: config.apiTimeoutMs,
    },
  };
  if (config.transport.mode === 'socket') {
    const installerOptions = { port: config.port };
    return new App({ ...common, socketMode: true, appToken: config.transport.appToken, installerOptions });
  }
  const receiver = new HTTPReceiver({
    signingSecret: config.transport.signingSecret,
    customRoutes: common.customRoutes,
    logger,
    logLevel: common.logLevel,
    // The HTTP answer waits for the listener: a job is persisted before Slack hears "200".
    processBeforeResponse: true,
  });
  // Every request passes the guard before Bolt parses it (see request-guard.ts).
  const guarded = guardRequests(receiver.requestListener, DEFAULT_GUARD, {
    onReject: (status, reason) => {
      metrics?.refused(status);
      logger.warn(`refused a request (answered ${status}): ${reason}`);
    },
    onError: (error) => logger.error(`request listener failed: ${describeError(error)}`),
  });
  receiver.requestListener = (req, res) => {
    if (metrics && req.method === 'POST') {
      const started = performance.now();
      res.on('finish', () => metrics.request(res.statusCode, performance.now() - started));
    }
    guarded(req, res);
  };
  const { customRoutes: _routes, ...rest } = common;
  return new App({ ...rest, receiver });
}

export async function startSlackApp(
  config: Config,
  service: SegmentService,
  logger: Logger,
  options: SlackAppOptions = {},
): Promise<RunningSlackApp> {
  let runner: JobRunner | undefined;
  const health: HealthProbe = async () => {
    const stats = await service.jobs.stats();
    return { jobs: { ...stats, runningHere: runner?.active ?? 0 } };
  };
  const metrics = createMetrics(service.jobs, { workers: () => service.memory() });
  const app = buildApp(config, logger, health, metrics);
  const deps: JobDeps = {
    service,
    fileHost: config.fileHost,
    maxFileBytes: config.limits.maxBytes,
    download: config.download,
    jobs: service.jobs,
    poke: () => runner?.poke(),
    retry: { uploadTimeoutMs: config.apiTimeoutMs, ...(options.retry ?? DEFAULT_RETRY) },
    progressIntervalMs: options.progressIntervalMs ?? 2000,
    client: app.client,
    logger,
    botToken: config.botToken,
  };
  registerListeners(app, deps);
  app.error(async (error) => {
    logger.error(`unhandled listener error: ${describeError(error.original ?? error)}`);
  });
  await initialize(app, config);
  await recoverJobs(deps, service.jobs);
  runner = createJobRunner(deps, service.jobs, {
    slots: config.jobs.workers,
    stallMs: config.jobs.stallMs,
    onFinished: (job, outcome, ms) => metrics.jobFinished(job.kind, outcome, ms),
  });
  const port = await listen(app, config);
  runner.start();
  const started = runner;
  return {
    app,
    metrics,
    port,
    stop: async () => {
      // No new requests, then running jobs get their deadline, then the rest go back to the queue.
      await app.stop().catch((error) => logger.warn(`stopping the receiver: ${describeError(error)}`));
      const { finished, released } = await started.stop(config.jobs.shutdownDeadlineMs);
      logger.info(`stopped: ${finished} running job(s) finished, ${released} handed back to the queue`);
    },
  };
}

async function initialize(app: App, config: Config): Promise<void> {
  try {
    await app.init();
  } catch (error) {
    const code = slackErrorCode(error);
    if (code && TOKEN_ERRORS.has(code)) {
      throw new StartupError(`Slack rejected SLACK_BOT_TOKEN (${code}); copy the Bot User OAuth Token again`);
    }
    const why = code ?? networkCause(error) ?? describeError(error);
    throw new StartupError(
      `could not check SLACK_BOT_TOKEN with auth.test at ${config.slackApiUrl} (${why})`,
    );
  }
}

/** "fetch failed" says little; the socket error under it (ECONNREFUSED, ENOTFOUND…) says what to fix. */
function networkCause(error: unknown): string | undefined {
  const original = (error as { original?: { cause?: { code?: unknown; message?: unknown } } }).original;
  const cause = original?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  return typeof cause?.message === 'string' ? cause.message : undefined;
}

async function listen(app: App, config: Config): Promise<number> {
  try {
    if (config.transport.mode === 'socket') {
      await app.start();
      return config.port;
    }
    const server = (await app.start({
      port: config.port,
      ...(config.host ? { host: config.host } : {}),
    })) as Server;
    return (server.address() as AddressInfo).port;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'EADDRINUSE') throw new StartupError(`port ${config.port} is already in use; set PORT`);
    throw new StartupError(`could not start the ${config.transport.mode} receiver: ${describeError(error)}`);
  }
}
