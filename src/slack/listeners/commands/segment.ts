/**
 * `/segment <text>`: acknowledge at once (Slack allows 3 s). Help and typing
 * mistakes are answered right away; a command that reads the channel's data
 * becomes a durable job in the channel's order. When an upload is being read
 * in that channel, the user is told at once that the answer will come from
 * the new file. Answers go in the channel with charts in their thread, or
 * privately through response_url for errors and help, or when the bot is not
 * in the channel.
 */
import type { AllMiddlewareArgs, Logger, RespondFn, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { parseCommand } from '../../../commands/grammar.ts';
import type { Reply } from '../../../commands/reply.ts';
import { orderingKeyOf, PRIORITY, type SlackContext, type UploadInput } from '../../../jobs/queue.ts';
import { describeError, newErrorId } from '../../../log.ts';
import {
  apology,
  chartsNotDelivered,
  chartsNote,
  couldNotDeliver,
  replyMessage,
  sharedNote,
  stillReading,
  withInviteHint,
} from '../../blocks/index.ts';
import { Deliverer, isNotAMember } from '../../deliver.ts';
import { RESPONSE_URL_LIFETIME_MS } from '../../jobs/command.ts';
import { slackErrorCode } from '../../retry.ts';
import type { ListenerDeps } from '../deps.ts';

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

export function segmentCommand(deps: ListenerDeps) {
  return async ({ command, ack, respond, client, context, logger }: Args): Promise<void> => {
    await ack();
    const deliverer = new Deliverer(client, logger, deps.retry);
    const parsed = parseCommand(command.text);
    if (!parsed.ok || parsed.command.kind === 'help') {
      // Nothing to wait for: answered now, without a job (and without holding the ack).
      void answerNow(deps, deliverer, respond, logger, command, context.botUserId);
      return;
    }
    await enqueueCommand(deps, deliverer, respond, logger, command.text, {
      teamId: command.team_id,
      channelId: command.channel_id,
      userId: command.user_id,
      responseUrl: command.response_url,
      responseUrlExpiresAt: new Date(Date.now() + RESPONSE_URL_LIFETIME_MS).toISOString(),
    });
  };
}

/**
 * A command that reads the channel's data becomes a durable job in the channel's
 * order (typed, or a button's); when an upload is ahead of it in that channel,
 * the user hears at once that the answer will come from the new file.
 */
export async function enqueueCommand(
  deps: ListenerDeps,
  deliverer: Deliverer,
  respond: RespondFn,
  logger: Logger,
  text: string,
  slack: SlackContext,
): Promise<void> {
  const orderingKey = orderingKeyOf(slack.teamId, slack.channelId);
  const { job } = await deps.jobs.enqueue({
    kind: 'command',
    orderingKey,
    priority: PRIORITY.interactive,
    input: { text },
    slack,
  });
  deps.poke();
  const ahead = (await deps.jobs.pending(orderingKey)).find((j) => j.id < job.id && j.kind === 'upload');
  if (ahead) {
    const name = (ahead.input as UploadInput).fileName;
    logger.info(`job ${job.id} waits for upload job ${ahead.id} in ${slack.channelId}`);
    void tell(deliverer, respond, logger, stillReading(name, ahead.fraction));
  }
}

async function answerNow(
  deps: ListenerDeps,
  deliverer: Deliverer,
  respond: RespondFn,
  logger: Logger,
  command: Args['command'],
  botUserId: string | undefined,
): Promise<void> {
  const scope = { teamId: command.team_id, channelId: command.channel_id, userId: command.user_id };
  let reply: Reply;
  try {
    reply = await deps.service.runText(scope, command.text);
  } catch (error) {
    const id = newErrorId();
    logger.error(`/segment failed [${id}] in ${command.channel_id}: ${describeError(error)}`);
    await tell(deliverer, respond, logger, apology(id));
    return;
  }
  await answer(deliverer, respond, logger, { channel: command.channel_id, reply, botUserId });
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
  const { shared, missing } = await deliverer.uploadAttachments(
    { channel: a.channel, threadTs: a.threadTs ?? ts },
    reply,
  );
  if (missing.length === 0) return;
  logger.warn(`sharing ${missing.map((m) => m.title).join(', ')} in ${a.channel} failed`);
  // The public note counted every chart; the answer itself is already out, so a failed rewrite is only logged.
  await deliverer.update(a.channel, ts, replyMessage(reply, sharedNote(reply, shared))).catch((error) => {
    logger.warn(`correcting the chart count in ${a.channel} failed: ${describeError(error)}`);
  });
  await tell(deliverer, respond, logger, chartsNotDelivered(missing));
}

/** The last resort: response_url. If even that fails there is no one left to tell but the log. */
export async function tell(
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
