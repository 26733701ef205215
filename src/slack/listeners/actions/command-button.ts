/**
 * A button under an answer ("Try k = 6", "Check assumptions", "Charts",
 * "Export", "Expected format"): acknowledged at once, then its value runs as
 * the command text through the same path as a typed `/segment` (the service's
 * runText → commands/run()), answered in the thread of the message that held
 * the button. Errors and help stay private, through the click's response_url.
 */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { describeError } from '../../../log.ts';
import { apology } from '../../blocks/index.ts';
import { Deliverer } from '../../deliver.ts';
import { answer } from '../commands/segment.ts';
import { type ListenerDeps, newErrorId } from '../deps.ts';

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
    try {
      const reply = await deps.service.runText(scope, text);
      logger.info(`button "${text.split(/\s+/)[0]}" in ${channel}: answered`);
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
