/**
 * A look at the start of the file before parsing: is there anything at all,
 * and which delimiter does the header use? European spreadsheets export `;`,
 * some tools export tabs; csv-parse needs to be told which one.
 */
import { StringDecoder } from 'node:string_decoder';

export type Delimiter = ',' | ';' | '\t';

const HEAD_LIMIT = 64 * 1024;

export interface Head {
  /** The chunks read so far; they still have to be parsed. */
  prefix: Buffer[];
  /** The first non-blank line, or null if none was found. */
  line: string | null;
  /** True when the whole input was read (so no line means an empty file). */
  ended: boolean;
}

/** Reads until the first non-blank line is complete, the input ends, or 64 KB have been read. */
export async function readHead(chunks: AsyncIterator<Buffer>): Promise<Head> {
  const prefix: Buffer[] = [];
  const decoder = new StringDecoder('utf8');
  let text = '';
  let size = 0;
  while (size < HEAD_LIMIT) {
    const next = await chunks.next();
    if (next.done) {
      text += decoder.end();
      return { prefix, line: firstLine(text, true), ended: true };
    }
    prefix.push(next.value);
    size += next.value.length;
    const piece = decoder.write(next.value);
    text += piece;
    // Only a line break can complete the first line, so only then is it worth looking.
    if (/[\r\n]/.test(piece)) {
      const line = firstLine(text, false);
      if (line !== null) return { prefix, line, ended: false };
    }
  }
  return { prefix, line: firstLine(text, true), ended: false };
}

function firstLine(text: string, complete: boolean): string | null {
  // `\S` also skips a byte-order mark: JavaScript counts U+FEFF as white space.
  const start = text.search(/\S/);
  if (start === -1) return null;
  const length = text.slice(start).search(/[\r\n]/);
  if (length === -1) return complete ? text.slice(start) : null;
  return text.slice(start, start + length);
}

/**
 * The delimiter that occurs most often in the header outside quotes; a comma
 * on a tie or when there is none (a one-column file then fails the header
 * check with a message that lists the single column it found).
 */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  let best: Delimiter = ',';
  for (const d of [';', '\t'] as const) if (counts[d] > counts[best]) best = d;
  return best;
}
