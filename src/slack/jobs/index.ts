/**
 * The job runner as the Slack app uses it: handlers per job kind, and the
 * hooks that tell a thread what happened when a job cannot finish (stalled,
 * crashed, paused by a restart, or given up after repeated crashes).
 */
import type { CommandInput, Job, JobQueue, UploadInput } from '../../jobs/queue.ts';
import { JobRunner, type RunnerHooks } from '../../jobs/runner.ts';
import { describeError, newErrorId } from '../../log.ts';
import { apology, jobGaveUp, jobPaused, jobStalled, type SlackMessage } from '../blocks/index.ts';
import { Deliverer } from '../deliver.ts';
import { commandJob, jobResponder } from './command.ts';
import { type JobDeps, uploadJob } from './upload.ts';

export type { JobDeps } from './upload.ts';

export interface RunnerSettings {
  slots: number;
  stallMs: number;
  pollMs?: number;
  onFinished?: RunnerHooks['onFinished'];
}

/** What the job was doing, in words for its thread. */
function describeJob(job: Job): string {
  if (job.kind === 'upload') return `reading ${(job.input as UploadInput).fileName}`;
  return `\`/segment ${(job.input as CommandInput).text.trim().split(/\s+/)[0] ?? ''}\``;
}

/** Edits the upload's working message (or posts in its thread); answers a command privately. */
async function tellJob(deps: JobDeps, job: Job, message: SlackMessage): Promise<void> {
  const deliverer = new Deliverer(deps.client, deps.logger, deps.retry);
  const { slack } = job;
  try {
    if (job.kind === 'command') {
      await deliverer.respond(jobResponder(job, deliverer), message);
    } else if (slack.workingTs) {
      await deliverer.update(slack.channelId, slack.workingTs, message);
    } else {
      await deliverer.post(
        { channel: slack.channelId, ...(slack.threadTs ? { threadTs: slack.threadTs } : {}) },
        message,
      );
    }
  } catch (error) {
    deps.logger.error(`job ${job.id}: could not tell its thread: ${describeError(error)}`);
  }
}

export function createJobRunner(deps: JobDeps, queue: JobQueue, settings: RunnerSettings): JobRunner {
  let botUserId: Promise<string | undefined> | undefined;
  const whoAmI = () => {
    botUserId ??= deps.client.auth.test().then(
      (r) => r.user_id,
      () => undefined,
    );
    return botUserId;
  };
  return new JobRunner({
    queue,
    logger: deps.logger,
    slots: settings.slots,
    stallMs: settings.stallMs,
    ...(settings.pollMs ? { pollMs: settings.pollMs } : {}),
    newErrorId,
    handlers: { upload: uploadJob(deps), command: commandJob(deps, whoAmI) },
    hooks: {
      onStalled: (job, stallMs) => tellJob(deps, job, jobStalled(describeJob(job), stallMs)),
      onCrashed: (job, id) => tellJob(deps, job, apology(id)),
      ...(settings.onFinished ? { onFinished: settings.onFinished } : {}),
      onReleased: async (job) => {
        if (job.kind === 'upload' && job.slack.workingTs)
          await tellJob(deps, job, jobPaused(describeJob(job)));
      },
    },
  });
}

/**
 * At start: the previous process's running jobs go back to the queue (they
 * resume), and those that already stopped the bot too often are failed with
 * a message in their thread.
 */
export async function recoverJobs(deps: JobDeps, queue: JobQueue): Promise<number> {
  const { requeued, failed } = await queue.recover({ all: true });
  for (const job of requeued) deps.logger.info(`job ${job.id} (${job.kind}) resumes after a restart`);
  for (const job of failed) {
    deps.logger.warn(`job ${job.id} (${job.kind}) given up after ${job.attempts} attempts`);
    await tellJob(deps, job, jobGaveUp(describeJob(job), job.attempts));
  }
  return requeued.length;
}
