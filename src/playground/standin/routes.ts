/**
 * The Web API methods the stand-in answers, as pure-ish handlers over its
 * state. Answers mirror Slack's shapes closely enough for @slack/web-api 8
 * (ok/error JSON, upload_url + file_id, nested files on completion).
 */
import type { StandinState, StoredFile } from './state.ts';

export const BOT_TOKEN = 'xoxb-1111111111-2222222222-standinbottokenvalue';
export const BOT_USER_ID = 'UBOTSTANDIN';
export const BOT_ID = 'BBOTSTANDIN';
export const TEAM_ID = 'T0STANDIN';

export type Args = Record<string, unknown>;
export type Answer = Record<string, unknown> & { ok: boolean };
type Handler = (args: Args, state: StandinState) => Answer;

const str = (v: unknown) => (typeof v === 'string' ? v : String(v ?? ''));
const notMember = (state: StandinState, channel: unknown): Answer | undefined =>
  state.notMember.has(str(channel)) ? { ok: false, error: 'not_in_channel' } : undefined;

/** What files.info tells about a stored file (no content). */
export function fileView(file: StoredFile, origin: string): Args {
  const { content: _content, ...meta } = file;
  const url = `${origin}/files/${file.id}/${encodeURIComponent(file.name)}`;
  return { url_private: url, url_private_download: url, ...meta };
}

/**
 * What files.info tells about a file the bot uploaded: where it is shared (`shares`, `channels`),
 * empty until files.completeUploadExternal shared it; so a caller can tell whether a completion
 * whose answer it lost was carried out.
 */
function uploadView(id: string, s: StandinState): Args | undefined {
  const pending = s.pending.get(id);
  if (!pending) return undefined;
  const shares = s.shares.filter((share) => share.files.some((f) => f.id === id));
  const byChannel: Record<string, Array<{ thread_ts?: string }>> = {};
  for (const share of shares) {
    const list = byChannel[share.channel] ?? [];
    list.push(share.threadTs === undefined ? {} : { thread_ts: share.threadTs });
    byChannel[share.channel] = list;
  }
  return {
    id,
    name: pending.filename,
    size: pending.length,
    mode: 'hosted',
    user: BOT_USER_ID,
    channels: Object.keys(byChannel),
    shares: shares.length ? { public: byChannel } : {},
  };
}

export const HANDLERS: Record<string, Handler> = {
  'auth.test': () => ({
    ok: true,
    team_id: TEAM_ID,
    user_id: BOT_USER_ID,
    bot_id: BOT_ID,
    user: 'segment-bot',
  }),
  'chat.postMessage': (a, s) =>
    notMember(s, a.channel) ?? { ok: true, channel: a.channel, ts: s.nextTs(), message: { text: a.text } },
  'chat.update': (a) => ({ ok: true, channel: a.channel, ts: a.ts, text: a.text }),
  'chat.postEphemeral': (a, s) => notMember(s, a.channel) ?? { ok: true, message_ts: s.nextTs() },
  'conversations.join': (a) => ({ ok: true, channel: { id: a.channel } }),
  // The bot's own messages in a thread (the parent and its replies), with metadata when asked.
  'conversations.replies': (a, s) => {
    const channel = str(a.channel);
    const thread = str(a.ts);
    const messages = s.calls
      .filter((c) => c.method === 'chat.postMessage' && c.answer?.ok && str(c.args.channel) === channel)
      .filter((c) => str(c.answer!.ts) === thread || str(c.args.thread_ts) === thread)
      .map((c) => ({
        type: 'message',
        ts: str(c.answer!.ts),
        ...(c.args.thread_ts === undefined ? {} : { thread_ts: str(c.args.thread_ts) }),
        text: str(c.args.text),
        user: BOT_USER_ID,
        bot_id: BOT_ID,
        ...(String(a.include_all_metadata) === 'true' && c.args.metadata
          ? { metadata: c.args.metadata }
          : {}),
      }));
    return { ok: true, messages, has_more: false };
  },
  'files.info': (a, s) => {
    const file = s.files.get(str(a.file));
    if (file) return { ok: true, file: fileView(file, s.origin) };
    const upload = uploadView(str(a.file), s);
    return upload ? { ok: true, file: upload } : { ok: false, error: 'file_not_found' };
  },
  'files.getUploadURLExternal': (a, s) => {
    const id = s.nextFileId();
    s.pending.set(id, { filename: str(a.filename), length: Number(a.length), altText: a.alt_text as string });
    return { ok: true, upload_url: `${s.origin}/upload/${id}`, file_id: id };
  },
  'files.completeUploadExternal': (a, s) => {
    const refused = notMember(s, a.channel_id);
    if (refused) return refused;
    const files = (Array.isArray(a.files) ? a.files : []) as Array<{ id: string; title?: string }>;
    const missing = files.find((f) => !s.uploaded.has(f.id));
    if (missing) return { ok: false, error: 'file_upload_not_found' };
    s.shares.push({
      channel: str(a.channel_id),
      threadTs: a.thread_ts === undefined ? undefined : str(a.thread_ts),
      initialComment: a.initial_comment === undefined ? undefined : str(a.initial_comment),
      files: files.map((f) => ({
        ...s.pending.get(f.id)!,
        id: f.id,
        ...(f.title === undefined ? {} : { title: f.title }),
        bytes: s.uploaded.get(f.id)!,
      })),
    });
    return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title })) };
  },
};
