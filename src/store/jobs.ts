/**
 * The embedded JobQueue: jobs in the bot's SQLite file. Every state change is
 * one small indexed statement (or one IMMEDIATE transaction for a claim), so
 * it is safe on the event loop. See jobs/queue.ts for the contract.
 */
import { z } from 'zod';
import type {
  ClaimOptions,
  Heartbeat,
  Job,
  JobQueue,
  NewJob,
  QueueStats,
  Recovered,
  SlackContext,
} from '../jobs/queue.ts';
import type { Database } from './db.ts';

export interface SqliteJobQueueOptions {
  /** How long a claim holds a job without a heartbeat. */
  visibilityMs?: number;
  maxAttempts?: number;
  /** Finished jobs (and their dedupe keys) are kept this long. */
  keepFinishedMs?: number;
  clock?: () => Date;
}

const row = z.object({
  id: z.number().int(),
  kind: z.enum(['upload', 'command']),
  ordering_key: z.string(),
  priority: z.number().int(),
  state: z.enum(['queued', 'running', 'done', 'failed']),
  input: z.string(),
  slack: z.string(),
  dedupe_key: z.string().nullable(),
  attempts: z.number().int(),
  created_at: z.number(),
  started_at: z.number().nullable(),
  progress: z.string().nullable(),
  fraction: z.number().nullable(),
  progress_at: z.number().nullable(),
  error: z.string().nullable(),
});

const date = (ms: number | null) => (ms === null ? null : new Date(ms));

function toJob(raw: unknown): Job {
  const r = row.parse(raw);
  return {
    id: r.id,
    kind: r.kind,
    orderingKey: r.ordering_key,
    priority: r.priority,
    state: r.state,
    input: JSON.parse(r.input),
    slack: JSON.parse(r.slack) as SlackContext,
    ...(r.dedupe_key === null ? {} : { dedupeKey: r.dedupe_key }),
    attempts: r.attempts,
    createdAt: new Date(r.created_at),
    startedAt: date(r.started_at),
    progress: r.progress,
    fraction: r.fraction,
    progressAt: date(r.progress_at),
    error: r.error,
  };
}

const CLAIMABLE = `
SELECT j.* FROM jobs j
WHERE j.state = 'queued' AND j.priority <= ?
  AND NOT EXISTS (SELECT 1 FROM jobs r WHERE r.ordering_key = j.ordering_key AND r.state = 'running')
  AND NOT EXISTS (SELECT 1 FROM jobs e WHERE e.ordering_key = j.ordering_key AND e.state = 'queued' AND e.id < j.id)
ORDER BY j.priority, j.id LIMIT 1`;

export class SqliteJobQueue implements JobQueue {
  private readonly visibilityMs: number;
  private readonly maxAttempts: number;
  private readonly keepFinishedMs: number;
  private readonly clock: () => Date;

  constructor(
    private readonly db: Database,
    options: SqliteJobQueueOptions = {},
  ) {
    this.visibilityMs = options.visibilityMs ?? 10 * 60_000;
    this.maxAttempts = options.maxAttempts ?? 3;
    this.keepFinishedMs = options.keepFinishedMs ?? 24 * 60 * 60_000;
    this.clock = options.clock ?? (() => new Date());
  }

  private now = () => this.clock().getTime();

  async enqueue(job: NewJob): Promise<{ job: Job; created: boolean }> {
    const insert = this.db.transaction(() => {
      const now = this.now();
      if (job.dedupeKey) {
        // The event's dedupe record, in the same transaction as its job.
        this.db
          .prepare('INSERT OR IGNORE INTO seen_events (event_id, seen_at) VALUES (?, ?)')
          .run(job.dedupeKey, new Date(now).toISOString());
        const existing = this.db.prepare('SELECT * FROM jobs WHERE dedupe_key = ?').get(job.dedupeKey);
        if (existing) return { job: toJob(existing), created: false };
      }
      const result = this.db
        .prepare(
          `INSERT INTO jobs (kind, ordering_key, priority, state, input, slack, dedupe_key, created_at)
           VALUES (?, ?, ?, 'queued', ?, ?, ?, ?)`,
        )
        .run(
          job.kind,
          job.orderingKey,
          job.priority,
          JSON.stringify(job.input),
          JSON.stringify(job.slack),
          job.dedupeKey ?? null,
          now,
        );
      const created = this.db.prepare('SELECT * FROM jobs WHERE id = ?').get(result.lastInsertRowid);
      return { job: toJob(created), created: true };
    });
    this.prune();
    return insert.immediate();
  }

  async claim(owner: string, options: ClaimOptions = {}): Promise<Job | null> {
    const take = this.db.transaction(() => {
      const found = this.db.prepare(CLAIMABLE).get(options.maxPriority ?? Number.MAX_SAFE_INTEGER);
      if (!found) return null;
      const now = this.now();
      const { id } = row.pick({ id: true }).parse(found);
      this.db
        .prepare(
          `UPDATE jobs SET state = 'running', owner = ?, locked_until = ?, attempts = attempts + 1,
             started_at = ?, progress_at = ? WHERE id = ?`,
        )
        .run(owner, now + this.visibilityMs, now, now, id);
      return toJob(this.db.prepare('SELECT * FROM jobs WHERE id = ?').get(id));
    });
    return take.immediate();
  }

  async heartbeat(id: number, owner: string, beat: Heartbeat = {}): Promise<boolean> {
    const now = this.now();
    const held = this.db
      .prepare("SELECT slack FROM jobs WHERE id = ? AND owner = ? AND state = 'running'")
      .get(id, owner) as { slack: string } | undefined;
    if (!held) return false;
    const slack = beat.slack ? JSON.stringify({ ...JSON.parse(held.slack), ...beat.slack }) : held.slack;
    this.db
      .prepare(
        `UPDATE jobs SET locked_until = ?, slack = ?,
           progress = coalesce(?, progress), fraction = coalesce(?, fraction),
           progress_at = CASE WHEN ? OR ? THEN ? ELSE progress_at END
         WHERE id = ?`,
      )
      .run(
        now + this.visibilityMs,
        slack,
        beat.progress ?? null,
        beat.fraction ?? null,
        beat.progress === undefined ? 0 : 1,
        beat.fraction === undefined ? 0 : 1,
        now,
        id,
      );
    return true;
  }

  async complete(id: number, owner: string): Promise<boolean> {
    return this.finish(id, owner, 'done', null);
  }

  async fail(id: number, owner: string, error: string): Promise<boolean> {
    return this.finish(id, owner, 'failed', error);
  }

  async release(id: number, owner: string): Promise<boolean> {
    const result = this.db
      .prepare(
        `UPDATE jobs SET state = 'queued', owner = NULL, locked_until = NULL, attempts = max(attempts - 1, 0)
         WHERE id = ? AND owner = ? AND state = 'running'`,
      )
      .run(id, owner);
    return result.changes === 1;
  }

  async recover(options: { all?: boolean } = {}): Promise<Recovered> {
    const sweep = this.db.transaction(() => {
      const expired = this.db
        .prepare("SELECT * FROM jobs WHERE state = 'running' AND (? OR locked_until < ?) ORDER BY id")
        .all(options.all ? 1 : 0, this.now())
        .map(toJob);
      const recovered: Recovered = { requeued: [], failed: [] };
      for (const job of expired) {
        if (job.attempts >= this.maxAttempts) {
          const why = `stopped ${job.attempts} times before finishing`;
          this.db
            .prepare(
              "UPDATE jobs SET state = 'failed', owner = NULL, error = ?, finished_at = ? WHERE id = ?",
            )
            .run(why, this.now(), job.id);
          recovered.failed.push({ ...job, state: 'failed', error: why });
        } else {
          this.db
            .prepare("UPDATE jobs SET state = 'queued', owner = NULL, locked_until = NULL WHERE id = ?")
            .run(job.id);
          recovered.requeued.push({ ...job, state: 'queued' });
        }
      }
      return recovered;
    });
    return sweep.immediate();
  }

  async get(id: number): Promise<Job | null> {
    const found = this.db.prepare('SELECT * FROM jobs WHERE id = ?').get(id);
    return found ? toJob(found) : null;
  }

  async pending(orderingKey: string): Promise<Job[]> {
    return this.db
      .prepare("SELECT * FROM jobs WHERE ordering_key = ? AND state IN ('queued', 'running') ORDER BY id")
      .all(orderingKey)
      .map(toJob);
  }

  async stats(): Promise<QueueStats> {
    const counts = this.db
      .prepare(
        `SELECT sum(state = 'queued') AS queued, sum(state = 'running') AS running, min(created_at) AS oldest
         FROM jobs WHERE state IN ('queued', 'running')`,
      )
      .get() as { queued: number | null; running: number | null; oldest: number | null };
    return {
      queued: counts.queued ?? 0,
      running: counts.running ?? 0,
      oldestAgeMs: counts.oldest === null ? 0 : Math.max(0, this.now() - counts.oldest),
    };
  }

  private finish(id: number, owner: string, state: 'done' | 'failed', error: string | null): boolean {
    const result = this.db
      .prepare(
        `UPDATE jobs SET state = ?, error = ?, owner = NULL, locked_until = NULL, finished_at = ?
         WHERE id = ? AND owner = ? AND state = 'running'`,
      )
      .run(state, error, this.now(), id, owner);
    return result.changes === 1;
  }

  private prune(): void {
    this.db
      .prepare("DELETE FROM jobs WHERE state IN ('done', 'failed') AND finished_at < ?")
      .run(this.now() - this.keepFinishedMs);
  }
}
