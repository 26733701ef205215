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

/** At least the 8 bytes that tell a container from text (fewer only when the input is shorter). */
export async function firstBytes(raw: AsyncGenerator<Buffer>): Promise<Buffer> {
  let head: Buffer = Buffer.alloc(0);
  while (head.length < 8) {
    const next = await raw.next();
    if (next.done) break;
    head = head.length === 0 ? next.value : Buffer.concat([head, next.value]);
  }
  return head;
}

export async function gather(first: Buffer, rest: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts = [first];
  for await (const part of rest) parts.push(part);
  return Buffer.concat(parts);
}

export async function* prepend(first: Buffer, rest: AsyncGenerator<Buffer>): AsyncGenerator<Buffer> {
  try {
    if (first.length > 0) yield first;
    yield* rest;
  } finally {
    await rest.return(undefined);
  }
}

/** Sizes and counts in words come from the one words module. */
export { formatBytes, formatCount } from '../words.ts';
