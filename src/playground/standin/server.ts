/**
 * A local stand-in for Slack's Web API, file host and response_url, on
 * 127.0.0.1 and a free port. The real app talks to it through SLACK_API_URL;
 * it records every call, upload, download and response_url post so tests
 * assert on real payloads, and it can answer with injected faults (429 with
 * Retry-After, 500, or an `ok: false` error). files.info also knows the bot's
 * own uploads, with where each is shared (routes.ts `uploadView`).
 *
 * Routes: POST /api/<method>, POST /upload/<fileId> (multipart, part "body"),
 * GET /files/<fileId>/<name> (needs the bot token, else Slack's HTML login
 * page with status 200), POST /respond/<id> (response_url).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Args, BOT_TOKEN, HANDLERS } from './routes.ts';
import { type ApiCall, type Fault, StandinState, type StoredFile } from './state.ts';

export { BOT_ID, BOT_TOKEN, BOT_USER_ID, TEAM_ID } from './routes.ts';
export type { ApiCall, Fault, SharedUpload, StoredFile } from './state.ts';

const LOGIN_PAGE = '<!DOCTYPE html><html><head><title>Slack</title></head><body>Sign in</body></html>';

/** Answers a request the stand-in does not know (the playground's page); false means 404. */
export type ExtraRoute = (
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
) => boolean | Promise<boolean>;

export interface StandinOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** 127.0.0.1 unless told otherwise. */
  host?: string;
  extra?: ExtraRoute;
  /**
   * Keep only this many of each recorded thing (calls, responses, uploads), oldest dropped: the
   * playground runs for days. Tests leave it unset and read the whole history.
   */
  historyKept?: number;
}

/** Told after every Web API call is answered and every response_url post (the playground's live view). */
export type StandinListener = (
  event: { kind: 'call'; call: ApiCall } | { kind: 'respond'; id: string; body: Record<string, unknown> },
) => void;

export class SlackStandin extends StandinState {
  private readonly listeners: StandinListener[] = [];
  private extra: ExtraRoute | undefined;

  private constructor(private readonly server: Server) {
    super();
  }

  static async start(options: StandinOptions = {}): Promise<SlackStandin> {
    const server = createServer();
    const standin = new SlackStandin(server);
    standin.extra = options.extra;
    if (options.historyKept !== undefined) standin.historyKept = options.historyKept;
    server.on('request', (req, res) => {
      standin.route(req, res).catch(() => {
        if (!res.headersSent) send(res, 500, 'stand-in error', 'text/plain');
        else res.end();
      });
    });
    const host = options.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, resolve);
    });
    const shown = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
    standin.origin = `http://${shown}:${(server.address() as AddressInfo).port}`;
    return standin;
  }

  /** Calls `listener` after each answered call and response_url post. */
  listen(listener: StandinListener): void {
    this.listeners.push(listener);
  }

  private tell(event: Parameters<StandinListener>[0]): void {
    for (const listener of this.listeners) listener(event);
  }

  get host(): string {
    return new URL(this.origin).host;
  }
  get apiUrl(): string {
    return `${this.origin}/api/`;
  }
  responseUrl(id: string = randomUUID()): string {
    return `${this.origin}/respond/${id}`;
  }

  addFile(
    spec: Omit<Partial<StoredFile>, 'content'> & { name: string; content: Buffer | string },
  ): StoredFile {
    const content = Buffer.from(spec.content);
    const file: StoredFile = {
      id: this.nextFileId(),
      filetype: 'csv',
      mode: 'hosted',
      size: content.length,
      ...spec,
      content,
    };
    this.files.set(file.id, file);
    return file;
  }

  /** Queue faults for a target: a Web API method, 'respond', 'upload' or 'download'. */
  fail(target: string, ...faults: Fault[]): void {
    this.faults.set(target, [...(this.faults.get(target) ?? []), ...faults]);
  }

  callsTo(method: string, ok = true) {
    return this.calls.filter((c) => c.method === method && (!ok || c.fault === undefined));
  }

  /** Polls until `probe` returns something truthy. */
  async waitFor<T>(
    probe: () => T | undefined | false | null,
    timeoutMs = 20_000,
    what = 'condition',
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = probe();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`stand-in: timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async route(req: IncomingMessage, res: ServerResponse) {
    const body = await readBody(req);
    const [, kind = '', id = ''] = (req.url ?? '').split('?')[0]!.split('/');
    const target = kind === 'api' ? id : kind === 'files' ? 'download' : kind;
    const fault = this.takeFault(target);
    if (kind === 'api')
      this.calls.push({
        method: id,
        args: parseArgs(req, body),
        auth: req.headers.authorization,
        at: Date.now(),
        ...(fault ? { fault: describe(fault) } : {}),
      });
    this.trimHistory();
    if (fault && 'lost' in fault) {
      if (kind === 'api') this.answer(req, id);
      return; // never answered; closed with the server
    }
    if (fault && 'afterDoing' in fault && kind === 'api') this.answer(req, id);
    if (fault) return sendFault(res, fault);
    if (kind === 'api') return this.api(req, res, id);
    if (kind === 'upload') return this.upload(req, res, id, body);
    if (kind === 'files') return this.download(req, res, id);
    if (kind === 'respond') {
      const parsed = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
      this.responses.push({ id, body: parsed, at: Date.now() });
      send(res, 200, 'ok', 'text/plain');
      return this.tell({ kind: 'respond', id, body: parsed });
    }
    if (this.extra && (await this.extra(req, res, body))) return;
    send(res, 404, 'not found', 'text/plain');
  }

  private api(req: IncomingMessage, res: ServerResponse, method: string) {
    const call = this.answer(req, method);
    json(res, call.answer);
    this.tell({ kind: 'call', call });
  }

  /** Does the last recorded call: its answer is what Slack would send back. */
  private answer(req: IncomingMessage, method: string) {
    const call = this.calls.at(-1)!;
    if (req.headers.authorization !== `Bearer ${BOT_TOKEN}`) {
      call.answer = { ok: false, error: 'invalid_auth' };
      return call;
    }
    const handler = HANDLERS[method];
    call.answer = handler ? handler(call.args, this) : { ok: false, error: 'unknown_method' };
    return call;
  }

  private async upload(
    req: IncomingMessage,
    res: ServerResponse,
    fileId: string,
    body: Buffer,
  ): Promise<void> {
    const form = await new Request('http://standin/upload', {
      method: 'POST',
      headers: { 'content-type': req.headers['content-type'] ?? '' },
      body,
    }).formData();
    const part = form.get('body');
    if (!(part instanceof Blob) || !this.pending.has(fileId))
      return send(res, 400, 'bad upload', 'text/plain');
    this.uploaded.set(fileId, Buffer.from(await part.arrayBuffer()));
    this.trimHistory();
    send(res, 200, `OK - ${part.size}`, 'text/plain');
  }

  private download(req: IncomingMessage, res: ServerResponse, fileId: string) {
    const file = this.files.get(fileId);
    this.downloads.push({ fileId, auth: req.headers.authorization });
    if (!file) return send(res, 404, 'not found', 'text/plain');
    if (typeof file.redirectTo === 'string') {
      res.writeHead(302, { location: file.redirectTo });
      return void res.end();
    }
    if (req.headers.authorization !== `Bearer ${BOT_TOKEN}`) return send(res, 200, LOGIN_PAGE, 'text/html');
    const type = typeof file.servedAs === 'string' ? file.servedAs : 'text/csv';
    // Download faults: `hangAfter` bytes then silence; `truncateAt` bytes then the connection drops.
    const cut = typeof file.hangAfter === 'number' ? file.hangAfter : file.truncateAt;
    if (typeof cut === 'number') {
      res.writeHead(200, { 'content-type': type, 'content-length': String(file.content.length) });
      res.write(file.content.subarray(0, cut));
      if (typeof file.truncateAt === 'number') setTimeout(() => res.destroy(), 50);
      return;
    }
    send(res, 200, file.content, type);
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Form or JSON bodies; form values holding JSON (blocks, files) are decoded. */
function parseArgs(req: IncomingMessage, body: Buffer): Args {
  const text = body.toString('utf8');
  if ((req.headers['content-type'] ?? '').includes('application/json')) return text ? JSON.parse(text) : {};
  const args: Args = {};
  for (const [key, value] of new URLSearchParams(text)) {
    args[key] = /^[[{]/.test(value) ? tryJson(value) : value;
  }
  return args;
}

const tryJson = (value: string) => {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
};

const describe = (fault: Fault) =>
  'lost' in fault ? 'lost' : 'error' in fault ? fault.error : String(fault.status);

function sendFault(res: ServerResponse, fault: Exclude<Fault, { lost: true }>) {
  if ('error' in fault) return json(res, { ok: false, error: fault.error });
  if (fault.status === 429) res.setHeader('retry-after', String(fault.retryAfter));
  send(res, fault.status, fault.status === 429 ? 'rate limited' : 'internal error', 'text/plain');
}

const json = (res: ServerResponse, value: unknown) =>
  send(res, 200, JSON.stringify(value), 'application/json');

function send(res: ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
}
