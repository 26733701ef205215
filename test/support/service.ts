import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSegmentService, type SegmentService, type ServiceOptions } from '../../src/service.ts';
import { SAMPLE_PATH } from '../commands/support.ts';

export const SCOPE_A = { teamId: 'T1', channelId: 'CA', userId: 'U123' };
export const SCOPE_B = { teamId: 'T1', channelId: 'CB', userId: 'U456' };
export const NOW = new Date('2026-11-29T10:00:00Z');

export const SAMPLE_CSV = readFileSync(SAMPLE_PATH);
/** The sample without its spending column: a file the bot must refuse. */
export const NO_SPENDING_CSV = Buffer.from(
  SAMPLE_CSV.toString('utf8')
    .split('\n')
    .map((line) => line.split(',').slice(0, 4).join(','))
    .join('\n'),
);

export const upload = (name: string, bytes: Uint8Array, uploadedBy = 'U123') => ({ name, bytes, uploadedBy });

/** Services over one temp data dir, made on the first start; a second start() is a restart on the same files. */
export function serviceHarness(options: Partial<ServiceOptions> = {}) {
  let dataDir: string | undefined;
  const open: SegmentService[] = [];
  const start = async () => {
    dataDir ??= mkdtempSync(join(tmpdir(), 'segment-service-'));
    const service = await createSegmentService({
      dataDir,
      samplePath: SAMPLE_PATH,
      clock: () => NOW,
      engine: 'in-process',
      ...options,
    });
    open.push(service);
    return service;
  };
  const stop = async () => {
    for (const service of open.splice(0)) await service.close();
  };
  const cleanup = async () => {
    await stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  return { start, stop, cleanup };
}
