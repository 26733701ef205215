/**
 * What operators scrape at GET /metrics (Prometheus text format), through
 * prom-client: the de-facto Node client, maintained, with the process
 * defaults (RSS, heap, event-loop lag, GC) that tell a blocked loop or a leak
 * at a glance. One registry per bot, so tests can run several bots in one
 * process without sharing counters.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { JobQueue } from './jobs/queue.ts';

export interface Metrics {
  readonly registry: Registry;
  jobFinished(kind: string, outcome: string, ms: number): void;
  /** One POST to /slack/events, from its first byte to the answer. */
  request(status: number, ms: number): void;
  refused(status: number): void;
  unexpectedError(): void;
  /** The Prometheus text for a scrape. */
  text(): Promise<string>;
  readonly contentType: string;
}

/** One analysis worker's memory as it last reported it (worker/pool.ts `memoryReport`). */
export interface WorkerMemory {
  worker: number;
  heapUsedBytes: number;
  cacheBytes: number;
  cacheMaxBytes: number;
  cacheEntries: number;
}

export function createMetrics(
  queue: JobQueue | undefined,
  options: {
    defaults?: boolean;
    /**
     * The workers' memory. The process defaults cover only the main thread's heap, while the
     * tables, analyses and charts live in the workers' heaps and caches (CACHE_MAX_MB each).
     */
    workers?: () => WorkerMemory[];
  } = {},
): Metrics {
  const registry = new Registry();
  if (options.defaults ?? true) collectDefaultMetrics({ register: registry, prefix: 'segment_bot_' });
  const jobs = new Counter({
    name: 'segment_bot_jobs_finished_total',
    help: 'Jobs that left the running state, by kind and outcome (done, failed, stalled, released).',
    labelNames: ['kind', 'outcome'],
    registers: [registry],
  });
  const jobSeconds = new Histogram({
    name: 'segment_bot_job_duration_seconds',
    help: 'Time from claim to finish, by kind.',
    labelNames: ['kind'],
    buckets: [0.05, 0.25, 1, 2.5, 5, 10, 30, 60, 120, 300],
    registers: [registry],
  });
  const requestSeconds = new Histogram({
    name: 'segment_bot_slack_request_duration_seconds',
    help: 'POSTs to /slack/events from first byte to answer (Slack gives up at 3 s), by status.',
    labelNames: ['status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 3, 10],
    registers: [registry],
  });
  const refused = new Counter({
    name: 'segment_bot_requests_refused_total',
    help: 'Requests the guard refused before Bolt saw them (400 malformed, 408 too slow, 413 too large).',
    labelNames: ['status'],
    registers: [registry],
  });
  const unexpected = new Counter({
    name: 'segment_bot_unexpected_errors_total',
    help: 'Errors caught by the process-level guard (each logged with an id); the bot kept serving.',
    registers: [registry],
  });
  if (queue) {
    let stats: ReturnType<JobQueue['stats']> | undefined;
    // One stats query per scrape, shared by the three gauges.
    const current = () => {
      stats ??= queue.stats().finally(() => setTimeout(() => (stats = undefined), 0));
      return stats;
    };
    const gauge = (name: string, help: string, pick: (s: Awaited<ReturnType<JobQueue['stats']>>) => number) =>
      new Gauge({
        name,
        help,
        registers: [registry],
        async collect() {
          this.set(pick(await current()));
        },
      });
    gauge('segment_bot_jobs_queued', 'Jobs waiting to run.', (s) => s.queued);
    gauge('segment_bot_jobs_running', 'Jobs running now.', (s) => s.running);
    gauge(
      'segment_bot_oldest_job_age_seconds',
      'Age of the oldest unfinished job.',
      (s) => s.oldestAgeMs / 1000,
    );
  }
  const { workers } = options;
  if (workers) {
    const gauge = (name: string, help: string, pick: (m: WorkerMemory) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ['worker'],
        registers: [registry],
        collect() {
          // Only the workers running now: one that died is no longer reported.
          this.reset();
          for (const m of workers()) this.set({ worker: String(m.worker) }, pick(m));
        },
      });
    gauge(
      'segment_bot_worker_heap_used_bytes',
      'V8 heap in use in each analysis worker thread, as last reported (after each request, and every 10 s).',
      (m) => m.heapUsedBytes,
    );
    gauge(
      'segment_bot_worker_cache_bytes',
      'Bytes held by each worker’s cache of tables, analyses and charts, as weighed on entry.',
      (m) => m.cacheBytes,
    );
    gauge(
      'segment_bot_worker_cache_max_bytes',
      'Each worker’s cache budget (CACHE_MAX_MB).',
      (m) => m.cacheMaxBytes,
    );
    gauge('segment_bot_worker_cache_entries', 'Entries in each worker’s cache.', (m) => m.cacheEntries);
  }
  return {
    registry,
    contentType: registry.contentType,
    jobFinished: (kind, outcome, ms) => {
      jobs.inc({ kind, outcome });
      jobSeconds.observe({ kind }, ms / 1000);
    },
    request: (status, ms) => requestSeconds.observe({ status: String(status) }, ms / 1000),
    refused: (status) => refused.inc({ status: String(status) }),
    unexpectedError: () => unexpected.inc(),
    text: () => registry.metrics(),
  };
}
