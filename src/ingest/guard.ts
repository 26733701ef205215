/**
 * The byte-level gate in front of decoding and parsing: stops at the size
 * limit while streaming, before the rest is read. Whether the bytes are text
 * at all is decided by decode.ts.
 */
import { InputError } from '../core/errors.ts';
import { fileTooLarge } from '../words.ts';

export async function* guardBytes(
  chunks: AsyncIterable<Buffer>,
  maxBytes: number,
  file: string,
): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.length;
    if (total > maxBytes) {
      throw new InputError('file_too_large', fileTooLarge('the file', undefined, maxBytes), { file });
    }
    yield chunk;
  }
}
