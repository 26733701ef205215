/** Does this file's header name order-line columns? (Reads only the head, from disk or from bytes.) */
import { open } from 'node:fs/promises';
import { isOrderLineHeader } from './read.ts';

const HEAD_BYTES = 64 * 1024;

/** The first non-blank line of the head decides; a workbook or UTF-16 file reads as customers. */
export function isOrderLineBytes(bytes: Uint8Array): boolean {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, HEAD_BYTES)).toString(
    'utf8',
  );
  const line = text.split(/\r?\n/).find((l) => l.trim() !== '');
  return line !== undefined && isOrderLineHeader(line.trim());
}

export async function isOrderLineFile(path: string): Promise<boolean> {
  const handle = await open(path).catch(() => null);
  if (!handle) return false; // the customer reader gives the clear "no file" message
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return isOrderLineBytes(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}
