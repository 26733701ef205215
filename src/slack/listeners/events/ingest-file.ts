/**
 * One shared file, start to finish, in the file's thread: a "working" message
 * first, edited with progress for long analyses, then replaced by the summary
 * (or by the specific reason the file was refused), with the charts shared in
 * the same thread. If Slack cannot take the answer, the uploader gets a short
 * private note instead of silence.
 */
import type { Logger, webApi } from '@slack/bolt';
import { describeError } from '../../../log.ts';
import {
  apology,
  chartsNote,
  couldNotDeliver,
  fileRefused,
  progressLine,
  readingFile,
  replyMessage,
  type SlackMessage,
} from '../../blocks/index.ts';
import { Deliverer, type Place } from '../../deliver.ts';
import { downloadCapped, downloadUrl, FileRefusal, type SharedFile } from '../../files.ts';
import { slackErrorCode } from '../../retry.ts';
import { type ListenerDeps, newErrorId } from '../deps.ts';

export interface SharedIn {
  teamId: string;
  channel: string;
  threadTs: string;
  user: string;
  token: string;
}

export async function ingestSharedFile(
  deps: ListenerDeps,
  client: webApi.WebClient,
  logger: Logger,
  where: SharedIn,
  file: SharedFile,
): Promise<void> {
  const deliverer = new Deliverer(client, logger, deps.retry);
  const place: Place = { channel: where.channel, threadTs: where.threadTs };
  const name = file.name ?? file.id;
  let working: string;
  try {
    working = await deliverer.post(place, readingFile(name));
  } catch (error) {
    logger.error(`could not start on file ${file.id} in ${where.channel}: ${describeError(error)}`);
    return;
  }
  const show = (message: SlackMessage) => deliverer.update(where.channel, working, message);
  const outcome = await analyse(deps, deliverer, where, file, name, show, logger);
  try {
    if ('reply' in outcome) {
      const { reply } = outcome;
      const note = reply.images.length
        ? chartsNote(reply.images.length, reply.files.length, 'below')
        : undefined;
      await show(replyMessage(reply, note));
      await deliverer.uploadAttachments(place, reply);
    } else {
      await show(outcome.message);
    }
  } catch (error) {
    logger.warn(`delivering the answer for file ${file.id} failed: ${describeError(error)}`);
    const detail = slackErrorCode(error) ?? 'Slack did not answer';
    await deliverer.ephemeral(place, where.user, couldNotDeliver(detail)).catch((last) => {
      logger.error(`could not tell ${where.user} either: ${describeError(last)}`);
    });
  }
}

type Outcome =
  | { reply: Awaited<ReturnType<ListenerDeps['service']['ingestUpload']>> }
  | { message: SlackMessage };

async function analyse(
  deps: ListenerDeps,
  deliverer: Deliverer,
  where: SharedIn,
  file: SharedFile,
  name: string,
  show: (message: SlackMessage) => Promise<void>,
  logger: Logger,
): Promise<Outcome> {
  const progress = throttle(deps.progressIntervalMs, (line) => show(progressLine(name, line)), logger);
  try {
    const bytes = await fetchBytes(deps, deliverer, where, file.id, name);
    const scope = { teamId: where.teamId, channelId: where.channel, userId: where.user };
    const started = Date.now();
    const reply = await deps.service.ingestUpload(
      scope,
      { name, bytes, uploadedBy: where.user },
      progress.push,
    );
    const verdict = reply.isError ? 'refused' : 'analysed';
    logger.info(
      `file ${file.id} (${bytes.byteLength} B) in ${where.channel}: ${verdict} in ${Date.now() - started} ms`,
    );
    return { reply };
  } catch (error) {
    if (error instanceof FileRefusal) return { message: fileRefused(error.message) };
    const id = newErrorId();
    logger.error(`reading file ${file.id} failed [${id}]: ${describeError(error)}`);
    return { message: apology(id) };
  } finally {
    await progress.settle();
  }
}

/** files.info for the authoritative size and URL, then the capped download. */
async function fetchBytes(
  deps: ListenerDeps,
  deliverer: Deliverer,
  where: SharedIn,
  id: string,
  name: string,
) {
  const info = await deliverer.fileInfo(id);
  const url = downloadUrl(info, deps.fileHost, deps.maxFileBytes);
  return downloadCapped(url, name, {
    token: where.token,
    allowedHost: deps.fileHost,
    maxBytes: deps.maxFileBytes,
    timeoutMs: deps.downloadTimeoutMs,
  });
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
