/**
 * Shared files, checked before a single byte is fetched and fetched with care:
 * only tables (CSV/TSV by type or name), only files hosted by Slack, only up to
 * the size limit, only from the configured file host (the bot token is never
 * sent anywhere else), never following a redirect, and never mistaking Slack's
 * HTML login page (what a token without files:read gets, with status 200) for data.
 */
import { formatBytes } from './blocks/notices.ts';

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

export type RefusalReason = 'external' | 'not_tabular' | 'too_large' | 'not_downloadable' | 'login_page';

/** A file the bot will not read, with a reason written for the person who shared it. */
export class FileRefusal extends Error {
  override readonly name = 'FileRefusal';
  constructor(
    readonly reason: RefusalReason,
    message: string,
  ) {
    super(message);
  }
}

export interface DownloadOptions {
  token: string;
  /** host[:port] of Slack's file host (the stand-in's in tests). */
  allowedHost: string;
  maxBytes: number;
  timeoutMs: number;
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
    throw new FileRefusal('external', `${name} is stored outside Slack; upload the CSV file itself.`);
  }
  if (!isTableFile(file))
    throw new FileRefusal('not_tabular', `${name} is not a CSV, TSV or Excel (.xlsx) file.`);
  if (file.size !== undefined && file.size > maxBytes) throw tooLarge(name, file.size, maxBytes);
  const url = file.url_private_download ?? file.url_private;
  if (!url || !isAllowedUrl(url, allowedHost)) {
    throw new FileRefusal(
      'not_downloadable',
      `${name} is not served by Slack's file host, so I did not fetch it.`,
    );
  }
  return url;
}

const tooLarge = (name: string, size: number | undefined, maxBytes: number) =>
  new FileRefusal(
    'too_large',
    `${name} is ${size === undefined ? 'larger than' : `${formatBytes(size)}, over`} the ${formatBytes(maxBytes)} limit; ` +
      'remove unused columns or split it.',
  );

/** GETs an allowed URL with the bot token, without following redirects, stopping at maxBytes. */
export async function downloadCapped(
  url: string,
  name: string,
  options: DownloadOptions,
): Promise<Uint8Array> {
  if (!isAllowedUrl(url, options.allowedHost)) {
    throw new FileRefusal('not_downloadable', `${name} is not served by Slack's file host.`);
  }
  const response = await (options.fetchFn ?? fetch)(url, {
    headers: { Authorization: `Bearer ${options.token}` },
    redirect: 'manual',
    signal: AbortSignal.timeout(options.timeoutMs),
  });
  if (response.status !== 200 || !response.body) {
    await response.body?.cancel();
    throw new FileRefusal('not_downloadable', `Slack answered ${response.status} when I fetched ${name}.`);
  }
  if ((response.headers.get('content-type') ?? '').toLowerCase().includes('text/html')) {
    await response.body.cancel();
    throw loginPage(name);
  }
  const bytes = await readCapped(response.body, name, options.maxBytes);
  if (HTML_START.test(new TextDecoder().decode(bytes.subarray(0, 256)))) throw loginPage(name);
  return bytes;
}

const loginPage = (name: string) =>
  new FileRefusal(
    'login_page',
    `Slack sent a login page instead of ${name}: the app may lack the files:read scope. Ask an admin to reinstall it.`,
  );

async function readCapped(
  body: ReadableStream<Uint8Array>,
  name: string,
  maxBytes: number,
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
  }
  return Buffer.concat(chunks, total);
}
