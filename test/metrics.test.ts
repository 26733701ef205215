import { describe, expect, it } from 'vitest';
import type { JobQueue } from '../src/jobs/queue.ts';
import { createMetrics } from '../src/metrics.ts';

const queue = {
  stats: async () => ({ queued: 3, running: 1, oldestAgeMs: 4500 }),
} as unknown as JobQueue;

describe('metrics', () => {
  it('speaks Prometheus text: jobs, queue gauges, request latency, refusals, unexpected errors', async () => {
    const metrics = createMetrics(queue, { defaults: false });
    metrics.jobFinished('upload', 'done', 1200);
    metrics.jobFinished('command', 'stalled', 300_000);
    metrics.request(200, 12);
    metrics.refused(400);
    metrics.unexpectedError();
    const text = await metrics.text();
    expect(metrics.contentType).toMatch(/^text\/plain/);
    expect(text).toContain('segment_bot_jobs_finished_total{kind="upload",outcome="done"} 1');
    expect(text).toContain('segment_bot_jobs_finished_total{kind="command",outcome="stalled"} 1');
    expect(text).toContain('segment_bot_job_duration_seconds_count{kind="upload"} 1');
    expect(text).toContain('segment_bot_jobs_queued 3');
    expect(text).toContain('segment_bot_jobs_running 1');
    expect(text).toContain('segment_bot_oldest_job_age_seconds 4.5');
    expect(text).toContain('segment_bot_slack_request_duration_seconds_bucket{le="0.025",status="200"} 1');
    expect(text).toContain('segment_bot_requests_refused_total{status="400"} 1');
    expect(text).toContain('segment_bot_unexpected_errors_total 1');
  });

  it('gives each analysis worker’s heap and cache, and drops a worker that is gone', async () => {
    let workers = [
      { worker: 0, heapUsedBytes: 50e6, cacheBytes: 1234, cacheMaxBytes: 268435456, cacheEntries: 3 },
      { worker: 1, heapUsedBytes: 70e6, cacheBytes: 0, cacheMaxBytes: 268435456, cacheEntries: 0 },
    ];
    const metrics = createMetrics(undefined, { defaults: false, workers: () => workers });
    const text = await metrics.text();
    expect(text).toContain('segment_bot_worker_heap_used_bytes{worker="0"} 50000000');
    expect(text).toContain('segment_bot_worker_heap_used_bytes{worker="1"} 70000000');
    expect(text).toContain('segment_bot_worker_cache_bytes{worker="0"} 1234');
    expect(text).toContain('segment_bot_worker_cache_max_bytes{worker="1"} 268435456');
    expect(text).toContain('segment_bot_worker_cache_entries{worker="0"} 3');
    workers = workers.slice(0, 1);
    expect(await metrics.text()).not.toContain('worker="1"');
  });

  it('keeps each bot its own registry, with the process defaults when asked', async () => {
    const a = createMetrics(undefined);
    const b = createMetrics(undefined, { defaults: false });
    a.refused(413);
    expect(await a.text()).toContain('segment_bot_process_resident_memory_bytes');
    expect(await b.text()).not.toContain('segment_bot_requests_refused_total{status="413"}');
  });
});
