/**
 * The byte-level gate in front of the CSV parser: stops at the size limit
 * (while streaming, before the rest is read) and refuses content that is not
 * UTF-8 text — an .xlsx, a PNG or a gzip uploaded by mistake would otherwise
 * "parse" into one garbage column and a confusing missing-column message.
 */
import { isUtf8 } from 'node:buffer';
import { InputError } from '../core/errors.ts';
import { formatBytes } from './chunks.ts';

const BINARY_MESSAGE =
  'this looks like a binary file (e.g. Excel or an image), not CSV text; export it as CSV';

export async function* guardBytes(
  chunks: AsyncIterable<Buffer>,
  maxBytes: number,
  file: string,
): AsyncGenerator<Buffer> {
  const text = new TextCheck(file);
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
    text.check(chunk);
    yield chunk;
  }
  text.end();
}

/** Incremental UTF-8 validation; a character split across two chunks is carried over, not rejected. */
class TextCheck {
  private carry: Buffer = Buffer.alloc(0);
  private lines = 0;
  private seen = 0;

  constructor(private readonly file: string) {}

  check(chunk: Buffer): void {
    if (this.seen === 0 && chunk.length >= 2 && isUtf16Bom(chunk)) {
      throw new InputError(
        'binary_content',
        'this file is saved as UTF-16 text; save it as "CSV UTF-8" and try again',
        { file: this.file },
      );
    }
    this.seen += chunk.length;
    // NUL never appears in CSV text; it does in every Excel, zip, image and UTF-16 file.
    if (chunk.includes(0)) throw new InputError('binary_content', BINARY_MESSAGE, { file: this.file });
    const data = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const body = data.subarray(0, data.length - incompleteTail(data));
    if (!isUtf8(body)) throw this.notUtf8(body);
    this.carry = Buffer.from(data.subarray(body.length));
    this.lines += countNewlines(body);
  }

  end(): void {
    if (this.carry.length > 0) throw this.notUtf8(this.carry);
  }

  private notUtf8(body: Buffer): InputError {
    const decoded = new TextDecoder().decode(body);
    const bad = decoded.indexOf('\uFFFD');
    const line = this.lines + decoded.slice(0, Math.max(bad, 0)).split('\n').length;
    // Bad bytes before the first line break mean there was never a text header: a binary file.
    if (line === 1) return new InputError('binary_content', BINARY_MESSAGE, { file: this.file });
    return new InputError(
      'binary_content',
      `line ${line} is not UTF-8 text (the file may use another encoding, such as Windows-1252); ` +
        'save it as "CSV UTF-8" and try again',
      { file: this.file, line },
    );
  }
}

function isUtf16Bom(chunk: Buffer): boolean {
  return (chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff);
}

/** How many trailing bytes start a multi-byte character that the next chunk completes. */
function incompleteTail(data: Buffer): number {
  for (let back = 1; back <= Math.min(3, data.length); back++) {
    const byte = data[data.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: keep looking for the lead
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

function countNewlines(data: Buffer): number {
  let count = 0;
  for (let at = data.indexOf(10); at !== -1; at = data.indexOf(10, at + 1)) count++;
  return count;
}
