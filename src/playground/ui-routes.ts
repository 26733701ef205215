/**
 * The page's own routes, served beside the stand-in's Web API on one port:
 * the static page, the chat state, a server-sent event stream of changes, and
 * the three things a person does (type a command, share a file, click a
 * button). Those are turned into what Slack would send the app: a signed
 * slash command, a signed `message`/`file_share` event, a signed
 * `block_actions` payload, each posted to the real Bolt app.
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { COMMAND_HELP, SLASH } from '../commands/help.ts';
import type { SlackStandin } from './standin/server.ts';
import {
  buttonPayload,
  fileShareEnvelope,
  type Sent,
  sendAction,
  sendCommand,
  sendEvent,
} from './standin/signer.ts';
import { BOT_USER, CHANNELS, PLAYGROUND_USER, type Workspace } from './workspace.ts';

export interface BoltTarget {
  /** The Bolt app's base URL (HTTP mode, on 127.0.0.1). */
  url: string;
  signingSecret: string;
}

/** The page's files live in src/ for both the TypeScript and the compiled (dist/) run. */
const PAGE_DIR = fileURLToPath(new URL('../../src/playground/page/', import.meta.url));
const PAGE_FILES: Record<string, string> = {
  '/': 'index.html',
  '/page/style.css': 'style.css',
  '/page/app.js': 'app.js',
  '/page/blocks.js': 'blocks.js',
  '/page/mrkdwn.js': 'mrkdwn.js',
};
const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
};

const channelId = z.enum(CHANNELS.map((c) => c.id) as [string, ...string[]]);
const CommandBody = z.object({ channel: channelId, text: z.string().max(4000) });
const ActionBody = z.object({
  channel: channelId,
  ts: z.string().max(40),
  actionId: z.string().max(255),
  blockId: z.string().max(255).optional(),
  value: z.string().max(2000).optional(),
  text: z.string().max(200).optional(),
});
const FILE_TYPES: Record<string, string> = { csv: 'csv', tsv: 'tsv', txt: 'text', xlsx: 'xlsx', xls: 'xls' };

export function uiRoutes(standin: SlackStandin, workspace: Workspace, bolt: () => BoltTarget | undefined) {
  let events = 0;
  const signed = { secret: '' };
  const target = () => {
    const found = bolt();
    if (!found) throw new Error('the app is still starting');
    signed.secret = found.signingSecret;
    return found;
  };
  /** A non-2xx answer from the app is shown to the person, like Slack's "dispatch_failed". */
  const checked = (channel: string, sent: Sent) => {
    if (sent.status >= 200 && sent.status < 300) return;
    workspace.add({
      channel,
      user: BOT_USER.id,
      ephemeral: true,
      text: `:warning: The app answered HTTP ${sent.status} (in Slack: "dispatch_failed").`,
    });
  };

  const command = async (body: z.infer<typeof CommandBody>) => {
    const bot = target();
    workspace.add({ channel: body.channel, user: PLAYGROUND_USER.id, text: body.text });
    const text = body.text.trim().replace(/^\/segment\b\s*/, '');
    const responseUrl = workspace.responseUrl({ channel: body.channel });
    const name = CHANNELS.find((c) => c.id === body.channel)?.name ?? 'general';
    const fields = {
      text,
      channel_id: body.channel,
      channel_name: name,
      user_id: PLAYGROUND_USER.id,
      user_name: PLAYGROUND_USER.name,
      response_url: responseUrl,
    };
    checked(body.channel, await sendCommand(bot.url, fields, signed));
  };

  const upload = async (channel: string, name: string, bytes: Buffer) => {
    const bot = target();
    const extension = name.split('.').at(-1)?.toLowerCase() ?? '';
    const file = standin.addFile({
      name,
      title: name,
      filetype: FILE_TYPES[extension] ?? extension,
      content: bytes,
      user: PLAYGROUND_USER.id,
    });
    const view = { id: file.id, name, title: name, url: workspace.fileUrl(file.id, name), isImage: false };
    const message = workspace.add({ channel, user: PLAYGROUND_USER.id, text: '', files: [view] });
    events += 1;
    const envelope = fileShareEnvelope({
      eventId: `EvPLAY${Date.now()}${events}`,
      channel,
      user: PLAYGROUND_USER.id,
      ts: message.ts,
      files: [{ id: file.id, name, filetype: file.filetype }],
    });
    checked(channel, await sendEvent(bot.url, envelope, signed));
  };

  const action = async (body: z.infer<typeof ActionBody>) => {
    const bot = target();
    const parent = workspace.list().find((m) => m.channel === body.channel && m.ts === body.ts);
    const threadTs = parent?.threadTs ?? body.ts;
    const payload = buttonPayload({
      channel: body.channel,
      messageTs: body.ts,
      ...(parent?.threadTs ? { threadTs: parent.threadTs } : {}),
      actionId: body.actionId,
      ...(body.blockId ? { blockId: body.blockId } : {}),
      ...(body.value === undefined ? {} : { value: body.value }),
      ...(body.text ? { text: body.text } : {}),
      user: PLAYGROUND_USER.id,
      responseUrl: workspace.responseUrl({ channel: body.channel, threadTs }),
    });
    checked(body.channel, await sendAction(bot.url, payload, signed));
  };

  return async (req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://playground');
    const path = url.pathname;
    const page = PAGE_FILES[path];
    if (req.method === 'GET' && page) {
      const content = await readFile(`${PAGE_DIR}${page}`);
      send(res, 200, content, TYPES[page.split('.').at(-1)!] ?? 'application/octet-stream');
      return true;
    }
    if (req.method === 'GET' && path === '/ui/state') {
      sendJson(res, 200, state(workspace));
      return true;
    }
    if (req.method === 'GET' && path === '/ui/events') {
      stream(req, res, workspace);
      return true;
    }
    if (req.method === 'GET' && path.startsWith('/ui/files/')) {
      const found = workspace.fileBytes(path.split('/')[3] ?? '');
      if (!found) return false;
      const type = /\.png$/i.test(found.name) ? 'image/png' : 'application/octet-stream';
      const disposition = type === 'image/png' ? 'inline' : `attachment; filename="${safeName(found.name)}"`;
      res.writeHead(200, { 'content-type': type, 'content-disposition': disposition });
      res.end(found.bytes);
      return true;
    }
    if (req.method !== 'POST') return false;
    try {
      if (path === '/ui/command') await command(CommandBody.parse(JSON.parse(body.toString('utf8'))));
      else if (path === '/ui/action') await action(ActionBody.parse(JSON.parse(body.toString('utf8'))));
      else if (path === '/ui/upload') {
        const channel = channelId.parse(url.searchParams.get('channel'));
        const name = z.string().min(1).max(255).parse(url.searchParams.get('name'));
        await upload(channel, name, body);
      } else return false;
      sendJson(res, 202, { ok: true });
    } catch (error) {
      const message = error instanceof z.ZodError ? 'bad request' : String((error as Error).message ?? error);
      sendJson(res, 400, { ok: false, error: message });
    }
    return true;
  };
}

function state(workspace: Workspace) {
  return {
    channels: CHANNELS,
    me: PLAYGROUND_USER,
    bot: BOT_USER,
    messages: workspace.list(),
    suggestions: COMMAND_HELP.flatMap((help) =>
      help.examples.map((example) => ({ command: `${SLASH} ${example}`, what: help.what })),
    ),
  };
}

function stream(req: IncomingMessage, res: ServerResponse, workspace: Workspace): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  res.write(': connected\n\n');
  const unsubscribe = workspace.subscribe((message) => res.write(`data: ${JSON.stringify(message)}\n\n`));
  const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
  req.on('close', () => {
    clearInterval(ping);
    unsubscribe();
  });
}

const safeName = (name: string) => name.replace(/[^\w. -]/g, '_');

function send(res: ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, value: unknown) =>
  send(res, status, JSON.stringify(value), 'application/json');
