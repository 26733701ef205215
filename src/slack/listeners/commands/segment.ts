/**
 * `/segment <text>`: acknowledge at once (Slack allows 3 s), then run the
 * command (heavy work happens in the service's worker thread) and deliver the
 * answer: in the channel with charts in its thread, or privately through
 * response_url for errors and help, or when the bot is not in the channel.
 */
import type { AllMiddlewareArgs, Logger, RespondFn, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Reply } from '../../../commands/reply.ts';
import { describeError } from '../../../log.ts';
import {
  apology,
  chartsNotDelivered,
  chartsNote,
  couldNotDeliver,
  replyMessage,
  withInviteHint,
} from '../../blocks/index.ts';
import { Deliverer, isNotAMember } from '../../deliver.ts';
import { slackErrorCode } from '../../retry.ts';
import { type ListenerDeps, newErrorId } from '../deps.ts';

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

export function segmentCommand(deps: ListenerDeps) {
  return async ({ command, ack, respond, client, context, logger }: Args): Promise<void> => {
    await ack();
    const deliverer = new Deliverer(client, logger, deps.retry);
    const scope = { teamId: command.team_id, channelId: command.channel_id, userId: command.user_id };
    // Only the verb: the rest may be a customer's details.
    const verb = command.text.trim().split(/\s+/)[0] || 'help';
    const started = Date.now();
    let reply: Reply;
    try {
      reply = await deps.service.runText(scope, command.text);
      logger.info(`/segment ${verb} in ${command.channel_id}: answered in ${Date.now() - started} ms`);
    } catch (error) {
      const id = newErrorId();
      logger.error(`/segment failed [${id}] in ${command.channel_id}: ${describeError(error)}`);
      await tell(deliverer, respond, logger, apology(id));
      return;
    }
    await answer(deliverer, respond, logger, {
      channel: command.channel_id,
      reply,
      botUserId: context.botUserId,
    });
  };
}

interface Answer {
  channel: string;
  /** Answer inside this thread (a button under a message answers in that message's thread). */
  threadTs?: string;
  reply: Reply;
  botUserId: string | undefined;
}

/** Posts the reply where it belongs; when that fails, the user is told rather than left with silence. */
export async function answer(
  deliverer: Deliverer,
  respond: RespondFn,
  logger: Logger,
  a: Answer,
): Promise<void> {
  const { reply } = a;
  if (reply.visibility === 'ephemeral') {
    await tell(deliverer, respond, logger, replyMessage(reply));
    return;
  }
  const attachments = reply.images.length + reply.files.length;
  const note = attachments ? chartsNote(reply.images.length, reply.files.length) : undefined;
  let ts: string;
  try {
    ts = await deliverer.post(
      { channel: a.channel, ...(a.threadTs ? { threadTs: a.threadTs } : {}) },
      replyMessage(reply, note),
    );
  } catch (error) {
    logger.warn(`posting to ${a.channel} failed: ${describeError(error)}`);
    const message = isNotAMember(error)
      ? withInviteHint(replyMessage(reply), a.botUserId)
      : couldNotDeliver(slackErrorCode(error) ?? 'Slack did not answer');
    await tell(deliverer, respond, logger, message);
    return;
  }
  try {
    await deliverer.uploadAttachments({ channel: a.channel, threadTs: a.threadTs ?? ts }, reply);
  } catch (error) {
    logger.warn(`sharing charts in ${a.channel} failed: ${describeError(error)}`);
    await tell(
      deliverer,
      respond,
      logger,
      chartsNotDelivered(slackErrorCode(error) ?? 'Slack did not answer'),
    );
  }
}

/** The last resort: response_url. If even that fails there is no one left to tell but the log. */
async function tell(
  deliverer: Deliverer,
  respond: RespondFn,
  logger: Logger,
  message: Parameters<Deliverer['respond']>[1],
): Promise<void> {
  try {
    await deliverer.respond(respond, message);
  } catch (error) {
    logger.error(`response_url post failed: ${describeError(error)}`);
  }
}
