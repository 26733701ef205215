/**
 * The upload job: one shared file, start to finish, in the file's thread. A
 * "working" message first (its ts is saved in the job, so a restarted job
 * edits the same message; it is also tagged with the job id, so a job that
 * crashed before saving the ts finds it in the thread), edited with progress, then replaced by the summary
 * (or by the specific reason the file was refused), with the charts shared in
 * the same thread. If Slack cannot take the answer, the uploader gets a short
 * private note instead of silence. A job stopped by shutdown or the watchdog
 * posts nothing more: the runner's hooks tell the thread.
 */
import type { Logger, webApi } from '@slack/bolt';
import { isInputError } from '../../commands/errors.ts';
import type { Reply } from '../../commands/reply.ts';
import type { Job, UploadInput } from '../../jobs/queue.ts';
import type { JobContext, JobHandler } from '../../jobs/runner.ts';
import { describeError, newErrorId } from '../../log.ts';
import {
  apology,
  chartsNotDelivered,
  chartsNote,
  couldNotDeliver,
  fileRefused,
  progressLine,
  readingFile,
  replyMessage,
  resumingFile,
  type SlackMessage,
  sharedNote,
} from '../blocks/index.ts';
import { Deliverer, type Place } from '../deliver.ts';
import { downloadCapped, downloadUrl } from '../files.ts';
import type { ListenerDeps } from '../listeners/deps.ts';
import { slackErrorCode } from '../retry.ts';

export interface JobDeps extends ListenerDeps {
  client: webApi.WebClient;
  logger: Logger;
  botToken: string;
}

/** The metadata event type of an upload job's working message (payload: the job id). */
export const WORKING_MESSAGE = 'segment_bot_upload';

export function uploadJob(deps: JobDeps): JobHandler {
  return async (job, context) => {
    const input = job.input as UploadInput;
    const { slack } = job;
    const logger = deps.logger;
    const deliverer = new Deliverer(deps.client, logger, deps.retry);
    const place: Place = {
      channel: slack.channelId,
      ...(slack.threadTs ? { threadTs: slack.threadTs } : {}),
    };
    const name = input.fileName;
    const tag = { event_type: WORKING_MESSAGE, event_payload: { job: job.id } };
    let working = slack.workingTs;
    try {
      // A crash between posting and saving the ts left a message we never heard back about.
      if (!working && job.attempts > 1) working = await deliverer.findTagged(place, tag);
      if (working) await deliverer.update(slack.channelId, working, resumingFile(name));
      else working = await deliverer.post(place, readingFile(name), tag);
      if (working !== slack.workingTs) await context.report({ slack: { workingTs: working } });
    } catch (error) {
      logger.error(`job ${job.id}: could not start on file ${input.fileId}: ${describeError(error)}`);
      return;
    }
    const ts = working;
    const show = (message: SlackMessage) => deliverer.update(slack.channelId, ts, message);
    const outcome = await analyse(deps, deliverer, job, context, show);
    if (context.signal.aborted) return;
    try {
      if ('reply' in outcome) {
        const { reply } = outcome;
        const note = reply.images.length
          ? chartsNote(reply.images.length, reply.files.length, 'below')
          : undefined;
        await show(replyMessage(reply, note));
        const { shared, missing } = await deliverer.uploadAttachments(place, reply);
        if (missing.length) {
          logger.warn(`job ${job.id}: ${missing.map((m) => m.title).join(', ')} not shared`);
          // The note above counted every chart (an answer without charts had none to correct);
          // a failed rewrite must not turn into "couldn't deliver".
          if (note !== undefined)
            await show(replyMessage(reply, sharedNote(reply, shared, 'below'))).catch((error) => {
              logger.warn(`job ${job.id}: correcting the chart count failed: ${describeError(error)}`);
            });
          // Nor a failed note: the answer is out, and after a 5xx Slack may have posted the note already.
          await deliverer.ephemeral(place, slack.userId, chartsNotDelivered(missing)).catch((error) => {
            logger.warn(
              `job ${job.id}: telling ${slack.userId} of the missing charts failed: ${describeError(error)}`,
            );
          });
        }
      } else {
        await show(outcome.message);
      }
    } catch (error) {
      logger.warn(
        `job ${job.id}: delivering the answer for file ${input.fileId} failed: ${describeError(error)}`,
      );
      const detail = slackErrorCode(error) ?? 'Slack did not answer';
      await deliverer.ephemeral(place, slack.userId, couldNotDeliver(detail)).catch((last) => {
        logger.error(`job ${job.id}: could not tell ${slack.userId} either: ${describeError(last)}`);
      });
    }
  };
}

type Outcome = { reply: Reply } | { message: SlackMessage };

async function analyse(
  deps: JobDeps,
  deliverer: Deliverer,
  job: Job,
  context: JobContext,
  show: (message: SlackMessage) => Promise<void>,
): Promise<Outcome> {
  const input = job.input as UploadInput;
  const { slack } = job;
  const logger = deps.logger;
  const name = input.fileName;
  const progress = throttle(deps.progressIntervalMs, (line) => show(progressLine(name, line)), logger);
  try {
    const info = await deliverer.fileInfo(input.fileId);
    const url = downloadUrl(info, deps.fileHost, deps.maxFileBytes);
    void context.report({ progress: `Downloading ${name}…` });
    const bytes = await downloadCapped(url, name, {
      token: deps.botToken,
      allowedHost: deps.fileHost,
      maxBytes: deps.maxFileBytes,
      ...deps.download,
      signal: context.signal,
    });
    const scope = { teamId: slack.teamId, channelId: slack.channelId, userId: slack.userId };
    const started = Date.now();
    const onProgress = (line: string, fraction?: number) => {
      progress.push(line);
      void context.report({ progress: line, ...(fraction === undefined ? {} : { fraction }) });
    };
    const reply = await deps.service.ingestUpload(
      scope,
      { name, bytes, uploadedBy: slack.userId, sourceKey: `slack-job:${job.id}` },
      onProgress,
    );
    const verdict = reply.isError ? 'refused' : 'analysed';
    logger.info(
      `job ${job.id}: file ${input.fileId} (${bytes.byteLength} B) in ${slack.channelId}: ${verdict} in ${Date.now() - started} ms`,
    );
    return { reply };
  } catch (error) {
    if (isInputError(error)) {
      logger.info(`job ${job.id}: file ${input.fileId} refused (${error.code})`);
      return { message: fileRefused(error.message) };
    }
    if (context.signal.aborted) return { message: fileRefused('stopped') };
    const id = newErrorId();
    logger.error(`job ${job.id}: reading file ${input.fileId} failed [${id}]: ${describeError(error)}`);
    return { message: apology(id) };
  } finally {
    await progress.settle();
  }
}

/**
 * Progress edits at most once per interval (chat.update is rate limited), in
 * order, never failing the upload. A line that arrives too soon is kept and
 * shown when the interval is up, unless the answer is ready first: files that
 * finish quickly get no progress edits at all.
 */
function throttle(intervalMs: number, edit: (line: string) => Promise<void>, logger: Logger) {
  let last = Date.now();
  let chain = Promise.resolve();
  let pending: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  // Once the answer is on its way, a late line must not overwrite it.
  let closed = false;
  const flush = () => {
    timer = undefined;
    if (pending === undefined) return;
    const line = pending;
    pending = undefined;
    last = Date.now();
    chain = chain
      .then(() => edit(line))
      .catch((error) => logger.warn(`progress edit failed: ${describeError(error)}`));
  };
  return {
    push: (line: string) => {
      if (closed) return;
      pending = line;
      if (!timer) timer = setTimeout(flush, Math.max(0, last + intervalMs - Date.now()));
    },
    settle: () => {
      closed = true;
      clearTimeout(timer);
      pending = undefined;
      return chain;
    },
  };
}
