/** The file-system edge: does this file's header name order-line columns? (Reads only the head.) */
import { open } from 'node:fs/promises';
import { isOrderLineHeader } from './read.ts';

export async function isOrderLineFile(path: string): Promise<boolean> {
  const handle = await open(path).catch(() => null);
  if (!handle) return false; // the customer reader gives the clear "no file" message
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    const line = text.split(/\r?\n/).find((l) => l.trim() !== '');
    return line !== undefined && isOrderLineHeader(line.trim());
  } finally {
    await handle.close();
  }
}
