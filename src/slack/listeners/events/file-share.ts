/**
 * A CSV/TSV or Excel file shared in a channel the bot is in (a `message` event
 * with subtype `file_share`; `file_shared` is not used because Bolt cannot
 * filter the bot's own uploads out of it). A data file in a format the bot
 * cannot read (.xls, .ods, .json, .zip, …) gets a short threaded reply saying
 * what to share instead; images, PDFs and other files are ignored without a
 * word. Retried events are answered once (the event id is remembered in the database).
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { unusableDataFile } from '../../blocks/index.ts';
import { Deliverer } from '../../deliver.ts';
import { classifySharedFile, type SharedFile } from '../../files.ts';
import type { ListenerDeps } from '../deps.ts';
import { ingestSharedFile } from './ingest-file.ts';

type Args = SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs;

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
    if (files.length === 0 && unusable.length === 0) return;
    if (!deps.service.markEventSeen(body.event_id)) {
      logger.info(`event ${body.event_id} was already handled; retry ${context.retryNum ?? 0} ignored`);
      return;
    }
    if (!context.botToken) throw new Error('no bot token in context: cannot download shared files');
    const where = {
      teamId: body.team_id,
      channel: event.channel,
      threadTs: event.thread_ts ?? event.ts,
      user: event.user,
      token: context.botToken,
    };
    for (const { file, format } of unusable) {
      const name = file.name ?? file.id;
      logger.info(`file ${file.id} in ${where.channel}: not a readable format (${format})`);
      await new Deliverer(client, logger, deps.retry)
        .post({ channel: where.channel, threadTs: where.threadTs }, unusableDataFile(name, format))
        .catch((error: unknown) => logger.warn(`could not answer file ${file.id}: ${String(error)}`));
    }
    for (const file of files) await ingestSharedFile(deps, client, logger, where, file);
  };
}
