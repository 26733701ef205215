/**
 * Every accepted input shape (one buffer, one string, or a stream of either)
 * becomes one stream of Buffers of at most 64 KB, so limits, content checks and
 * the parser see the same thing however the bytes arrived.
 */

export type IngestInput = Uint8Array | string | AsyncIterable<Uint8Array | string>;

const SLICE = 64 * 1024;

export async function* toChunks(input: IngestInput): AsyncGenerator<Buffer> {
  if (typeof input === 'string' || input instanceof Uint8Array) {
    yield* slices(asBuffer(input));
    return;
  }
  for await (const part of input) yield* slices(asBuffer(part));
}

function asBuffer(part: Uint8Array | string): Buffer {
  if (typeof part === 'string') return Buffer.from(part, 'utf8');
  // A view, not a copy: a 100 MB upload should not be held twice.
  return Buffer.from(part.buffer, part.byteOffset, part.byteLength);
}

// Slicing a big buffer lets the byte and row limits stop a huge input early.
function* slices(buffer: Buffer): Generator<Buffer> {
  for (let at = 0; at < buffer.length; at += SLICE) yield buffer.subarray(at, at + SLICE);
}

/** Sizes and counts in words come from the one words module. */
export { formatBytes, formatCount } from '../words.ts';
