/**
 * Issue 12: a cold `/segment summary` on a 1,000,000-row dataset after a
 * restart (budget < 1 s). The upload is read and answered once, the service
 * closed and started again on the same data directory (the worker engine, as
 * the bot runs it, from dist/), then the first summary is timed at once (the
 * worker threads still starting), and a second one warm.
 * Run alone: `npx tsx test/bench/cold-summary.ts [rows]`.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { customersToCsv, generateCustomers } from '../../src/core/synthetic.ts';

// The bot runs the compiled JavaScript (npm ci builds dist/); under tsx the worker threads would
// compile TypeScript at start-up, which the bot never does. dist/ it is, when built.
const DIST_SERVICE = new URL('../../dist/service.js', import.meta.url);
const { createSegmentService } = (await import(
  existsSync(DIST_SERVICE) ? DIST_SERVICE.href : '../../src/service.ts'
)) as typeof import('../../src/service.ts');

const SCOPE = { teamId: 'TBENCH', channelId: 'CCOLD', userId: 'UBENCH' };

export interface ColdSummary {
  rows: number;
  uploadMs: number;
  /** The first summary after a restart, once the worker threads have started (the bot warms them at start). */
  coldMs: number;
  /** The same, sent the instant the service is up: the threads' start-up is in it. */
  atOnceMs: number;
  warmMs: number;
  images: number;
}

/** Time for the restarted service's worker threads to load their modules before the first command. */
const SETTLE_MS = 3000;

export async function benchColdSummary(rows = 1_000_000): Promise<ColdSummary> {
  const dataDir = mkdtempSync(join(tmpdir(), 'segment-cold-'));
  const bytes = Buffer.from(customersToCsv(generateCustomers(rows, 12)));
  try {
    const options = { dataDir, engine: 'worker' as const, workers: 2 };
    const first = await createSegmentService(options);
    let t0 = performance.now();
    const uploaded = await first.ingestUpload(SCOPE, { name: 'million.csv', bytes, uploadedBy: 'UBENCH' });
    const uploadMs = performance.now() - t0;
    if (uploaded.isError) throw new Error(`the upload was refused: ${uploaded.text}`);
    await first.close();
    const atOnce = await createSegmentService(options);
    t0 = performance.now();
    await atOnce.runText(SCOPE, 'summary');
    const atOnceMs = performance.now() - t0;
    await atOnce.close();
    const second = await createSegmentService(options);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    t0 = performance.now();
    const cold = await second.runText(SCOPE, 'summary');
    const coldMs = performance.now() - t0;
    t0 = performance.now();
    await second.runText(SCOPE, 'summary');
    const warmMs = performance.now() - t0;
    await second.close();
    return { rows, uploadMs, coldMs, atOnceMs, warmMs, images: cold.images.length };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await benchColdSummary(Number(process.argv[2] ?? 1_000_000)));
}
