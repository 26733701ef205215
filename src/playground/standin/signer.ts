/**
 * Talks to the app the way Slack does: signed slash commands (a form body sent
 * as a string with content-type exactly application/x-www-form-urlencoded, as
 * Bolt requires) and signed Events API envelopes.
 */
import { createHmac } from 'node:crypto';
import { BOT_TOKEN, TEAM_ID } from './routes.ts';

export const SIGNING_SECRET = '8f742231b10e8888abcd99aaabbb85a5';

export interface SignOptions {
  secret?: string;
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
}

export function signatureHeaders(body: string, options: SignOptions = {}): Record<string, string> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const hmac = createHmac('sha256', options.secret ?? SIGNING_SECRET).update(`v0:${timestamp}:${body}`);
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': `v0=${hmac.digest('hex')}` };
}

export interface CommandFields {
  text: string;
  channel_id: string;
  response_url: string;
  user_id?: string;
  user_name?: string;
  team_id?: string;
  channel_name?: string;
}

export interface Sent {
  status: number;
  body: string;
  ms: number;
}

async function post(url: string, body: string, headers: Record<string, string>): Promise<Sent> {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', body, headers });
  const text = await response.text();
  return { status: response.status, body: text, ms: performance.now() - started };
}

export function commandBody(fields: CommandFields): string {
  return new URLSearchParams({
    command: '/segment',
    user_id: 'UALICE',
    user_name: 'alice',
    team_id: TEAM_ID,
    team_domain: 'standin',
    channel_name: 'analytics',
    api_app_id: 'ASEGMENT',
    trigger_id: '1.2.3',
    token: 'deprecated-verification-token',
    ...fields,
  }).toString();
}

export function sendCommand(appUrl: string, fields: CommandFields, options: SignOptions = {}): Promise<Sent> {
  const body = commandBody(fields);
  const headers = { 'content-type': 'application/x-www-form-urlencoded', ...signatureHeaders(body, options) };
  return post(`${appUrl}/slack/events`, body, headers);
}

export interface EventOptions extends SignOptions {
  retryNum?: number;
}

export function sendEvent(appUrl: string, envelope: object, options: EventOptions = {}): Promise<Sent> {
  const body = JSON.stringify(envelope);
  const retry: Record<string, string> =
    options.retryNum === undefined
      ? {}
      : { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_timeout' };
  return post(`${appUrl}/slack/events`, body, {
    'content-type': 'application/json',
    ...signatureHeaders(body, options),
    ...retry,
  });
}

/** A block_actions payload (a button click), form-encoded as `payload=<json>` like Slack sends it. */
export function sendAction(appUrl: string, payload: object, options: SignOptions = {}): Promise<Sent> {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const headers = { 'content-type': 'application/x-www-form-urlencoded', ...signatureHeaders(body, options) };
  return post(`${appUrl}/slack/events`, body, headers);
}

export interface ButtonClick {
  channel: string;
  /** The ts of the message holding the button. */
  messageTs: string;
  /** Its thread's parent, when the message is a reply in a thread. */
  threadTs?: string;
  actionId: string;
  blockId?: string;
  value?: string;
  text?: string;
  responseUrl: string;
  user?: string;
}

/** The block_actions payload Slack sends when someone clicks a button in a message. */
export function buttonPayload(click: ButtonClick): object {
  const user = click.user ?? 'UALICE';
  return {
    type: 'block_actions',
    team: { id: TEAM_ID, domain: 'standin' },
    user: { id: user, username: user.toLowerCase(), team_id: TEAM_ID },
    api_app_id: 'ASEGMENT',
    token: 'deprecated-verification-token',
    container: {
      type: 'message',
      message_ts: click.messageTs,
      channel_id: click.channel,
      is_ephemeral: false,
      ...(click.threadTs ? { thread_ts: click.threadTs } : {}),
    },
    trigger_id: '1.2.3',
    channel: { id: click.channel, name: click.channel.toLowerCase() },
    message: {
      type: 'message',
      ts: click.messageTs,
      text: '',
      ...(click.threadTs ? { thread_ts: click.threadTs } : {}),
    },
    response_url: click.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: click.actionId,
        block_id: click.blockId ?? 'actions',
        text: { type: 'plain_text', text: click.text ?? click.actionId },
        ...(click.value === undefined ? {} : { value: click.value }),
        action_ts: `${Math.floor(Date.now() / 1000)}.000200`,
      },
    ],
  };
}

export interface FileShare {
  eventId: string;
  channel: string;
  files: Array<{ id: string; name: string; filetype: string }>;
  user?: string;
  ts?: string;
  botId?: string;
}

/** A `message` / `file_share` event envelope, as Slack sends it for a file shared in a channel. */
export function fileShareEnvelope(share: FileShare): object {
  const ts = share.ts ?? `${Math.floor(Date.now() / 1000)}.000100`;
  return {
    token: 'deprecated-verification-token',
    team_id: TEAM_ID,
    api_app_id: 'ASEGMENT',
    type: 'event_callback',
    event_id: share.eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: TEAM_ID, user_id: 'UBOT', is_bot: true }],
    event: {
      type: 'message',
      subtype: 'file_share',
      channel: share.channel,
      channel_type: 'channel',
      user: share.user ?? 'UALICE',
      ...(share.botId ? { bot_id: share.botId } : {}),
      text: '',
      ts,
      event_ts: ts,
      upload: true,
      files: share.files.map((f) => ({ ...f, mode: 'hosted', is_external: false })),
    },
  };
}

/** Never sent by the tests: asserted absent from logs. */
export const SECRETS = [BOT_TOKEN, SIGNING_SECRET];
