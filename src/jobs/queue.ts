/**
 * The JobQueue port: every accepted upload and every data command is a job
 * persisted before it is acknowledged, so a crash, a restart or a deploy loses
 * none of them. The embedded implementation is SQLite (store/jobs.ts); a
 * Postgres queue (pg-boss, graphile-worker) shared by several replicas can
 * implement the same port. Methods are async for that reason.
 *
 * The contract every implementation keeps:
 *
 * - **Idempotency.** `enqueue` with a `dedupeKey` that already has a job
 *   returns that job with `created: false` and creates nothing. The dedupe
 *   record and the job are written in one transaction, so an event is never
 *   "seen" without its job, nor queued twice (Slack's retries of one event).
 * - **Ordering.** Jobs of one `orderingKey` (a channel) run one at a time, in
 *   enqueue order: a job is claimable only when it is the oldest queued job of
 *   its key and no job of that key is running. Across keys, `claim` picks the
 *   lowest `priority` first (0 = interactive, 1 = bulk), then the oldest.
 * - **Visibility timeout.** A claim is a lease of `visibilityMs` held by an
 *   owner; `heartbeat` extends it (and records progress). A job whose lease ran
 *   out (its owner died: kill -9, OOM, lost replica) is given back by `recover`
 *   as queued. A single embedded process also recovers all of its own running
 *   jobs at start, since no other process can hold them.
 * - **Retries.** `attempts` counts claims. `recover` gives a job back only
 *   while attempts < `maxAttempts`; beyond that it fails it, so a job that
 *   crashes the process cannot loop forever. `release` (a clean shutdown
 *   handing the job back) does not count as an attempt. Handlers must be
 *   idempotent up to their last visible effect (re-editing the same message is
 *   fine; the upload is saved in one transaction at the end).
 * - **At least once.** A job can run more than once after a crash, never
 *   concurrently with itself: only the lease owner may heartbeat, complete,
 *   fail or release it (calls from a stale owner are ignored and return false).
 */

export type JobKind = 'upload' | 'command';
export type JobState = 'queued' | 'running' | 'done' | 'failed';

/** 0 runs first: cached answers and small files never wait behind bulk work. */
export const PRIORITY = { interactive: 0, bulk: 1 } as const;

/** Everything needed to answer the job after a restart, without the original request. */
export interface SlackContext {
  teamId: string;
  channelId: string;
  userId: string;
  /** The thread the answer belongs in (a shared file's message). */
  threadTs?: string;
  /** The "working" message the job edits with progress and, at the end, its answer. */
  workingTs?: string;
  /** A slash command's response_url and when it stops working (Slack: 30 minutes). */
  responseUrl?: string;
  responseUrlExpiresAt?: string;
}

export type UploadInput = { fileId: string; fileName: string; size?: number };
export type CommandInput = { text: string };
export type JobInput = UploadInput | CommandInput;

export interface NewJob {
  kind: JobKind;
  /** Jobs with the same key run in order, one at a time (team:channel). */
  orderingKey: string;
  priority: number;
  input: JobInput;
  slack: SlackContext;
  /** E.g. the Slack event id: a second enqueue with it creates nothing. */
  dedupeKey?: string;
}

export interface Job extends NewJob {
  id: number;
  state: JobState;
  attempts: number;
  createdAt: Date;
  startedAt: Date | null;
  /** Last progress line and fraction done (0..1), with when it was reported. */
  progress: string | null;
  fraction: number | null;
  progressAt: Date | null;
  error: string | null;
}

export interface Heartbeat {
  progress?: string;
  fraction?: number;
  /** Merged into the job's Slack context (e.g. the working message's ts once posted). */
  slack?: Partial<SlackContext>;
}

export interface QueueStats {
  queued: number;
  running: number;
  /** Age of the oldest unfinished (queued or running) job, 0 when there is none. */
  oldestAgeMs: number;
}

export interface Recovered {
  requeued: Job[];
  /** Jobs over their attempts: the caller tells their thread what happened. */
  failed: Job[];
}

export interface ClaimOptions {
  /** Only jobs with priority <= this (a worker slot kept for interactive work). */
  maxPriority?: number;
}

export interface JobQueue {
  enqueue(job: NewJob): Promise<{ job: Job; created: boolean }>;
  /** The next claimable job, leased to `owner`, or null. */
  claim(owner: string, options?: ClaimOptions): Promise<Job | null>;
  heartbeat(id: number, owner: string, beat?: Heartbeat): Promise<boolean>;
  complete(id: number, owner: string): Promise<boolean>;
  fail(id: number, owner: string, error: string): Promise<boolean>;
  /** Back to queued without counting the attempt (clean shutdown). */
  release(id: number, owner: string): Promise<boolean>;
  /** Gives back jobs whose lease expired (all running jobs when `all`), failing those out of attempts. */
  recover(options?: { all?: boolean }): Promise<Recovered>;
  get(id: number): Promise<Job | null>;
  /** Unfinished jobs of one ordering key, oldest first (what a channel is waiting for). */
  pending(orderingKey: string): Promise<Job[]>;
  stats(): Promise<QueueStats>;
}

export const orderingKeyOf = (teamId: string, channelId: string) => `${teamId}:${channelId}`;
