/**
 * A CSV/TSV shared in a channel the bot is in (a `message` event with subtype
 * `file_share`; `file_shared` is not used because Bolt cannot filter the bot's
 * own uploads out of it). Other files are ignored without a word; retried
 * events are answered once (the event id is remembered in the database).
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { isTableFile, type SharedFile } from '../../files.ts';
import type { ListenerDeps } from '../deps.ts';
import { ingestSharedFile } from './ingest-file.ts';

type Args = SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs;

export function fileShareMessage(deps: ListenerDeps) {
  return async ({ event, body, client, context, logger }: Args): Promise<void> => {
    if (event.subtype !== 'file_share') return;
    // The bot's own uploads (charts, exports) come back as file_share messages too.
    if ('bot_id' in event || event.user === context.botUserId) return;
    const files = (event.files ?? []).filter((file) => isTableFile(file as SharedFile));
    if (files.length === 0) return;
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
    for (const file of files) await ingestSharedFile(deps, client, logger, where, file as SharedFile);
  };
}
