/**
 * A CSV/TSV shared in a channel the bot is in (a `message` event with subtype
 * `file_share`; `file_shared` is not used because Bolt cannot filter the bot's
 * own uploads out of it). Other files are ignored without a word. Each table
 * file becomes a durable upload job, keyed by event and file id in the same
 * transaction as the event's dedupe record: a retried event finds its job and
 * is acknowledged without running anything twice.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { orderingKeyOf, PRIORITY } from '../../../jobs/queue.ts';
import { isTableFile, type SharedFile } from '../../files.ts';
import type { ListenerDeps } from '../deps.ts';

type Args = SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs;

/** Files above this (or of unknown size) are bulk work: they never hold up interactive jobs. */
export const BULK_FILE_BYTES = 2 * 1024 * 1024;

export function fileShareMessage(deps: ListenerDeps) {
  return async ({ event, body, context, logger }: Args): Promise<void> => {
    if (event.subtype !== 'file_share') return;
    // The bot's own uploads (charts, exports) come back as file_share messages too.
    if ('bot_id' in event || event.user === context.botUserId) return;
    const files = (event.files ?? []).filter((file) => isTableFile(file as SharedFile)) as SharedFile[];
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
          threadTs: event.thread_ts ?? event.ts,
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
