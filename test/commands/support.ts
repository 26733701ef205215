/**
 * Test doubles for the ports run() needs: an in-memory channel, and a real
 * in-process engine on the bundled sample (real analyze, real charts).
 */
import { fileURLToPath } from 'node:url';
import type {
  ChannelPort,
  ChannelView,
  CommandContext,
  UploadedDataset,
} from '../../src/commands/context.ts';
import type { Reply } from '../../src/commands/reply.ts';
import type { Feature, Scaling } from '../../src/core/types.ts';
import { createLogger } from '../../src/log.ts';
import { AnalysisEngine } from '../../src/pipeline/engine.ts';

export const SAMPLE_PATH = fileURLToPath(new URL('../../data/customers.csv', import.meta.url));
export const SEED = 42;

export const defaultView = (): ChannelView => ({
  dataset: { kind: 'sample' },
  settings: { k: null, features: ['income', 'spending'], scaling: null },
});

export class MemoryChannel implements ChannelPort {
  resets = 0;
  constructor(public current: ChannelView = defaultView()) {}
  view(): ChannelView {
    return structuredClone(this.current);
  }
  saveK(k: number | null): void {
    this.current = { ...this.current, settings: { ...this.current.settings, k } };
  }
  saveAsOf(asOf: string | null): void {
    const { asOf: _, ...settings } = this.current.settings;
    this.current = { ...this.current, settings: asOf === null ? settings : { ...settings, asOf } };
  }
  saveFeatures(features: Feature[], scaling: Scaling | null): void {
    this.current = {
      ...this.current,
      settings: { ...this.current.settings, features: [...features], scaling },
    };
  }
  reset(sample?: 'customers' | 'orders'): void {
    this.resets++;
    this.current = defaultView();
    if (sample === 'orders') this.current.dataset = { kind: 'sample', holds: 'orders' };
  }
}

/** Uploaded files by dataset id, for the engine's byte loader. */
export const uploadedBytes = new Map<number, Uint8Array>();

export function uploaded(
  id: number,
  fileName: string,
  csv: string,
  rows: number,
  holds: UploadedDataset['holds'] = 'customers',
): UploadedDataset {
  uploadedBytes.set(id, new TextEncoder().encode(csv));
  return {
    kind: 'upload',
    id,
    teamId: 'T1',
    channelId: 'C1',
    fileName,
    uploadedBy: 'U123',
    uploadedAt: new Date('2026-11-29T09:30:00Z'),
    rows,
    skippedRows: 0,
    sha256: `${String(id).padStart(64, '0')}`,
    holds,
  };
}

/** One engine for the whole file, so its caches make later tests fast, as in production. */
export const engine = new AnalysisEngine({
  samplePath: SAMPLE_PATH,
  log: createLogger(),
  loadBytes: (dataset) => uploadedBytes.get(dataset.id) ?? null,
});

export function sampleContext(channel = new MemoryChannel()): CommandContext & { channel: MemoryChannel } {
  return { channel, runner: engine, clock: () => new Date('2026-11-29T12:00:00Z'), seed: SEED };
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from the PNG's IHDR chunk (big-endian, right after the signature and chunk header). */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** A real, chart-sized PNG: the signature, an IHDR chunk and a plausible size. */
export function isPng(bytes: Uint8Array): boolean {
  if (bytes.length < 1000 || !PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return false;
  const ihdr = new TextDecoder().decode(bytes.subarray(12, 16));
  const { width, height } = pngSize(bytes);
  return ihdr === 'IHDR' && width >= 400 && height >= 200;
}

/** Everything a reply says, headings included, as one string to search. */
export const replyWords = (reply: Reply): string =>
  [
    reply.title,
    reply.text,
    ...reply.sections.map((s) => `${s.heading ?? ''}\n${s.body}`),
    ...reply.warnings,
  ].join('\n');
