import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelSettings, UploadedDataset } from '../../src/commands/context.ts';
import type { Analysis } from '../../src/core/types.ts';
import { createLogger } from '../../src/log.ts';
import { type AnalysisCache, AnalysisEngine, chartFailureLogger } from '../../src/pipeline/engine.ts';
import { coreFingerprint } from '../../src/pipeline/fingerprint.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { SAMPLE_PATH } from '../commands/support.ts';
import { customersOf } from '../support/results.ts';

const settings: ChannelSettings = { k: null, features: ['income', 'spending'], scaling: null };

/** shop.csv as the store would hold it once the engine has ingested it. */
const shopDataset = (uploaded: { rows: number; sha256: string }): UploadedDataset => ({
  kind: 'upload',
  id: 1,
  teamId: 'T1',
  channelId: 'C1',
  fileName: 'shop.csv',
  uploadedBy: 'U1',
  uploadedAt: new Date('2026-12-02T10:00:00Z'),
  rows: uploaded.rows,
  skippedRows: 0,
  sha256: uploaded.sha256,
  holds: 'customers',
});
const request = { dataset: { kind: 'sample' as const }, settings, seed: 42 };

let dir: string;
let store: Store;
afterEach(() => {
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The store's analysis cache, counting what it served. */
function countingCache(inner: AnalysisCache) {
  const counts = { hits: 0, saves: 0 };
  const cache: AnalysisCache = {
    load: (d, s) => {
      const found = inner.load(d, s);
      if (found) counts.hits++;
      return found;
    },
    save: (d, s, a: Analysis) => {
      counts.saves++;
      inner.save(d, s, a);
    },
  };
  return { cache, counts };
}

const engineWith = (cache: AnalysisCache, codeVersion = 'test-1') =>
  new AnalysisEngine({
    samplePath: SAMPLE_PATH,
    log: createLogger(),
    loadBytes: () => null,
    cache,
    codeVersion,
  });

describe('persisted analyses', () => {
  it('serves a restarted engine the stored analysis instead of recomputing it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'segment-engine-'));
    store = openStore(join(dir, 'bot.sqlite'));
    const first = countingCache(store.analyses);
    const fresh = customersOf(await engineWith(first.cache).analyze(request));
    expect(first.counts).toEqual({ hits: 0, saves: 1 });

    const second = countingCache(store.analyses);
    const restored = customersOf(await engineWith(second.cache).analyze(request));
    expect(second.counts).toEqual({ hits: 1, saves: 0 });
    expect(restored.analysis.segments).toEqual(fresh.analysis.segments);
    expect(Array.from(restored.analysis.labels)).toEqual(Array.from(fresh.analysis.labels));
  });

  it('recomputes when the analysis code changed', async () => {
    dir = mkdtempSync(join(tmpdir(), 'segment-engine-'));
    store = openStore(join(dir, 'bot.sqlite'));
    await engineWith(store.analyses, 'before').analyze(request);
    const after = countingCache(store.analyses);
    await engineWith(after.cache, 'after').analyze(request);
    expect(after.counts).toEqual({ hits: 0, saves: 1 });
  });
});

describe('a cold summary after a restart', () => {
  it('comes from the stored analysis and stored charts, without reading the file again', async () => {
    dir = mkdtempSync(join(tmpdir(), 'segment-engine-'));
    store = openStore(join(dir, 'bot.sqlite'));
    const bytes = readFileSync(SAMPLE_PATH);
    const options = {
      samplePath: SAMPLE_PATH,
      log: createLogger(),
      cache: store.analyses,
      chartCache: store.chartImages,
    };
    const first = new AnalysisEngine({ ...options, loadBytes: () => bytes });
    const uploaded = await first.ingest({ fileName: 'shop.csv', bytes, settings, seed: 42 });
    const dataset = shopDataset(uploaded);
    let reads = 0;
    const restarted = new AnalysisEngine({
      ...options,
      loadBytes: () => {
        reads++;
        return bytes;
      },
    });
    const cold = customersOf(await restarted.analyze({ dataset, settings, seed: 42, charts: 'summary' }));
    expect(reads).toBe(0);
    expect(cold.images.map((i) => i.filename)).toEqual(uploaded.images.map((i) => i.filename));
    expect(cold.images.every((image, i) => image.png.equals(uploaded.images[i]!.png))).toBe(true);
    // Charts the store does not hold yet are drawn, and for that the file is read once.
    const eda = customersOf(await restarted.analyze({ dataset, settings, seed: 42, charts: 'eda' }));
    expect(eda.images.length).toBeGreaterThan(0);
    expect(reads).toBe(1);
  });
});

describe('the in-memory cache budget', () => {
  it('keeps nothing heavier than the budget, yet stores the columns of an upload it could not keep', async () => {
    const bytes = readFileSync(SAMPLE_PATH);
    let reads = 0;
    const saved: string[] = [];
    const engine = new AnalysisEngine({
      samplePath: SAMPLE_PATH,
      log: createLogger(),
      // Far less than one 200-row table: every kind of entry is over budget.
      cacheBytes: 1000,
      loadBytes: () => {
        reads++;
        return bytes;
      },
      columns: { load: () => null, save: (d) => saved.push(d.fileName) },
    });
    const uploaded = await engine.ingest({ fileName: 'shop.csv', bytes, settings, seed: 42 });
    expect(engine.memory.bytes).toBe(0);
    const dataset = shopDataset(uploaded);
    engine.keepColumns(dataset);
    expect(saved).toEqual(['shop.csv']);
    // Nothing was kept, so each answer reads the file again, and still gives the same segments.
    const first = customersOf(await engine.analyze({ dataset, settings, seed: 42 }));
    const second = customersOf(await engine.analyze({ dataset, settings, seed: 42 }));
    expect(reads).toBe(2);
    expect(second.analysis.segments).toEqual(first.analysis.segments);
    expect(engine.memory.bytes).toBe(0);
  });

  it('keeps the table, analysis and charts of a small file within a budget that fits them', async () => {
    const bytes = readFileSync(SAMPLE_PATH);
    let reads = 0;
    const engine = new AnalysisEngine({
      samplePath: SAMPLE_PATH,
      log: createLogger(),
      cacheBytes: 64 * 1024 * 1024,
      loadBytes: () => {
        reads++;
        return bytes;
      },
    });
    const uploaded = await engine.ingest({ fileName: 'shop.csv', bytes, settings, seed: 42 });
    expect(engine.memory.size).toBe(3);
    expect(engine.memory.bytes).toBeGreaterThan(0);
    expect(engine.memory.bytes).toBeLessThanOrEqual(64 * 1024 * 1024);
    const dataset = shopDataset(uploaded);
    await engine.analyze({ dataset, settings, seed: 42, charts: 'summary' });
    expect(reads).toBe(0);
  });
});

describe('a chart that fails', () => {
  it('is written to the log port it was given, naming the chart, with the stack', () => {
    const lines: string[] = [];
    chartFailureLogger({ error: (line) => lines.push(line) })('segment-map', new RangeError('no rows'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^the segment-map chart could not be drawn: RangeError: no rows\n\s+at /);
  });
});

describe('core fingerprint', () => {
  it('changes when a core source file changes', () => {
    dir = mkdtempSync(join(tmpdir(), 'segment-fingerprint-'));
    writeFileSync(join(dir, 'a.ts'), 'export const a = 1;');
    const before = coreFingerprint(`${dir}/`);
    expect(coreFingerprint(`${dir}/`)).toBe(before);
    writeFileSync(join(dir, 'a.ts'), 'export const a = 2;');
    expect(coreFingerprint(`${dir}/`)).not.toBe(before);
    expect(coreFingerprint()).toMatch(/^[0-9a-f]{12}$/);
  });
});
