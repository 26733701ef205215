/**
 * Runs queued jobs: a fixed number of slots, one of them kept for interactive
 * work (so a small file or a cached answer never waits behind a big upload),
 * a watchdog that fails a job making no progress, and a clean stop that lets
 * running jobs finish up to a deadline and hands the rest back to the queue.
 *
 * A job the watchdog gave up on is failed in the queue at once, so the
 * handler's late completion is ignored (only running jobs can complete), and
 * handlers check their signal before delivering anything.
 */
import type { Logger } from '@slack/bolt';
import { describeError } from '../log.ts';
import { type Heartbeat, type Job, type JobKind, type JobQueue, PRIORITY } from './queue.ts';

export interface JobContext {
  /** Aborted when the watchdog gives up or the process stops; the reason says which. */
  signal: AbortSignal;
  report(beat: Heartbeat): Promise<void>;
}

export type JobHandler = (job: Job, context: JobContext) => Promise<void>;

export type StopReason = 'stalled' | 'shutdown';

export interface RunnerHooks {
  /** The job ran out of time without progress and was failed: tell its thread. */
  onStalled?(job: Job, stallMs: number): Promise<void>;
  /** The handler threw (a bug): the job is failed; tell its thread with the error id. */
  onCrashed?(job: Job, errorId: string): Promise<void>;
  /** The process stops before the job finished; it is queued again. */
  onReleased?(job: Job): Promise<void>;
  /** Every finished job, for metrics. */
  onFinished?(job: Job, outcome: 'done' | 'failed' | 'stalled' | 'released', ms: number): void;
}

export interface RunnerOptions {
  queue: JobQueue;
  handlers: Record<JobKind, JobHandler>;
  logger: Logger;
  /** Jobs at once (at least 2: one slot is kept for interactive jobs). */
  slots: number;
  /** A running job with no progress report for this long is failed. */
  stallMs: number;
  /** How often the queue is looked at without a poke (other replicas, retries). */
  pollMs?: number;
  hooks?: RunnerHooks;
  name?: string;
  newErrorId: () => string;
}

interface Running {
  job: Job;
  owner: string;
  controller: AbortController;
  lastProgress: number;
  started: number;
  done: Promise<void>;
}

export class JobRunner {
  private readonly running = new Map<number, Running>();
  private stopping = false;
  private filling = false;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private watchdog: NodeJS.Timeout | undefined;
  private readonly slots: number;
  private readonly name: string;

  constructor(private readonly options: RunnerOptions) {
    this.slots = Math.max(2, options.slots);
    this.name = options.name ?? `runner-${process.pid}`;
  }

  start(): void {
    this.timer = setInterval(() => this.poke(), this.options.pollMs ?? 1000);
    this.timer.unref();
    this.watchdog = setInterval(() => this.checkStalls(), Math.max(50, this.options.stallMs / 4));
    this.watchdog.unref();
    this.poke();
  }

  get active(): number {
    return this.running.size;
  }

  /** Something was enqueued or finished: fill free slots now. */
  poke(): void {
    if (this.stopping) return;
    if (this.filling) {
      this.again = true;
      return;
    }
    this.filling = true;
    void this.fill()
      .catch((error) => this.options.logger.error(`job runner: claiming failed: ${describeError(error)}`))
      .finally(() => {
        this.filling = false;
        if (this.again) {
          this.again = false;
          this.poke();
        }
      });
  }

  /** Stops claiming; waits for running jobs up to `deadlineMs`, then releases the rest to the queue. */
  async stop(deadlineMs: number): Promise<{ finished: number; released: number }> {
    this.stopping = true;
    clearInterval(this.timer);
    clearInterval(this.watchdog);
    const waiting = [...this.running.values()];
    let timeout: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      timeout = setTimeout(resolve, deadlineMs);
    });
    await Promise.race([Promise.all(waiting.map((r) => r.done)), deadline]);
    clearTimeout(timeout);
    const left = [...this.running.values()];
    for (const r of left) {
      this.running.delete(r.job.id);
      r.controller.abort('shutdown' satisfies StopReason);
      await this.options.queue.release(r.job.id, r.owner);
      this.options.logger.info(`job ${r.job.id} (${r.job.kind}) handed back to the queue at shutdown`);
      this.options.hooks?.onFinished?.(r.job, 'released', Date.now() - r.started);
      await this.options.hooks?.onReleased?.(await this.latest(r.job)).catch(() => undefined);
    }
    return { finished: waiting.length - left.length, released: left.length };
  }

  private async fill(): Promise<void> {
    while (!this.stopping && this.running.size < this.slots) {
      const bulkRunning = [...this.running.values()].filter((r) => r.job.priority > PRIORITY.interactive);
      // The last free slot only takes interactive work.
      const keepForInteractive = this.running.size + 1 >= this.slots || bulkRunning.length >= this.slots - 1;
      const claimOptions = keepForInteractive ? { maxPriority: PRIORITY.interactive } : {};
      const job = await this.options.queue.claim(this.name, claimOptions);
      if (!job) return;
      this.launch(job);
    }
  }

  private launch(claimed: Job): void {
    const owner = this.name;
    const controller = new AbortController();
    const now = Date.now();
    const entry: Running = {
      job: claimed,
      owner,
      controller,
      lastProgress: now,
      started: now,
      done: Promise.resolve(),
    };
    const context: JobContext = {
      signal: controller.signal,
      report: async (beat) => {
        if (controller.signal.aborted) return;
        entry.lastProgress = Date.now();
        await this.options.queue.heartbeat(claimed.id, owner, beat);
      },
    };
    this.running.set(claimed.id, entry);
    this.options.logger.info(
      `job ${claimed.id} (${claimed.kind}) started in ${claimed.orderingKey}, attempt ${claimed.attempts}`,
    );
    entry.done = this.execute(entry, context);
  }

  private async execute(entry: Running, context: JobContext): Promise<void> {
    const { job, owner, controller } = entry;
    const { queue, logger, hooks } = this.options;
    try {
      await this.options.handlers[job.kind](job, context);
      if (controller.signal.aborted) return;
      await queue.complete(job.id, owner);
      logger.info(`job ${job.id} (${job.kind}) done in ${Date.now() - entry.started} ms`);
      hooks?.onFinished?.(job, 'done', Date.now() - entry.started);
    } catch (error) {
      if (controller.signal.aborted) return;
      const id = this.options.newErrorId();
      logger.error(`job ${job.id} (${job.kind}) failed [${id}]: ${describeError(error)}`);
      await queue.fail(job.id, owner, `bug [${id}]`);
      hooks?.onFinished?.(job, 'failed', Date.now() - entry.started);
      await hooks?.onCrashed?.(await this.latest(job), id).catch(() => undefined);
    } finally {
      if (this.running.get(job.id) === entry) this.running.delete(job.id);
      this.poke();
    }
  }

  /** The job as stored now: its Slack context may have grown (the working message's ts). */
  private async latest(job: Job): Promise<Job> {
    return (await this.options.queue.get(job.id).catch(() => null)) ?? job;
  }

  private checkStalls(): void {
    const now = Date.now();
    for (const entry of this.running.values()) {
      if (now - entry.lastProgress < this.options.stallMs) continue;
      this.running.delete(entry.job.id);
      entry.controller.abort('stalled' satisfies StopReason);
      const { queue, logger, hooks, stallMs } = this.options;
      logger.warn(`job ${entry.job.id} (${entry.job.kind}) made no progress for ${stallMs} ms; failed`);
      void queue
        .fail(entry.job.id, entry.owner, `no progress for ${stallMs} ms`)
        .then(() => hooks?.onFinished?.(entry.job, 'stalled', now - entry.started))
        .then(() => this.latest(entry.job))
        .then((latest) => hooks?.onStalled?.(latest, stallMs))
        .catch((error) => logger.error(`job ${entry.job.id}: watchdog: ${describeError(error)}`))
        .finally(() => this.poke());
    }
  }
}
