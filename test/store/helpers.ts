import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewDataset } from '../../src/store/datasets.ts';

/** A fresh directory under the OS temp dir, removed by the returned cleanup. */
export function tempDir(prefix = 'segment-store-'): { dir: string; file: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, file: join(dir, 'bot.sqlite'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const CHANNEL_A = { teamId: 'T1', channelId: 'CA' };
export const CHANNEL_B = { teamId: 'T1', channelId: 'CB' };

export function newDataset(fileName: string, rows = 200, bytes = `id\n${fileName}\n`): NewDataset {
  return {
    fileName,
    uploadedBy: 'U123',
    uploadedAt: new Date('2026-11-29T10:00:00.000Z'),
    rows,
    skippedRows: 0,
    bytes: new TextEncoder().encode(bytes),
    sha256: 'a'.repeat(64),
    holds: 'customers',
  };
}
