import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.ts';
import { createLogger } from '../../src/log.ts';
import { WorkerEngine } from '../../src/worker/pool.ts';
import { SAMPLE_PATH } from '../commands/support.ts';
import { customersOf } from '../support/results.ts';
import { NO_SPENDING_CSV, SAMPLE_CSV } from '../support/service.ts';

const settings = { features: ['income', 'spending'] as const, scaling: null, k: null };
const engine = new WorkerEngine({ databaseFile: null, samplePath: SAMPLE_PATH }, { log: createLogger() });
afterAll(() => engine.close());

describe('the analysis worker thread', () => {
  it('answers an analysis and an export with typed results, images as Buffers', async () => {
    const request = {
      dataset: { kind: 'sample' as const },
      settings: { ...settings, features: [...settings.features] },
      seed: 42,
      charts: 'summary' as const,
    };
    const result = customersOf(await engine.analyze(request));
    expect(result.analysis.k).toBeGreaterThanOrEqual(2);
    expect(result.images.length).toBeGreaterThan(0);
    expect(Buffer.isBuffer(result.images[0]!.png)).toBe(true);
    const file = await engine.exportCsv(request);
    expect(Buffer.isBuffer(file.content)).toBe(true);
    expect(file.content.toString('utf8').split('\n')[0]).toContain('Segment');
  });

  it('passes a refused upload back as an InputError, and reads an accepted one', async () => {
    const upload = { settings: { ...settings, features: [...settings.features] }, seed: 42 };
    await expect(
      engine.ingest({ ...upload, fileName: 'bad.csv', bytes: NO_SPENDING_CSV }),
    ).rejects.toBeInstanceOf(InputError);
    const accepted = await engine.ingest({ ...upload, fileName: 'customers.csv', bytes: SAMPLE_CSV });
    expect(accepted.rows).toBeGreaterThan(0);
    expect(accepted.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('each worker’s memory report', () => {
  it('gives its heap and its cache against the budget it was given, after an answer', async () => {
    const budget = 64 * 1024 * 1024;
    const pool = new WorkerEngine(
      { databaseFile: null, samplePath: SAMPLE_PATH, cacheBytes: budget },
      { size: 2, log: createLogger() },
    );
    try {
      expect(pool.memoryReport()).toEqual([]);
      const request = {
        dataset: { kind: 'sample' as const },
        settings: { ...settings, features: [...settings.features] },
        seed: 42,
      };
      await pool.analyze(request);
      const [first] = pool.memoryReport();
      expect(first).toMatchObject({ worker: 0, cacheMaxBytes: budget });
      expect(first!.heapUsedBytes).toBeGreaterThan(1024 * 1024);
      // The analysis is now held.
      expect(first!.cacheEntries).toBeGreaterThanOrEqual(1);
      expect(first!.cacheBytes).toBeGreaterThan(0);
      expect(first!.cacheBytes).toBeLessThanOrEqual(budget);
    } finally {
      await pool.close();
    }
    expect(pool.memoryReport()).toEqual([]);
  });
});

describe('a pool of analysis workers', () => {
  it('answers a command on one worker while another reads a large upload', async () => {
    const pool = new WorkerEngine(
      { databaseFile: null, samplePath: SAMPLE_PATH },
      { size: 2, log: createLogger() },
    );
    try {
      const { customersToCsv, generateCustomers } = await import('../../src/core/synthetic.ts');
      const big = new TextEncoder().encode(customersToCsv(generateCustomers(20_000, 3)));
      const order: string[] = [];
      const upload = { settings: { ...settings, features: [...settings.features] }, seed: 42 };
      const ingest = pool
        .ingest({ ...upload, fileName: 'big.csv', bytes: big })
        .then(() => order.push('upload'));
      const request = {
        dataset: { kind: 'sample' as const },
        settings: { ...settings, features: [...settings.features] },
        seed: 42,
      };
      const command = pool.analyze(request).then(() => order.push('command'));
      await Promise.all([ingest, command]);
      // With one worker the command would wait behind the upload.
      expect(order).toEqual(['command', 'upload']);
    } finally {
      await pool.close();
    }
  }, 300_000);
});
