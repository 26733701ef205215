/**
 * The JobQueue contract (src/jobs/queue.ts) as tests over the port only, so
 * any implementation (SQLite today, a Postgres queue later) runs the same
 * suite: `describeJobQueue(name, open)` where `open` gives a fresh queue whose
 * clock the test moves, and `reopen` the same data as after a restart.
 */
import { describe, expect, it } from 'vitest';
import type { JobQueue, NewJob } from '../../src/jobs/queue.ts';
import { PRIORITY } from '../../src/jobs/queue.ts';

export interface QueueHarness {
  queue: JobQueue;
  /** Moves the queue's clock forward. */
  advance(ms: number): void;
  /** The same stored jobs, as a new process would see them. */
  reopen(): JobQueue;
}

export const VISIBILITY_MS = 60_000;
export const MAX_ATTEMPTS = 3;

const job = (channel: string, extra: Partial<NewJob> = {}): NewJob => ({
  kind: 'upload',
  orderingKey: `T1:${channel}`,
  priority: PRIORITY.interactive,
  input: { fileId: `F-${channel}`, fileName: 'customers.csv' },
  slack: { teamId: 'T1', channelId: channel, userId: 'U1', threadTs: '1.1' },
  ...extra,
});

export function describeJobQueue(name: string, open: () => QueueHarness): void {
  describe(`${name}: the JobQueue contract`, () => {
    it('creates one job per dedupe key, however often it is enqueued', async () => {
      const { queue } = open();
      const first = await queue.enqueue(job('CA', { dedupeKey: 'Ev1' }));
      const again = await queue.enqueue(job('CA', { dedupeKey: 'Ev1' }));
      expect(first.created).toBe(true);
      expect(again).toMatchObject({ created: false, job: { id: first.job.id } });
      expect((await queue.stats()).queued).toBe(1);
    });

    it('keeps the dedupe record after the job is done, so a late retry is not run again', async () => {
      const { queue } = open();
      const { job: queued } = await queue.enqueue(job('CA', { dedupeKey: 'EvDone' }));
      const claimed = await queue.claim('w1');
      await queue.complete(claimed!.id, 'w1');
      const retry = await queue.enqueue(job('CA', { dedupeKey: 'EvDone' }));
      expect(retry).toMatchObject({ created: false, job: { id: queued.id, state: 'done' } });
      expect(await queue.claim('w1')).toBeNull();
    });

    it('runs one channel in order, one job at a time, and other channels meanwhile', async () => {
      const { queue } = open();
      const a1 = (await queue.enqueue(job('CA'))).job;
      const a2 = (await queue.enqueue(job('CA', { kind: 'command', input: { text: 'eda' } }))).job;
      const b1 = (await queue.enqueue(job('CB'))).job;
      expect((await queue.claim('w1'))?.id).toBe(a1.id);
      expect((await queue.claim('w2'))?.id).toBe(b1.id);
      expect(await queue.claim('w3')).toBeNull();
      await queue.complete(a1.id, 'w1');
      expect((await queue.claim('w1'))?.id).toBe(a2.id);
    });

    it('claims interactive work before bulk work, and can keep a slot for interactive only', async () => {
      const { queue } = open();
      const bulk = (await queue.enqueue(job('CBIG', { priority: PRIORITY.bulk }))).job;
      const small = (await queue.enqueue(job('CSMALL'))).job;
      expect((await queue.claim('w1', { maxPriority: PRIORITY.interactive }))?.id).toBe(small.id);
      expect(await queue.claim('w1', { maxPriority: PRIORITY.interactive })).toBeNull();
      expect((await queue.claim('w2'))?.id).toBe(bulk.id);
    });

    it('records progress and Slack context from the lease owner only', async () => {
      const { queue } = open();
      const { job: queued } = await queue.enqueue(job('CA'));
      await queue.claim('w1');
      expect(
        await queue.heartbeat(queued.id, 'w1', {
          progress: 'Read 10',
          fraction: 0.4,
          slack: { workingTs: '9.9' },
        }),
      ).toBe(true);
      expect(await queue.heartbeat(queued.id, 'intruder', { progress: 'no' })).toBe(false);
      expect(await queue.complete(queued.id, 'intruder')).toBe(false);
      expect(await queue.get(queued.id)).toMatchObject({
        progress: 'Read 10',
        fraction: 0.4,
        slack: { workingTs: '9.9', threadTs: '1.1', channelId: 'CA' },
        state: 'running',
      });
    });

    it('gives a job back when its lease runs out, and fails it after too many attempts', async () => {
      const harness = open();
      const { queue } = harness;
      const { job: queued } = await queue.enqueue(job('CA'));
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
        const claimed = await queue.claim(`w${attempt}`);
        expect(claimed).toMatchObject({ id: queued.id, attempts: attempt });
        expect((await queue.recover()).requeued).toHaveLength(0); // lease still held
        harness.advance(VISIBILITY_MS + 1);
        const recovered = await queue.recover();
        if (attempt < MAX_ATTEMPTS) expect(recovered.requeued.map((j) => j.id)).toEqual([queued.id]);
        else expect(recovered.failed).toMatchObject([{ id: queued.id, state: 'failed' }]);
      }
      expect(await queue.get(queued.id)).toMatchObject({ state: 'failed' });
      expect(await queue.claim('w9')).toBeNull();
    });

    it('a heartbeat keeps the lease', async () => {
      const harness = open();
      const { queue } = harness;
      const { job: queued } = await queue.enqueue(job('CA'));
      await queue.claim('w1');
      harness.advance(VISIBILITY_MS - 1000);
      await queue.heartbeat(queued.id, 'w1', { progress: 'still going' });
      harness.advance(VISIBILITY_MS - 1000);
      expect((await queue.recover()).requeued).toHaveLength(0);
    });

    it('a released job is queued again without using up an attempt', async () => {
      const { queue } = open();
      const { job: queued } = await queue.enqueue(job('CA'));
      await queue.claim('w1');
      expect(await queue.release(queued.id, 'w1')).toBe(true);
      expect(await queue.get(queued.id)).toMatchObject({ state: 'queued', attempts: 0 });
      expect((await queue.claim('w2'))?.attempts).toBe(1);
    });

    it('after a restart, the running jobs of the old process come back (recover all)', async () => {
      const harness = open();
      const { job: queued } = await harness.queue.enqueue(job('CA'));
      await harness.queue.claim('old-process');
      const restarted = harness.reopen();
      const recovered = await restarted.recover({ all: true });
      expect(recovered.requeued.map((j) => j.id)).toEqual([queued.id]);
      expect((await restarted.claim('new-process'))?.id).toBe(queued.id);
    });

    it('reports depth, running jobs and the age of the oldest unfinished job', async () => {
      const harness = open();
      const { queue } = harness;
      expect(await queue.stats()).toEqual({ queued: 0, running: 0, oldestAgeMs: 0 });
      await queue.enqueue(job('CA'));
      harness.advance(5000);
      await queue.enqueue(job('CB'));
      await queue.claim('w1');
      expect(await queue.stats()).toEqual({ queued: 1, running: 1, oldestAgeMs: 5000 });
      expect((await queue.pending('T1:CA')).map((j) => j.state)).toEqual(['running']);
    });
  });
}
