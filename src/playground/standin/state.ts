/** What the stand-in remembers: everything it received, and the files it serves. */

export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  /** The Authorization header as received (tests assert the bot token is sent only here). */
  auth: string | undefined;
  /** Set when the call was answered with an injected fault instead of the normal answer. */
  fault?: string;
  /** What the stand-in answered (e.g. the ts of a posted message). */
  answer?: Record<string, unknown>;
  at: number;
}

export interface StoredFile {
  id: string;
  name: string;
  title?: string;
  filetype: string;
  mimetype?: string;
  size: number;
  mode?: string;
  is_external?: boolean;
  user?: string;
  content: Buffer;
  [extra: string]: unknown;
}

export interface SharedUpload {
  channel: string;
  threadTs: string | undefined;
  initialComment: string | undefined;
  files: Array<{
    id: string;
    title?: string;
    filename: string;
    length: number;
    altText?: string;
    bytes: Buffer;
  }>;
}

/**
 * `lost`: Slack does the call (a posted message exists) but its answer never
 * reaches the caller, as when the bot dies in between: the request is left hanging.
 */
export type Fault =
  | { status: 429; retryAfter: number }
  | { status: 500 }
  /** The call is done (the message posted), then answered 500: what an overloaded edge in front of Slack can do. */
  | { status: 500; afterDoing: true }
  | { error: string }
  | { lost: true };

export class StandinState {
  readonly calls: ApiCall[] = [];
  readonly responses: Array<{ id: string; body: Record<string, unknown>; at: number }> = [];
  readonly downloads: Array<{ fileId: string; auth: string | undefined }> = [];
  readonly shares: SharedUpload[] = [];
  readonly files = new Map<string, StoredFile>();
  readonly pending = new Map<string, { filename: string; length: number; altText?: string }>();
  readonly uploaded = new Map<string, Buffer>();
  /** Channels where the bot is not a member: posting there answers not_in_channel. */
  readonly notMember = new Set<string>();
  readonly faults = new Map<string, Fault[]>();
  origin = '';
  /** See StandinOptions.historyKept; unbounded unless set. */
  historyKept = Number.POSITIVE_INFINITY;
  private counter = 0;

  /** Drops the oldest records beyond historyKept, of each kind. */
  trimHistory(): void {
    const kept = this.historyKept;
    for (const list of [this.calls, this.responses, this.downloads, this.shares] as unknown[][])
      if (list.length > kept) list.splice(0, list.length - kept);
    for (const map of [this.uploaded, this.pending] as Map<string, unknown>[])
      for (const key of map.keys()) {
        if (map.size <= kept) break;
        map.delete(key);
      }
  }

  nextTs(): string {
    this.counter += 1;
    return `${1_700_000_000 + this.counter}.${String(this.counter).padStart(6, '0')}`;
  }

  nextFileId(): string {
    this.counter += 1;
    return `F${String(this.counter).padStart(8, '0')}`;
  }

  /** The next injected fault for a target (a method name, 'respond', 'upload' or 'download'), consumed. */
  takeFault(target: string): Fault | undefined {
    return this.faults.get(target)?.shift();
  }
}
