/**
 * The command job: `/segment <text>` (or a button's command) for anything that
 * reads the channel's data, run in the channel's order (after an upload in
 * progress, so it answers from the new file). A button's answer goes in the
 * thread of the message that held it (`slack.threadTs`). The answer goes where the listener would have
 * sent it; response_url is used while it is valid (Slack: 30 minutes), and a
 * private chat.postEphemeral after that, e.g. for a job resumed after a
 * restart.
 */
import type { RespondArguments, RespondFn } from '@slack/bolt';
import type { CommandInput, Job } from '../../jobs/queue.ts';
import type { JobHandler } from '../../jobs/runner.ts';
import { describeError, newErrorId } from '../../log.ts';
import { apology, type SlackMessage } from '../blocks/index.ts';
import { Deliverer } from '../deliver.ts';
import { answer, tell } from '../listeners/commands/segment.ts';
import type { JobDeps } from './upload.ts';

/** Slack keeps a response_url working for 30 minutes. */
export const RESPONSE_URL_LIFETIME_MS = 30 * 60_000;
const RESPOND_TIMEOUT_MS = 10_000;

/** A RespondFn over the job's saved response_url, or a private message once the URL has expired. */
export function jobResponder(job: Job, deliverer: Deliverer, now: () => number = Date.now): RespondFn {
  const { responseUrl, responseUrlExpiresAt, channelId, userId } = job.slack;
  const valid = responseUrl && responseUrlExpiresAt && Date.parse(responseUrlExpiresAt) > now();
  return async (message: string | RespondArguments) => {
    const body = typeof message === 'string' ? { text: message } : message;
    if (!valid) {
      const blocks = ('blocks' in body ? (body.blocks ?? []) : []) as SlackMessage['blocks'];
      await deliverer.ephemeral({ channel: channelId }, userId, { text: body.text ?? '', blocks });
      return new Response('ok');
    }
    const response = await fetch(responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(RESPOND_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`response_url answered ${response.status}`);
    return response;
  };
}

export function commandJob(deps: JobDeps, botUserId: () => Promise<string | undefined>): JobHandler {
  return async (job, context) => {
    const { text } = job.input as CommandInput;
    const { slack } = job;
    const logger = deps.logger;
    const deliverer = new Deliverer(deps.client, logger, deps.retry);
    const respond = jobResponder(job, deliverer);
    const scope = { teamId: slack.teamId, channelId: slack.channelId, userId: slack.userId };
    const verb = text.trim().split(/\s+/)[0] || 'help';
    const started = Date.now();
    let reply: Awaited<ReturnType<typeof deps.service.runText>>;
    try {
      reply = await deps.service.runText(scope, text);
      logger.info(
        `job ${job.id}: /segment ${verb} in ${slack.channelId}: answered in ${Date.now() - started} ms`,
      );
    } catch (error) {
      if (context.signal.aborted) return;
      const id = newErrorId();
      logger.error(`job ${job.id}: /segment failed [${id}] in ${slack.channelId}: ${describeError(error)}`);
      await tell(deliverer, respond, logger, apology(id));
      return;
    }
    if (context.signal.aborted) return;
    await answer(deliverer, respond, logger, {
      channel: slack.channelId,
      ...(slack.threadTs ? { threadTs: slack.threadTs } : {}),
      reply,
      botUserId: await botUserId(),
    });
  };
}
