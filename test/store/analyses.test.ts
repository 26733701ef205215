import { afterEach, describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.ts';
import { predict } from '../../src/core/model.ts';
import { generateCustomers } from '../../src/core/synthetic.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { tempDir } from './helpers.ts';

let store: Store | undefined;
let cleanup: (() => void) | undefined;
afterEach(() => {
  store?.close();
  cleanup?.();
});

function reopenable() {
  const tmp = tempDir();
  cleanup = tmp.cleanup;
  store = openStore(tmp.file);
  return tmp.file;
}

describe('analysis cache', () => {
  it('gives back the same analysis, typed arrays and non-finite numbers included, after a reopen', () => {
    const file = reopenable();
    const analysis = analyze(generateCustomers(200, 42));
    const withNaN = { ...analysis, notes: [...analysis.notes], inertia: Number.NaN };
    store!.analyses.save('sha:file.csv', 'income,spending|auto|k=auto|seed=42', withNaN);
    store!.close();
    store = openStore(file);
    const loaded = store.analyses.load('sha:file.csv', 'income,spending|auto|k=auto|seed=42');
    expect(loaded).not.toBeNull();
    expect(loaded!.labels).toBeInstanceOf(Int32Array);
    expect(Array.from(loaded!.labels)).toEqual(Array.from(analysis.labels));
    expect(Array.from(loaded!.silhouetteSample.values)).toEqual(Array.from(analysis.silhouetteSample.values));
    expect(loaded!.inertia).toBeNaN();
    expect(loaded!.segments).toEqual(analysis.segments);
    expect(loaded!.model).toEqual(analysis.model);
  });

  it('still predicts from a stored analysis whose model predates the training ranges', () => {
    const file = reopenable();
    const analysis = analyze(generateCustomers(200, 42));
    const { ranges: _ranges, distanceP99: _p99, ...oldModel } = analysis.model;
    store!.analyses.save('sha:old.csv', 'settings', { ...analysis, model: oldModel });
    store!.close();
    store = openStore(file);
    const loaded = store.analyses.load('sha:old.csv', 'settings')!;
    expect(loaded.model.ranges).toBeUndefined();
    // The checks it lacks the figures for are skipped; the nearest segment is the same.
    const customer = { age: 30, income: 600, spending: 50 };
    expect(predict(loaded.model, customer)).toMatchObject({ tentative: false, warnings: [] });
    expect(predict(loaded.model, customer).segment).toEqual(predict(analysis.model, customer).segment);
    expect(predict(analysis.model, customer).tentative).toBe(true);
  });

  it('misses for other settings and refuses a row whose labels do not match its row count', () => {
    reopenable();
    const analysis = analyze(generateCustomers(60, 7));
    store!.analyses.save('d', 's', analysis);
    expect(store!.analyses.load('d', 'other')).toBeNull();
    store!.db.prepare("UPDATE analyses SET labels = x'00000000'").run();
    expect(store!.analyses.load('d', 's')).toBeNull();
  });

  it('refuses a row cached while checks carried sentences, so it is recomputed with finding codes', () => {
    reopenable();
    const analysis = analyze(generateCustomers(60, 7));
    const worded = analysis.assumptions.map(({ finding: _finding, ...c }) => ({ ...c, message: 'words' }));
    store!.analyses.save('d', 'old', { ...analysis, assumptions: worded as never });
    expect(store!.analyses.load('d', 'old')).toBeNull();
    store!.analyses.save('d', 'new', analysis);
    expect(store!.analyses.load('d', 'new')!.assumptions).toEqual(analysis.assumptions);
  });

  it('refuses a row cached before remedies named customers and a k, so it is recomputed', () => {
    reopenable();
    const analysis = analyze(generateCustomers(60, 7));
    const tiny = {
      check: 'sizeBalance',
      status: 'fail',
      value: 0.005,
      threshold: 0.05,
      finding: { code: 'sizeBalance.tiny', smallest: { id: 3, name: 'S3' }, size: 2, share: 0.005 },
    };
    const extremes = { ...tiny, check: 'outliers', finding: { code: 'outliers.found' } };
    const old = (check: object) => ({ ...analysis, assumptions: [check] as never });
    store!.analyses.save(
      'd',
      'k',
      old({ ...tiny, advice: { code: 'fewer-segments' }, action: { action: 'fewer-k' } }),
    );
    store!.analyses.save('d', 'ids', old({ ...extremes, advice: { code: 'check-extremes' } }));
    expect(store!.analyses.load('d', 'k')).toBeNull();
    expect(store!.analyses.load('d', 'ids')).toBeNull();
    const fresh = { ...tiny, advice: { code: 'fewer-segments' }, action: { action: 'fewer-k', k: 2 } };
    store!.analyses.save('d', 'new', old(fresh));
    expect(store!.analyses.load('d', 'new')!.assumptions).toEqual([fresh]);
    store!.analyses.save(
      'd',
      'new-ids',
      old({ ...extremes, advice: { code: 'check-extremes', farthest: ['7'], customers: 1 } }),
    );
    expect(store!.analyses.load('d', 'new-ids')).not.toBeNull();
  });

  it('keeps only the most recently used entries', () => {
    reopenable();
    const analysis = analyze(generateCustomers(60, 7));
    for (let i = 0; i < 3; i++) store!.analyses.save(`d${i}`, 's', analysis);
    expect(store!.analyses.prune(2)).toBe(1);
    expect(store!.analyses.load('d0', 's')).toBeNull();
    expect(store!.analyses.load('d2', 's')).not.toBeNull();
  });
});
