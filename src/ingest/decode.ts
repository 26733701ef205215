/**
 * The text-encoding step in front of the CSV parser: whatever the file was
 * saved as, the rest of ingest sees UTF-8 bytes, and learns which encoding
 * was read so the answer can name it.
 *
 *   UTF-16 (LE/BE)  a byte-order mark, or ASCII with every other byte zero
 *   UTF-8           valid UTF-8 at the first byte above 127 (and from then on)
 *   Windows-1252    invalid UTF-8 at the first byte above 127: what Excel on
 *                   Windows writes for "CSV (comma delimited)", and a superset
 *                   of Latin-1 for every printable character
 *
 * Deciding at the first non-ASCII byte is what a spreadsheet does with the
 * whole file, but streaming: everything before that byte is ASCII, which
 * reads the same in both. Content that is text in neither (NUL bytes, control
 * codes, a header that is mostly symbols) and files that mix encodings are
 * refused with the specific messages ingest has always given.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';
import { InputError } from '../core/errors.ts';
import type { TextEncoding } from '../core/types.ts';

export type { TextEncoding } from '../core/types.ts';

/** Filled in while reading: the encoding the file was read as. */
export interface Decoding {
  encoding: TextEncoding;
}

const BINARY_MESSAGE =
  'this looks like a binary file (e.g. Excel or an image), not CSV text; export it as CSV';
/** Bytes looked at before choosing between UTF-16 and an 8-bit encoding. */
const SNIFF = 512;

export async function* decodeText(
  chunks: AsyncIterable<Buffer>,
  file: string,
  found: Decoding,
): AsyncGenerator<Buffer> {
  const iterator = chunks[Symbol.asyncIterator]();
  let head: Buffer = Buffer.alloc(0);
  let ended = false;
  while (head.length < SNIFF) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    head = head.length === 0 ? next.value : Buffer.concat([head, next.value]);
  }
  const rest: AsyncIterable<Buffer> = {
    [Symbol.asyncIterator]: () => (ended ? emptyIterator() : iterator),
  };
  const wide = utf16Kind(head);
  found.encoding = wide ?? 'utf-8';
  try {
    if (wide) yield* fromUtf16(head, rest, wide, file);
    else yield* fromEightBit(head, rest, file, found);
  } finally {
    // Closes the source (e.g. the file) when the reader stops early.
    await iterator.return?.();
  }
}

function emptyIterator(): AsyncIterator<Buffer> {
  return { next: async () => ({ done: true, value: undefined }) };
}

/** A byte-order mark, or (without one) text whose every other byte is zero. */
function utf16Kind(head: Buffer): 'utf-16le' | 'utf-16be' | null {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const pairs = Math.floor(Math.min(head.length, SNIFF) / 2);
  if (pairs < 4) return null;
  let le = 0;
  let be = 0;
  for (let p = 0; p < pairs; p++) {
    const a = head[2 * p]!;
    const b = head[2 * p + 1]!;
    if (b === 0 && a !== 0) le++;
    else if (a === 0 && b !== 0) be++;
  }
  // Text in the ASCII range has a zero in the same half of every pair; binary formats do not.
  if (le >= pairs * 0.9) return 'utf-16le';
  if (be >= pairs * 0.9) return 'utf-16be';
  return null;
}

async function* fromUtf16(
  head: Buffer,
  rest: AsyncIterable<Buffer>,
  kind: 'utf-16le' | 'utf-16be',
  file: string,
): AsyncGenerator<Buffer> {
  // StringDecoder carries a character (or surrogate pair) split between chunks.
  const decoder = new StringDecoder('utf16le');
  let odd: Buffer | null = null;
  const lines = new LineCount();
  const convert = (chunk: Buffer): Buffer => {
    let bytes = chunk;
    if (kind === 'utf-16be') {
      if (odd) bytes = Buffer.concat([odd, bytes]);
      const even = bytes.length - (bytes.length % 2);
      odd = even < bytes.length ? Buffer.from(bytes.subarray(even)) : null;
      bytes = Buffer.from(bytes.subarray(0, even)).swap16();
    }
    return checkedText(decoder.write(bytes), file, lines);
  };
  yield convert(head);
  for await (const chunk of rest) yield convert(chunk);
  if (odd) decoder.write(odd);
  const last = decoder.end();
  if (last !== '') yield checkedText(last, file, lines);
}

/** UTF-8 text out of decoded text, refusing NUL and control codes that no CSV holds. */
function checkedText(text: string, file: string, lines: LineCount): Buffer {
  const bad = text.search(CONTROL);
  if (bad !== -1) throw notText(lines.before(text, bad), file);
  lines.add(text);
  return Buffer.from(text, 'utf8');
}

// C0 controls other than tab, line feed and carriage return; DEL; the five bytes Windows-1252 leaves undefined.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control codes is the point here
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u0081\u008D\u008F\u0090\u009D]/;

function notText(line: number, file: string): InputError {
  if (line === 1) return new InputError('binary_content', BINARY_MESSAGE, { file });
  return new InputError(
    'binary_content',
    `line ${line} holds bytes that are not text in any common encoding; save the file as "CSV UTF-8" and try again`,
    { file, line },
  );
}

class LineCount {
  /** Line breaks already passed on. */
  breaks = 0;

  add(text: string): void {
    this.breaks += countBreaks(text, text.length);
  }

  addBytes(data: Buffer): void {
    for (let at = data.indexOf(10); at !== -1; at = data.indexOf(10, at + 1)) this.breaks++;
  }

  /** The 1-based line of position `at` in `text`, which comes after everything added so far. */
  before(text: string, at: number): number {
    return this.breaks + countBreaks(text, at) + 1;
  }
}

function countBreaks(text: string, end: number): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < end; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

async function* fromEightBit(
  head: Buffer,
  rest: AsyncIterable<Buffer>,
  file: string,
  found: Decoding,
): AsyncGenerator<Buffer> {
  const reader = new EightBit(file, found);
  yield* reader.write(head);
  for await (const chunk of rest) yield* reader.write(chunk);
  reader.end();
}

/** UTF-8 until the first byte above 127 shows otherwise; then UTF-8 or Windows-1252 to the end. */
class EightBit {
  mode: 'ascii' | 'utf-8' | 'windows-1252' = 'ascii';
  private carry: Buffer = Buffer.alloc(0);
  private readonly lines = new LineCount();

  constructor(
    private readonly file: string,
    private readonly found: Decoding,
  ) {}

  *write(chunk: Buffer): Generator<Buffer> {
    if (this.mode === 'windows-1252') {
      yield this.fromWindows1252(chunk);
      return;
    }
    // NUL never appears in CSV text; it does in every Excel, zip, image and UTF-16 file.
    if (chunk.includes(0)) throw new InputError('binary_content', BINARY_MESSAGE, { file: this.file });
    const data = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = Buffer.alloc(0);
    if (this.mode === 'ascii') {
      if (isAscii(data)) {
        this.lines.addBytes(data);
        yield data;
        return;
      }
      const first = data.findIndex((byte) => byte > 0x7f);
      const sequence = utf8Sequence(data, first);
      if (sequence === 'incomplete') {
        // Wait for the bytes that complete (or disprove) the character.
        this.lines.addBytes(data.subarray(0, first));
        yield data.subarray(0, first);
        this.carry = Buffer.from(data.subarray(first));
        return;
      }
      if (sequence === 'invalid') {
        this.mode = 'windows-1252';
        this.found.encoding = 'windows-1252';
        if (this.lines.breaks === 0) this.checkHeader(data);
        yield this.fromWindows1252(data);
        return;
      }
      this.mode = 'utf-8';
    }
    const body = data.subarray(0, data.length - incompleteTail(data));
    if (!isUtf8(body)) throw this.mixed(body);
    this.carry = Buffer.from(data.subarray(body.length));
    this.lines.addBytes(body);
    yield body;
  }

  end(): void {
    // A character cut off by the end of the file: a truncated UTF-8 file, not another encoding.
    if (this.carry.length > 0) throw this.mixed(this.carry);
  }

  private fromWindows1252(bytes: Buffer): Buffer {
    let text = bytes.toString('latin1');
    if (/[\u0080-\u009f]/.test(text)) text = text.replace(/[\u0080-\u009f]/g, windows1252Char);
    return checkedText(text, this.file, this.lines);
  }

  /** A first line that is mostly bytes above 127 is a binary file, not a Latin-1 header. */
  private checkHeader(data: Buffer): void {
    const end = data.indexOf(10);
    const line = data.subarray(0, end === -1 ? data.length : end);
    let high = 0;
    let visible = 0;
    for (const byte of line) {
      if (byte > 0x20) visible++;
      if (byte > 0x7f) high++;
    }
    if (high > visible / 4) throw new InputError('binary_content', BINARY_MESSAGE, { file: this.file });
  }

  private mixed(body: Buffer): InputError {
    const decoded = new TextDecoder().decode(body);
    const bad = decoded.indexOf('\uFFFD');
    const line = this.lines.before(decoded, Math.max(bad, 0));
    if (line === 1) return new InputError('binary_content', BINARY_MESSAGE, { file: this.file });
    return new InputError(
      'binary_content',
      `line ${line} is not UTF-8 text, but the lines before it are (the file mixes encodings); ` +
        'save it as "CSV UTF-8" and try again',
      { file: this.file, line },
    );
  }
}

/** Whether a valid UTF-8 character starts at `at` (a byte above 127). */
function utf8Sequence(data: Buffer, at: number): 'valid' | 'invalid' | 'incomplete' {
  const lead = data[at]!;
  const length =
    lead >= 0xc2 && lead <= 0xdf
      ? 2
      : lead >= 0xe0 && lead <= 0xef
        ? 3
        : lead >= 0xf0 && lead <= 0xf4
          ? 4
          : 0;
  if (length === 0) return 'invalid';
  const end = Math.min(at + length, data.length);
  for (let i = at + 1; i < end; i++) if ((data[i]! & 0xc0) !== 0x80) return 'invalid';
  if (at + length > data.length) return 'incomplete';
  return isUtf8(data.subarray(at, at + length)) ? 'valid' : 'invalid';
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

// Windows-1252's printable characters in 0x80–0x9F (where Latin-1 has control codes); undefined ones stay.
const WINDOWS_1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function windows1252Char(ch: string): string {
  return WINDOWS_1252[ch.charCodeAt(0) - 0x80]!;
}

/**
 * The start of a file as text, decoded as decodeText would (so a UTF-16 or
 * Windows-1252 header reads as the reader will read it): what deciding which
 * reader gets the file looks at. Text that decoding refuses ends the head
 * there; the reader then gives the message.
 */
export async function decodeHead(head: Uint8Array): Promise<string> {
  const found: Decoding = { encoding: 'utf-8' };
  const pieces: string[] = [];
  const whole = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  try {
    for await (const piece of decodeText(
      (async function* () {
        yield whole;
      })(),
      '',
      found,
    ))
      pieces.push(piece.toString('utf8'));
  } catch {
    // A cut-off character at the end of the head, or bytes that are not text: what came before stands.
  }
  return pieces.join('');
}
