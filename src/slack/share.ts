/**
 * Sharing the bot's charts and files: files.uploadV2's three steps, done here
 * one by one so that each is repeated only as far as that is safe.
 *
 * 1. files.getUploadURLExternal only hands out an upload URL and a file id:
 *    repeated like any read (a URL handed out for an answer we lost is never
 *    used, and nothing is shown to anyone).
 * 2. The POST of the bytes to that URL shares nothing: repeated likewise.
 *    A file whose first two steps finally fail is left out of the share and
 *    reported missing; the others are still shared.
 * 3. files.completeUploadExternal shares the files in the channel, so after a
 *    failure Slack may have acted on (a 5xx, a timeout: retry.ts) repeating it
 *    could share them twice. Instead files.info is asked, for each file id,
 *    whether the file is shared in the channel, a few times with backoff since
 *    Slack finishes a share asynchronously (its `shares` can be empty just after
 *    completion: slackapi/bolt-js#2115). Seen shared: done. Never seen shared:
 *    completed once more (at most COMPLETE_TRIES in all). When files.info
 *    itself cannot answer, the share is not repeated: a chart reported missing
 *    that is in fact there beats a chart shown twice.
 *
 * The one case this cannot rule out is a share Slack finishes only after the
 * last look (about 7.5 s with the default policy); the window is the looks'
 * total wait, not zero.
 */
import type { Logger, webApi } from '@slack/bolt';
import { webApi as api } from '@slack/bolt';
import { describeError } from '../log.ts';
import {
  backoffMs,
  type CallKind,
  mayHaveHappened,
  type RetryPolicy,
  slackErrorCode,
  withRetries,
} from './retry.ts';

/** One file to share, as files.uploadV2 took it. */
export interface FileToShare {
  file: Buffer;
  filename: string;
  title: string;
  alt_text?: string;
}

export interface Destination {
  channel: string;
  threadTs?: string;
}

/** A file that is not in the channel, and the Slack error that kept it out (undefined: Slack did not answer). */
export interface MissingFile {
  index: number;
  title: string;
  error: string | undefined;
}

export interface ShareOutcome {
  /** Indexes (into the files given) of those now shared in the channel. */
  shared: number[];
  missing: MissingFile[];
}

/** Completions tried in all: the first, and one more when Slack is seen not to have shared. */
export const COMPLETE_TRIES = 2;
/** For the bytes' POST, which the WebClient's timeout does not cover; the client's own default. */
export const DEFAULT_UPLOAD_TIMEOUT_MS = 30_000;

type Staged = { index: number; id: string } | MissingFile;

export class FileSharer {
  constructor(
    private readonly client: webApi.WebClient,
    private readonly logger: Logger,
    private readonly policy: RetryPolicy,
  ) {}

  private retry<T>(label: string, call: () => Promise<T>, kind: CallKind = 'idempotent'): Promise<T> {
    return withRetries(label, call, this.policy, this.logger, kind);
  }

  /**
   * Shares `files` in one message at `to`, whose text `comment` makes from the indexes of
   * the files that got that far. Never throws for Slack's failures: they come back as missing files.
   */
  async share(
    to: Destination,
    files: FileToShare[],
    comment: (indexes: number[]) => string,
  ): Promise<ShareOutcome> {
    const staged = await Promise.all(files.map((file, index) => this.stage(file, index)));
    const ready = staged.filter((s): s is { index: number; id: string } => 'id' in s);
    const missing = staged.filter((s): s is MissingFile => !('id' in s));
    const [first, ...rest] = ready.map((s) => ({ id: s.id, title: files[s.index]!.title }));
    if (!first) return { shared: [], missing };
    const args = {
      files: [first, ...rest] as [typeof first, ...(typeof first)[]],
      channel_id: to.channel,
      ...(to.threadTs ? { thread_ts: to.threadTs } : {}),
      initial_comment: comment(ready.map((s) => s.index)),
    };
    const error = await this.complete(to.channel, args);
    if (error === undefined) {
      this.logger.debug(`${ready.length} file(s) shared in ${to.channel}`);
      return { shared: ready.map((s) => s.index), missing };
    }
    const code = slackErrorCode(error);
    const lost = ready.map((s) => ({ index: s.index, title: files[s.index]!.title, error: code }));
    return { shared: [], missing: [...missing, ...lost].sort((a, b) => a.index - b.index) };
  }

  /** Steps 1 and 2 for one file: its id once its bytes are with Slack, else why not. */
  private async stage(file: FileToShare, index: number): Promise<Staged> {
    try {
      const { upload_url: url, file_id: id } = await this.retry('files.getUploadURLExternal', () =>
        this.client.files.getUploadURLExternal({
          filename: file.filename,
          length: file.file.length,
          ...(file.alt_text ? { alt_text: file.alt_text } : {}),
        }),
      );
      if (!url || !id) throw new Error('files.getUploadURLExternal answered without upload_url or file_id');
      await this.retry(`upload of ${file.filename}`, () => this.postBytes(url, file));
      return { index, id };
    } catch (error) {
      this.logger.warn(`uploading ${file.filename} failed: ${describeError(error)}`);
      return { index, title: file.title, error: slackErrorCode(error) };
    }
  }

  /**
   * The bytes, as the WebClient sends them (multipart, one part named `body`; no token:
   * the URL is the credential). Failures are raised as the WebClient's own errors, so the
   * one retry policy reads them.
   */
  private async postBytes(url: string, file: FileToShare): Promise<void> {
    const form = new FormData();
    form.append('body', new Blob([new Uint8Array(file.file)]), file.filename);
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        body: form,
        redirect: 'error',
        signal: AbortSignal.timeout(this.policy.uploadTimeoutMs ?? DEFAULT_UPLOAD_TIMEOUT_MS),
      });
    } catch (error) {
      throw new api.WebAPIRequestError(error instanceof Error ? error : new Error(String(error)));
    }
    const body = await response.text();
    const retryAfter = Number(response.headers.get('retry-after'));
    if (response.status === 429 && Number.isFinite(retryAfter))
      throw new api.WebAPIRateLimitedError(retryAfter);
    if (response.status !== 200)
      throw new api.WebAPIHTTPError(
        response.status,
        response.statusText,
        Object.fromEntries(response.headers),
        body,
      );
  }

  /** Step 3: undefined once the files are shared (by this call or, seen with files.info, by a lost one). */
  private async complete(
    channel: string,
    args: webApi.FilesCompleteUploadExternalArguments,
  ): Promise<unknown> {
    const ids = args.files.map((f) => f.id);
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.retry(
          'files.completeUploadExternal',
          () => this.client.files.completeUploadExternal(args),
          'posts',
        );
        return undefined;
      } catch (error) {
        if (!mayHaveHappened(error)) return error;
        const seen = await this.sharedIn(channel, ids);
        if (seen === 'shared') {
          this.logger.info(`files ${ids.join(', ')} are shared in ${channel}: not completed again`);
          return undefined;
        }
        if (seen === 'unknown' || attempt >= COMPLETE_TRIES) return error;
        this.logger.warn(`files ${ids.join(', ')} are not shared in ${channel}: completing again`);
      }
    }
  }

  /**
   * Whether any of `ids` is shared in `channel` (one completion shares them all), looked at
   * up to `attempts` times with the policy's backoff; 'unknown' when files.info cannot say.
   */
  private async sharedIn(channel: string, ids: string[]): Promise<'shared' | 'absent' | 'unknown'> {
    for (let look = 1; look <= this.policy.attempts; look += 1) {
      await sleep(backoffMs(look, this.policy));
      for (const id of ids) {
        try {
          const { file } = await this.retry('files.info', () => this.client.files.info({ file: id }));
          if (file && isSharedIn(file, channel)) return 'shared';
        } catch (error) {
          // An upload never completed is not a file Slack knows yet.
          if (slackErrorCode(error) === 'file_not_found') continue;
          this.logger.warn(`files.info on ${id} failed (${describeError(error)}): its share is unknown`);
          return 'unknown';
        }
      }
    }
    return 'absent';
  }
}

interface FileShares {
  channels?: string[];
  groups?: string[];
  ims?: string[];
  shares?: { public?: Record<string, unknown>; private?: Record<string, unknown> };
}

/** files.info lists a file's shares per channel id (public and private), and the channel ids again. */
export function isSharedIn(file: FileShares, channel: string): boolean {
  const listed = [...(file.channels ?? []), ...(file.groups ?? []), ...(file.ims ?? [])];
  return (
    listed.includes(channel) ||
    file.shares?.public?.[channel] !== undefined ||
    file.shares?.private?.[channel] !== undefined
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
