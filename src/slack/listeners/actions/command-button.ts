/**
 * A button under an answer ("Try k = 6", "Check assumptions", "Charts",
 * "Export", "Expected format"): acknowledged at once; its value is the command
 * text, taken exactly as a typed `/segment`: help and mistakes are answered
 * now, anything that reads the channel's data becomes a job in the channel's
 * order (so a click during an upload waits for the new file and says so, and
 * a click survives a restart). The answer goes in the thread of the message
 * that held the button; errors and help stay private, through the click's
 * response_url.
 */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { parseCommand } from '../../../commands/grammar.ts';
import { describeError, newErrorId } from '../../../log.ts';
import { apology } from '../../blocks/index.ts';
import { Deliverer } from '../../deliver.ts';
import { RESPONSE_URL_LIFETIME_MS } from '../../jobs/command.ts';
import { answer, enqueueCommand } from '../commands/segment.ts';
import type { ListenerDeps } from '../deps.ts';

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

export function commandButton(deps: ListenerDeps) {
  return async ({ ack, body, action, respond, client, context, logger }: Args): Promise<void> => {
    await ack();
    const channel = body.channel?.id ?? body.container?.channel_id;
    if (!channel) {
      logger.warn(`button ${action.action_id} clicked outside a channel; ignored`);
      return;
    }
    const deliverer = new Deliverer(client, logger, deps.retry);
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    const scope = { teamId, channelId: channel, userId: body.user.id };
    const container = body.container as { thread_ts?: string; message_ts?: string } | undefined;
    const threadTs =
      body.message?.thread_ts ?? container?.thread_ts ?? body.message?.ts ?? container?.message_ts;
    const text = action.value ?? '';
    const parsed = parseCommand(text);
    try {
      if (parsed.ok && parsed.command.kind !== 'help') {
        await enqueueCommand(deps, deliverer, respond, logger, text, {
          ...scope,
          ...(threadTs ? { threadTs } : {}),
          ...(body.response_url
            ? {
                responseUrl: body.response_url,
                responseUrlExpiresAt: new Date(Date.now() + RESPONSE_URL_LIFETIME_MS).toISOString(),
              }
            : {}),
        });
        logger.info(`button "${text.split(/\s+/)[0]}" in ${channel}: queued`);
        return;
      }
      const reply = await deps.service.runText(scope, text);
      await answer(deliverer, respond, logger, {
        channel,
        ...(threadTs ? { threadTs } : {}),
        reply,
        botUserId: context.botUserId,
      });
    } catch (error) {
      const id = newErrorId();
      logger.error(`button failed [${id}] in ${channel}: ${describeError(error)}`);
      await deliverer.respond(respond, apology(id)).catch(() => undefined);
    }
  };
}
