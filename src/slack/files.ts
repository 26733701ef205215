/**
 * Shared files, checked before a single byte is fetched and fetched with care:
 * only tables (CSV/TSV by type or name), only files hosted by Slack, only up to
 * the size limit, only from the configured file host (the bot token is never
 * sent anywhere else), never following a redirect, and never mistaking Slack's
 * HTML login page (what a token without files:read gets, with status 200) for data.
 */
import { InputError, type InputErrorCode } from '../commands/errors.ts';
import { fileTooLarge, formatBytes } from '../words.ts';

/** The fields of a files.info / event file object this module reads. */
export interface SharedFile {
  id: string;
  name?: string;
  title?: string;
  filetype?: string;
  size?: number;
  mode?: string;
  is_external?: boolean;
  url_private?: string;
  url_private_download?: string;
  user?: string;
}

/** Why a shared file is not read: InputError codes, so a refusal is a user's problem like any other. */
export type RefusalCode = Extract<
  InputErrorCode,
  | 'file_external'
  | 'file_not_tabular'
  | 'file_too_large'
  | 'file_not_downloadable'
  | 'download_login_page'
  | 'download_timeout'
  | 'download_stalled'
  | 'download_truncated'
  | 'download_http_error'
>;

/** A file the bot will not read: an InputError with a refusal code and a sentence for the person who shared it. */
const refusal = (code: RefusalCode, message: string) => new InputError(code, message);

export interface DownloadOptions {
  token: string;
  /** host[:port] of Slack's file host (the stand-in's in tests). */
  allowedHost: string;
  maxBytes: number;
  /** Until the response headers arrive. */
  connectTimeoutMs: number;
  /** Between two chunks of the body. */
  idleTimeoutMs: number;
  /** Aborts the download from outside (shutdown, watchdog). */
  signal?: AbortSignal;
  fetchFn?: typeof fetch;
}

const TABLE_TYPES = new Set(['csv', 'tsv', 'xlsx']);
const TABLE_NAME = /\.(csv|tsv|xlsx)$/i;
const HOSTED_MODES = new Set(['hosted', 'snippet']);
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const HTML_START = /^\s*<(!doctype\s+html|html|head|body)\b/i;

/**
 * Data files the bot cannot read but should not ignore: whoever shared one
 * meant it as data, so they get a threaded reply naming what to share instead.
 * Keys are file-name extensions and Slack filetypes alike.
 */
export const UNUSABLE_FORMATS = {
  xls: 'xls',
  xlsb: 'xlsb',
  ods: 'ods',
  numbers: 'numbers',
  json: 'json',
  jsonl: 'json',
  ndjson: 'json',
  parquet: 'parquet',
  zip: 'archive',
  gz: 'archive',
  gzip: 'archive',
  '7z': 'archive',
  rar: 'archive',
} as const;
export type UnusableFormat = (typeof UNUSABLE_FORMATS)[keyof typeof UNUSABLE_FORMATS];

export type SharedFileKind =
  | { kind: 'table' }
  | { kind: 'unusable'; format: UnusableFormat }
  | { kind: 'other' };

/** Tables are read; other data formats get a reply; images, PDFs and everything else are left alone. */
export function classifySharedFile(
  file: Pick<SharedFile, 'name' | 'filetype' | 'is_external'>,
): SharedFileKind {
  if (isTableFile(file)) return { kind: 'table' };
  if (file.is_external) return { kind: 'other' };
  const extension = /\.([a-z0-9]+)$/i.exec(file.name ?? '')?.[1]?.toLowerCase() ?? '';
  const type = (file.filetype ?? '').toLowerCase();
  for (const key of [extension, type]) {
    if (Object.hasOwn(UNUSABLE_FORMATS, key)) {
      return { kind: 'unusable', format: UNUSABLE_FORMATS[key as keyof typeof UNUSABLE_FORMATS] };
    }
  }
  return { kind: 'other' };
}

/** CSV, TSV or an Excel workbook by Slack's filetype or by name; spreadsheet exports often carry odd mimetypes, so those are ignored. */
export function isTableFile(file: Pick<SharedFile, 'name' | 'filetype' | 'is_external'>): boolean {
  if (file.is_external) return false;
  return TABLE_TYPES.has((file.filetype ?? '').toLowerCase()) || TABLE_NAME.test(file.name ?? '');
}

/** A URL the bot token may be sent to: the allowed host exactly, over https (plain http only on loopback, for tests). */
export function isAllowedUrl(raw: string, allowedHost: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username || url.password || url.host.toLowerCase() !== allowedHost.toLowerCase()) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
}

/** files.info's answer → the URL to download, or a refusal. */
export function downloadUrl(file: SharedFile, allowedHost: string, maxBytes: number): string {
  const name = file.name ?? file.id;
  if (file.is_external || (file.mode !== undefined && !HOSTED_MODES.has(file.mode))) {
    throw refusal('file_external', `${name} is stored outside Slack; upload the CSV file itself.`);
  }
  if (!isTableFile(file))
    throw refusal('file_not_tabular', `${name} is not a CSV, TSV or Excel (.xlsx) file.`);
  if (file.size !== undefined && file.size > maxBytes) throw tooLarge(name, file.size, maxBytes);
  const url = file.url_private_download ?? file.url_private;
  if (!url || !isAllowedUrl(url, allowedHost)) {
    throw refusal(
      'file_not_downloadable',
      `${name} is not served by Slack's file host, so I did not fetch it.`,
    );
  }
  return url;
}

const tooLarge = (name: string, size: number | undefined, maxBytes: number) =>
  refusal('file_too_large', `${fileTooLarge(name, size, maxBytes)}.`);

/**
 * GETs an allowed URL with the bot token, without following redirects,
 * stopping at maxBytes. A host that does not answer, a body that stops coming,
 * a body shorter than its Content-Length and an HTTP error each end in their
 * own refusal, so the thread says what happened instead of a generic apology.
 */
export async function downloadCapped(
  url: string,
  name: string,
  options: DownloadOptions,
): Promise<Uint8Array> {
  if (!isAllowedUrl(url, options.allowedHost)) {
    throw refusal('file_not_downloadable', `${name} is not served by Slack's file host.`);
  }
  const controller = new AbortController();
  const outer = options.signal;
  const onOuterAbort = () => controller.abort(outer?.reason);
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  let timedOut: 'connect' | 'idle' | undefined;
  let timer: NodeJS.Timeout | undefined;
  const arm = (kind: 'connect' | 'idle', ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = kind;
      controller.abort(new Error(`${kind} timeout`));
    }, ms);
  };
  let received = 0;
  try {
    arm('connect', options.connectTimeoutMs);
    const response = await (options.fetchFn ?? fetch)(url, {
      headers: { Authorization: `Bearer ${options.token}` },
      redirect: 'manual',
      signal: controller.signal,
    });
    if (response.status !== 200 || !response.body) {
      await response.body?.cancel().catch(() => undefined);
      throw httpError(name, response.status);
    }
    if ((response.headers.get('content-type') ?? '').toLowerCase().includes('text/html')) {
      await response.body.cancel().catch(() => undefined);
      throw loginPage(name);
    }
    const announced = Number(response.headers.get('content-length') ?? Number.NaN);
    arm('idle', options.idleTimeoutMs);
    const bytes = await readCapped(response.body, name, options.maxBytes, (total) => {
      received = total;
      arm('idle', options.idleTimeoutMs);
    });
    if (Number.isFinite(announced) && bytes.byteLength < announced)
      throw truncated(name, bytes.byteLength, announced);
    if (HTML_START.test(new TextDecoder().decode(bytes.subarray(0, 256)))) throw loginPage(name);
    return bytes;
  } catch (error) {
    if (error instanceof InputError) throw error;
    if (timedOut === 'connect') {
      throw refusal(
        'download_timeout',
        `Slack's file host did not answer within ${seconds(options.connectTimeoutMs)} when I fetched ${name}. Share it again in a minute.`,
      );
    }
    if (timedOut === 'idle') {
      throw refusal(
        'download_stalled',
        `The download of ${name} stalled: nothing arrived for ${seconds(options.idleTimeoutMs)} after ${formatBytes(received)}. Share it again.`,
      );
    }
    if (outer?.aborted) throw error;
    // The connection closed before the announced length (undici: "terminated").
    if (received > 0 || /terminated|other side closed|ECONNRESET/i.test(describeCause(error))) {
      throw truncated(name, received, undefined);
    }
    throw error;
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onOuterAbort);
  }
}

const seconds = (ms: number) => (ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`);

function describeCause(error: unknown): string {
  const e = error as { message?: unknown; cause?: { message?: unknown; code?: unknown } };
  return `${String(e?.message ?? '')} ${String(e?.cause?.message ?? '')} ${String(e?.cause?.code ?? '')}`;
}

const httpError = (name: string, status: number) =>
  refusal(
    'download_http_error',
    `Slack answered ${status} when I fetched ${name}` +
      (status >= 500 ? '; its file host may be having trouble. Share it again in a minute.' : '.'),
  );

const truncated = (name: string, got: number, announced: number | undefined) =>
  refusal(
    'download_truncated',
    `The download of ${name} was cut short: I got ${formatBytes(got)}` +
      (announced === undefined ? '' : ` of the ${formatBytes(announced)} Slack announced`) +
      '. Share it again.',
  );

const loginPage = (name: string) =>
  refusal(
    'download_login_page',
    `Slack sent a login page instead of ${name}: the app may lack the files:read scope. Ask an admin to reinstall it.`,
  );

async function readCapped(
  body: ReadableStream<Uint8Array>,
  name: string,
  maxBytes: number,
  onChunk: (total: number) => void,
): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(name, undefined, maxBytes);
    }
    chunks.push(value);
    onChunk(total);
  }
  return Buffer.concat(chunks, total);
}
