/**
 * Getting a Reply into Slack: messages, updates, ephemeral notes and file
 * uploads (share.ts), each call retried by the one policy in retry.ts. Every Web API
 * call the listeners make goes through here, so retries, limits and the
 * "tell the user when delivery fails" rule live in one place.
 */
import type { Logger, RespondFn, webApi } from '@slack/bolt';
import type { Reply } from '../commands/reply.ts';
import { chartComment, type SlackMessage } from './blocks/index.ts';
import type { SharedFile } from './files.ts';
import {
  type CallKind,
  DEFAULT_RETRY,
  mayHaveHappened,
  type RetryPolicy,
  slackErrorCode,
  withRetries,
} from './retry.ts';
import { FileSharer, type FileToShare, type ShareOutcome } from './share.ts';

/**
 * A machine-readable tag on a message the bot posts (Slack message metadata), so
 * a job that lost the answer to its post (a crash in between) can find the
 * message again instead of posting a second one.
 */
export interface MessageTag {
  event_type: string;
  event_payload: { job: number };
}

/** Messages looked at when searching a thread for a tagged one (one page of conversations.replies). */
const THREAD_SEARCH_LIMIT = 200;

export interface Place {
  channel: string;
  /** Post into this thread (the ts of its parent message). */
  threadTs?: string;
}

/** Slack's cap on an upload's alt text. */
const ALT_TEXT_MAX = 1000;
/** Errors that mean "the bot is not in this conversation", public and private alike. */
const NOT_A_MEMBER = new Set(['not_in_channel', 'channel_not_found']);

export const isNotAMember = (error: unknown) => NOT_A_MEMBER.has(slackErrorCode(error) ?? '');

export class Deliverer {
  constructor(
    private readonly client: webApi.WebClient,
    private readonly logger: Logger,
    private readonly policy: RetryPolicy = DEFAULT_RETRY,
  ) {}

  /** `posts`: a call whose repeat would post again, tried again only where Slack cannot have acted (retry.ts). */
  private retry<T>(label: string, call: () => Promise<T>, kind: CallKind = 'idempotent'): Promise<T> {
    return withRetries(label, call, this.policy, this.logger, kind);
  }

  /**
   * Posts a message and returns its ts (for updates and threads). Not repeated after a
   * failure that Slack may have acted on (retry.ts), except a tagged message in a thread:
   * that one is looked for first, and posted again only when the thread does not hold it.
   */
  async post(place: Place, message: SlackMessage, tag?: MessageTag): Promise<string> {
    const send = () =>
      this.retry(
        'chat.postMessage',
        () =>
          this.client.chat.postMessage({
            channel: place.channel,
            ...(place.threadTs ? { thread_ts: place.threadTs } : {}),
            text: message.text,
            blocks: message.blocks,
            unfurl_links: false,
            ...(tag ? { metadata: tag } : {}),
          }),
        'posts',
      );
    let result: Awaited<ReturnType<typeof send>>;
    try {
      result = await send();
    } catch (error) {
      if (!tag || !place.threadTs || !mayHaveHappened(error)) throw error;
      const found = await this.findTagged(place, tag);
      if (found) return found;
      result = await send();
    }
    if (!result.ts) throw new Error('chat.postMessage answered without a ts');
    return result.ts;
  }

  /**
   * The ts of the bot's message in `place`'s thread that carries `tag`, if there is
   * one. A failed search is not an error: the caller posts anew (one message too
   * many is better than none).
   */
  async findTagged(place: Place, tag: MessageTag): Promise<string | undefined> {
    if (!place.threadTs) return undefined;
    const threadTs = place.threadTs;
    try {
      const result = await this.retry('conversations.replies', () =>
        this.client.conversations.replies({
          channel: place.channel,
          ts: threadTs,
          include_all_metadata: true,
          limit: THREAD_SEARCH_LIMIT,
        }),
      );
      const found = (result.messages ?? []).find(
        (m) =>
          m.metadata?.event_type === tag.event_type &&
          (m.metadata.event_payload as { job?: unknown } | undefined)?.job === tag.event_payload.job,
      );
      return found?.ts;
    } catch (error) {
      this.logger.warn(
        `looking for job ${tag.event_payload.job}'s message failed: ${slackErrorCode(error) ?? error}`,
      );
      return undefined;
    }
  }

  async update(channel: string, ts: string, message: SlackMessage): Promise<void> {
    await this.retry('chat.update', () =>
      this.client.chat.update({ channel, ts, text: message.text, blocks: message.blocks }),
    );
  }

  async ephemeral(place: Place, user: string, message: SlackMessage): Promise<void> {
    await this.retry(
      'chat.postEphemeral',
      () =>
        this.client.chat.postEphemeral({
          channel: place.channel,
          user,
          ...(place.threadTs ? { thread_ts: place.threadTs } : {}),
          text: message.text,
          blocks: message.blocks,
        }),
      'posts',
    );
  }

  /** files.info: the authoritative size, type and URLs of a shared file. */
  async fileInfo(id: string): Promise<SharedFile> {
    const result = await this.retry('files.info', () => this.client.files.info({ file: id }));
    if (!result.file?.id) throw new Error('files.info answered without a file');
    return result.file as SharedFile;
  }

  /** An answer for the person who typed the command, through its response_url. */
  async respond(respond: RespondFn, message: SlackMessage): Promise<void> {
    await this.retry(
      'respond',
      () =>
        respond({
          response_type: 'ephemeral',
          replace_original: false,
          text: message.text,
          blocks: message.blocks,
        }),
      'posts',
    );
  }

  /**
   * The reply's charts and files, in one share so they arrive as one message
   * whose text describes each of them. Each step is repeated only as far as that
   * is safe (share.ts); what could not be shared comes back as missing, by title.
   */
  async uploadAttachments(place: Place, reply: Reply): Promise<ShareOutcome> {
    const uploads: FileToShare[] = [
      ...reply.images.map((image) => ({
        file: image.png,
        filename: image.filename,
        title: image.title,
        alt_text: image.alt.slice(0, ALT_TEXT_MAX),
      })),
      ...reply.files.map((file) => ({ file: file.content, filename: file.filename, title: file.title })),
    ];
    if (uploads.length === 0) return { shared: [], missing: [] };
    const images = reply.images.length;
    const comment = (kept: number[]) =>
      chartComment(
        reply.title,
        reply.images.filter((_, i) => kept.includes(i)),
        reply.files.filter((_, i) => kept.includes(images + i)),
      );
    return new FileSharer(this.client, this.logger, this.policy).share(
      { channel: place.channel, ...(place.threadTs ? { threadTs: place.threadTs } : {}) },
      uploads,
      comment,
    );
  }
}
