/**
 * Does this file hold order lines or one row per customer? Decided from the
 * head alone (from disk or from bytes), as the readers will see it: text is
 * decoded first (UTF-8, Windows-1252, UTF-16: decode.ts), and a workbook's
 * sheets are peeked at (xlsx-head.ts) in the order the customer reader takes
 * them, the first sheet with a header of either kind deciding.
 */
import { open, readFile } from 'node:fs/promises';
import { looksLikeContainer } from '../containers.ts';
import { decodeHead } from '../decode.ts';
import { mapHeader } from '../headers.ts';
import { DEFAULT_LIMITS, type IngestLimits } from '../result.ts';
import { checkWorkbook, HEADER_SEARCH } from '../xlsx.ts';
import { workbookHeads } from '../xlsx-head.ts';
import { isOrderLineHeader } from './read.ts';
import { looksLikeOrderLines } from './roles.ts';

const HEAD_BYTES = 64 * 1024;

/**
 * `bytes`: the whole file, or (for text) at least its first 64 KB. A workbook needs the whole file.
 * `limits`: the ones the readers are given, so a workbook is held to the same unzipped cap here as there.
 */
export async function isOrderLineBytes(
  bytes: Uint8Array,
  limits: Partial<IngestLimits> = {},
): Promise<boolean> {
  if (looksLikeContainer(bytes))
    return isOrderLineWorkbook(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), limits);
  const text = await decodeHead(bytes.subarray(0, HEAD_BYTES));
  const line = text.split(/\r?\n/).find((l) => l.trim() !== '');
  return line !== undefined && isOrderLineHeader(line.replace(/^\uFEFF/, '').trim());
}

async function isOrderLineWorkbook(bytes: Buffer, limits: Partial<IngestLimits>): Promise<boolean> {
  // The refusals every workbook gets (too big unzipped, damaged, .xls) before a part is inflated: a
  // workbook whose directory says it unzips past the cap is never inflated here, and the reader says why.
  try {
    checkWorkbook(bytes, '', { ...DEFAULT_LIMITS, ...limits }, 'either');
  } catch {
    return false;
  }
  for (const { rows } of await workbookHeads(bytes, HEADER_SEARCH)) {
    for (const cells of rows) {
      // A title or note row (one filled cell) is not a header, as the workbook readers see it.
      if (cells.filter((c) => c !== '').length < 2) continue;
      if (looksLikeOrderLines(cells)) return true;
      try {
        mapHeader(cells, '', 1);
        return false;
      } catch {
        // not a customer header either: look further down
      }
    }
  }
  return false;
}

export async function isOrderLineFile(path: string, limits: Partial<IngestLimits> = {}): Promise<boolean> {
  const handle = await open(path).catch(() => null);
  if (!handle) return false; // the customer reader gives the clear "no file" message
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const head = buffer.subarray(0, bytesRead);
    // A workbook's sheet list and shared strings are at its end.
    if (looksLikeContainer(head)) return isOrderLineBytes(await readFile(path), limits);
    return isOrderLineBytes(head, limits);
  } finally {
    await handle.close();
  }
}
