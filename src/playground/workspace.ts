/**
 * The playground's chat: channels and the messages in them, built from what
 * the bot really sent to the stand-in (chat.postMessage, chat.update,
 * chat.postEphemeral, files.uploadV2, response_url posts) plus what the person
 * at the page typed or uploaded. Every change is told to the subscribers (the
 * page's server-sent event streams) as the whole message, so a progress edit
 * replaces its message in place.
 */
import type { SlackStandin, StandinListener } from './standin/server.ts';
import { BOT_USER_ID } from './standin/server.ts';

export const PLAYGROUND_USER = { id: 'UPLAYGROUND', name: 'you' } as const;
export const BOT_USER = { id: BOT_USER_ID, name: 'segment-bot' } as const;

export const CHANNELS = [
  { id: 'C0MARKETING', name: 'marketing', topic: 'Campaign planning: who to target and how' },
  { id: 'C0STORES', name: 'stores', topic: 'Store managers: customer mix by mall' },
] as const;

export interface ChatFile {
  id: string;
  name: string;
  title: string;
  /** Where the page fetches the bytes (no token needed: the page is local). */
  url: string;
  isImage: boolean;
}

export interface ChatMessage {
  channel: string;
  ts: string;
  /** The parent's ts for a reply in a thread. */
  threadTs?: string;
  user: string;
  text: string;
  blocks?: unknown[];
  files?: ChatFile[];
  /** Shown only to this user ("Only visible to you"). */
  ephemeral?: boolean;
  edited?: boolean;
}

export type Subscriber = (message: ChatMessage) => void;

/** Where a response_url answer goes: the command's channel and thread. */
export interface ResponsePlace {
  channel: string;
  threadTs?: string;
}

const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;
const blocksOf = (value: unknown) => (Array.isArray(value) ? (value as unknown[]) : undefined);

/**
 * The page shows the latest messages and answers recent commands: older ones are dropped, so a
 * playground left running for days holds a bounded history.
 */
export const MESSAGES_KEPT = 2000;
const PLACES_KEPT = 2000;

/** Drops the oldest keys (Map order is insertion order) beyond `kept`. */
function trim<V>(map: Map<string, V>, kept: number): void {
  for (const key of map.keys()) {
    if (map.size <= kept) return;
    map.delete(key);
  }
}

export class Workspace {
  private readonly messages = new Map<string, ChatMessage>();
  private readonly subscribers = new Set<Subscriber>();
  private readonly places = new Map<string, ResponsePlace>();

  constructor(private readonly standin: SlackStandin) {
    standin.listen(this.onStandin);
  }

  list(): ChatMessage[] {
    return [...this.messages.values()];
  }

  subscribe(subscriber: Subscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  /** A response_url that answers into this place. */
  responseUrl(place: ResponsePlace): string {
    const url = this.standin.responseUrl();
    this.places.set(url.split('/').at(-1)!, place);
    trim(this.places, PLACES_KEPT);
    return url;
  }

  /** Adds a message with a fresh ts and tells the page. */
  add(message: Omit<ChatMessage, 'ts'> & { ts?: string }): ChatMessage {
    const full: ChatMessage = { ...message, ts: message.ts ?? this.standin.nextTs() };
    this.upsert(full);
    return full;
  }

  fileUrl(id: string, name: string): string {
    return `/ui/files/${id}/${encodeURIComponent(name)}`;
  }

  private upsert(message: ChatMessage): void {
    this.messages.set(`${message.channel}/${message.ts}`, message);
    trim(this.messages, MESSAGES_KEPT);
    for (const subscriber of this.subscribers) subscriber(message);
  }

  private readonly onStandin: StandinListener = (event) => {
    if (event.kind === 'respond') return this.onResponse(event.id, event.body);
    const { method, args, answer, fault } = event.call;
    if (fault !== undefined || answer?.ok !== true) return;
    const channel = str(args.channel) ?? str(args.channel_id);
    if (!channel) return;
    const text = str(args.text) ?? '';
    const threadTs = str(args.thread_ts);
    const thread = threadTs ? { threadTs } : {};
    const blocks = blocksOf(args.blocks);
    const body = { text, ...(blocks ? { blocks } : {}) };
    if (method === 'chat.postMessage')
      this.upsert({ channel, ts: String(answer.ts), ...thread, user: BOT_USER.id, ...body });
    if (method === 'chat.postEphemeral')
      this.upsert({
        channel,
        ts: String(answer.message_ts),
        ...thread,
        user: BOT_USER.id,
        ...body,
        ephemeral: true,
      });
    if (method === 'chat.update') {
      const previous = this.messages.get(`${channel}/${String(args.ts)}`);
      if (previous) this.upsert({ ...previous, ...body, edited: true });
    }
    if (method === 'files.completeUploadExternal') this.onShare(channel, args, thread);
  };

  private onShare(channel: string, args: Record<string, unknown>, thread: { threadTs?: string }): void {
    const entries = (Array.isArray(args.files) ? args.files : []) as Array<{ id: string; title?: string }>;
    const files = entries.map((entry) => {
      const name = this.standin.pending.get(entry.id)?.filename ?? entry.id;
      return {
        id: entry.id,
        name,
        title: entry.title ?? name,
        url: this.fileUrl(entry.id, name),
        isImage: /\.(png|jpe?g|gif|svg)$/i.test(name),
      };
    });
    this.add({ channel, ...thread, user: BOT_USER.id, text: str(args.initial_comment) ?? '', files });
  }

  private onResponse(id: string, body: Record<string, unknown>): void {
    const place = this.places.get(id);
    if (!place) return;
    const blocks = blocksOf(body.blocks);
    this.add({
      channel: place.channel,
      ...(place.threadTs ? { threadTs: place.threadTs } : {}),
      user: BOT_USER.id,
      text: str(body.text) ?? '',
      ...(blocks ? { blocks } : {}),
      ephemeral: body.response_type !== 'in_channel',
    });
  }

  /** The bytes behind a file URL: a chart the bot uploaded or a file the person shared. */
  fileBytes(id: string): { bytes: Buffer; name: string } | undefined {
    const uploaded = this.standin.uploaded.get(id);
    if (uploaded) return { bytes: uploaded, name: this.standin.pending.get(id)?.filename ?? id };
    const shared = this.standin.files.get(id);
    return shared ? { bytes: shared.content, name: shared.name } : undefined;
  }
}
