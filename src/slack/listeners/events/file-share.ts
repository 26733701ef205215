/**
 * A CSV/TSV or Excel file shared in a channel the bot is in (a `message` event
 * with subtype `file_share`; `file_shared` is not used because Bolt cannot
 * filter the bot's own uploads out of it). A data file in a format the bot
 * cannot read (.xls, .ods, .json, .zip, …) gets a short threaded reply saying
 * what to share instead; images, PDFs and other files are ignored without a
 * word. Each readable file becomes a durable upload job, keyed by event and
 * file id in the same transaction as the event's dedupe record: a retried
 * event finds its job and is acknowledged without running anything twice.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { orderingKeyOf, PRIORITY } from '../../../jobs/queue.ts';
import { unusableDataFile } from '../../blocks/index.ts';
import { Deliverer } from '../../deliver.ts';
import { classifySharedFile, type SharedFile } from '../../files.ts';
import type { ListenerDeps } from '../deps.ts';

type Args = SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs;

/** Files above this (or of unknown size) are bulk work: they never hold up interactive jobs. */
export const BULK_FILE_BYTES = 2 * 1024 * 1024;

export function fileShareMessage(deps: ListenerDeps) {
  return async ({ event, body, client, context, logger }: Args): Promise<void> => {
    if (event.subtype !== 'file_share') return;
    // The bot's own uploads (charts, exports) come back as file_share messages too.
    if ('bot_id' in event || event.user === context.botUserId) return;
    const shared = (event.files ?? []).map((file) => ({
      file: file as SharedFile,
      is: classifySharedFile(file as SharedFile),
    }));
    const files = shared.filter((s) => s.is.kind === 'table').map((s) => s.file);
    const unusable = shared.flatMap((s) =>
      s.is.kind === 'unusable' ? [{ file: s.file, format: s.is.format }] : [],
    );
    const threadTs = event.thread_ts ?? event.ts;
    // Answered in the background (the HTTP ack waits for this listener), once per event.
    if (unusable.length && deps.service.markEventSeen(`${body.event_id}:unusable`)) {
      const deliverer = new Deliverer(client, logger, deps.retry);
      for (const { file, format } of unusable) {
        const name = file.name ?? file.id;
        logger.info(`file ${file.id} in ${event.channel}: not a readable format (${format})`);
        void deliverer
          .post({ channel: event.channel, threadTs }, unusableDataFile(name, format))
          .catch((error: unknown) => logger.warn(`could not answer file ${file.id}: ${String(error)}`));
      }
    }
    for (const file of files) {
      const { job, created } = await deps.jobs.enqueue({
        kind: 'upload',
        orderingKey: orderingKeyOf(body.team_id, event.channel),
        priority:
          file.size !== undefined && file.size <= BULK_FILE_BYTES ? PRIORITY.interactive : PRIORITY.bulk,
        input: {
          fileId: file.id,
          fileName: file.name ?? file.id,
          ...(file.size === undefined ? {} : { size: file.size }),
        },
        slack: {
          teamId: body.team_id,
          channelId: event.channel,
          userId: event.user ?? '',
          threadTs,
        },
        dedupeKey: `${body.event_id}:${file.id}`,
      });
      if (created) logger.info(`job ${job.id}: upload of file ${file.id} queued in ${event.channel}`);
      else
        logger.info(
          `event ${body.event_id} already has job ${job.id} (${job.state}); retry ${context.retryNum ?? 0} acknowledged`,
        );
    }
    if (files.length) deps.poke();
  };
}
