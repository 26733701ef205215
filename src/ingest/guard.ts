/**
 * The byte-level gate in front of decoding and parsing: stops at the size
 * limit while streaming, before the rest is read. Whether the bytes are text
 * at all is decided by decode.ts.
 */
import { InputError } from '../core/errors.ts';
import { formatBytes } from './chunks.ts';

export async function* guardBytes(
  chunks: AsyncIterable<Buffer>,
  maxBytes: number,
  file: string,
): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.length;
    if (total > maxBytes) {
      throw new InputError(
        'file_too_large',
        `the file is larger than the ${formatBytes(maxBytes)} limit; remove unused columns or split it`,
        { file },
      );
    }
    yield chunk;
  }
}
