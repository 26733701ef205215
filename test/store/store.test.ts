import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, schemaVersion } from '../../src/store/db.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { MIGRATIONS } from '../../src/store/migrations/index.ts';
import { CHANNEL_A, CHANNEL_B, newDataset, tempDir } from './helpers.ts';

const opened: Store[] = [];
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function freshFile(): string {
  const tmp = tempDir();
  cleanups.push(tmp.cleanup);
  return tmp.file;
}
function open(file: string): Store {
  const store = openStore(file);
  opened.push(store);
  return store;
}

describe('database', () => {
  it('applies the migrations once and records the schema version', () => {
    const file = freshFile();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)!.version);
    db.close();
    const again = openDatabase(file);
    expect(schemaVersion(again)).toBe(MIGRATIONS.at(-1)!.version);
    expect(again.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(again.pragma('foreign_keys', { simple: true })).toBe(1);
    again.close();
  });
});

describe('channel state', () => {
  it('uses the bundled sample and default settings for a channel that never uploaded', () => {
    const store = open(freshFile());
    expect(store.channels.view(CHANNEL_A)).toEqual({
      dataset: { kind: 'sample' },
      settings: { k: null, features: ['income', 'spending'], scaling: null },
    });
  });

  it('keeps the active dataset and settings after the database is reopened', () => {
    const file = freshFile();
    const first = open(file);
    const id = first.uploads.accept(CHANNEL_A, newDataset('sales.csv'));
    first.channels.saveK(CHANNEL_A, 6);
    first.channels.saveFeatures(CHANNEL_A, ['age', 'spending'], 'minmax');
    first.close();
    const view = open(file).channels.view(CHANNEL_A);
    expect(view.settings).toEqual({ k: 6, features: ['age', 'spending'], scaling: 'minmax' });
    expect(view.dataset).toMatchObject({
      kind: 'upload',
      id,
      fileName: 'sales.csv',
      uploadedBy: 'U123',
      rows: 200,
    });
    if (view.dataset.kind === 'upload')
      expect(view.dataset.uploadedAt.toISOString()).toBe('2026-11-29T10:00:00.000Z');
  });

  it('never shows one channel the file another channel uploaded', () => {
    const store = open(freshFile());
    const id = store.uploads.accept(CHANNEL_A, newDataset('secret.csv'));
    expect(store.channels.view(CHANNEL_B).dataset).toEqual({ kind: 'sample' });
    expect(store.datasets.get(CHANNEL_B, id)).toBeNull();
    expect(store.datasets.bytes(CHANNEL_B, id)).toBeNull();
    expect(store.datasets.list(CHANNEL_B)).toEqual([]);
    expect(new TextDecoder().decode(store.datasets.bytes(CHANNEL_A, id)!)).toContain('secret.csv');
  });

  it('ignores an active dataset id that points at another channel', () => {
    const store = open(freshFile());
    const id = store.uploads.accept(CHANNEL_A, newDataset('a.csv'));
    store.channels.write(CHANNEL_B, id, { k: null, features: ['income', 'spending'], scaling: null });
    expect(store.channels.view(CHANNEL_B).dataset).toEqual({ kind: 'sample' });
  });

  it('reset returns the channel to the sample and the defaults but keeps the file in history', () => {
    const store = open(freshFile());
    store.uploads.accept(CHANNEL_A, newDataset('a.csv'));
    store.channels.saveK(CHANNEL_A, 4);
    store.channels.saveFeatures(CHANNEL_A, ['age', 'income'], 'zscore');
    store.channels.reset(CHANNEL_A);
    expect(store.channels.view(CHANNEL_A)).toEqual({
      dataset: { kind: 'sample' },
      settings: { k: null, features: ['income', 'spending'], scaling: null },
    });
    expect(store.datasets.list(CHANNEL_A)).toHaveLength(1);
  });

  it('reset orders makes the bundled order sample the channel’s data, across a reopen, until an upload or reset', () => {
    const file = freshFile();
    const store = open(file);
    store.uploads.accept(CHANNEL_A, newDataset('a.csv'));
    store.channels.saveK(CHANNEL_A, 4);
    store.channels.reset(CHANNEL_A, 'orders');
    const orders = {
      dataset: { kind: 'sample', holds: 'orders' },
      settings: { k: null, features: ['income', 'spending'], scaling: null },
    };
    expect(store.channels.view(CHANNEL_A)).toEqual(orders);
    // A setting saved meanwhile keeps the sample.
    store.channels.saveAsOf(CHANNEL_A, '2011-06-01');
    expect(open(file).channels.view(CHANNEL_A).dataset).toEqual({ kind: 'sample', holds: 'orders' });
    expect(store.channels.view(CHANNEL_B).dataset).toEqual({ kind: 'sample' });
    store.channels.reset(CHANNEL_A);
    expect(store.channels.view(CHANNEL_A).dataset).toEqual({ kind: 'sample' });
    store.channels.reset(CHANNEL_A, 'orders');
    store.uploads.accept(CHANNEL_A, newDataset('b.csv'));
    expect(store.channels.view(CHANNEL_A).dataset).toMatchObject({ kind: 'upload', fileName: 'b.csv' });
  });
});

describe('uploads', () => {
  it('leaves the previous dataset and settings intact when a step fails inside the transaction', () => {
    const store = open(freshFile());
    const firstId = store.uploads.accept(CHANNEL_A, newDataset('first.csv'));
    store.channels.saveK(CHANNEL_A, 4);
    // The last step of the transaction throws, as a crash half-way through would.
    const prune = vi.spyOn(store.datasets, 'prune').mockImplementation(() => {
      throw new Error('disk gone');
    });
    expect(() => store.uploads.accept(CHANNEL_A, newDataset('second.csv'))).toThrow('disk gone');
    prune.mockRestore();
    const view = store.channels.view(CHANNEL_A);
    expect(view.dataset).toMatchObject({ kind: 'upload', id: firstId, fileName: 'first.csv' });
    expect(view.settings).toEqual({ k: 4, features: ['income', 'spending'], scaling: null });
    expect(store.datasets.list(CHANNEL_A).map((d) => d.fileName)).toEqual(['first.csv']);
    expect(store.uploads.history(CHANNEL_A).map((h) => h.file_name)).toEqual(['first.csv']);
  });

  it('save returns the dataset as the channel sees it', () => {
    const store = open(freshFile());
    const saved = store.uploads.save(CHANNEL_A, newDataset('x.csv', 321));
    expect(saved).toEqual(store.channels.view(CHANNEL_A).dataset);
    expect(saved).toMatchObject({
      kind: 'upload',
      fileName: 'x.csv',
      rows: 321,
      teamId: 'T1',
      channelId: 'CA',
    });
  });

  it('saves a delivery once: the same source key again gives back the first dataset and writes nothing', () => {
    const store = open(freshFile());
    const first = store.uploads.save(CHANNEL_A, { ...newDataset('job.csv', 300), sourceKey: 'slack-job:7' });
    // The job resumed after a crash between saving and answering: it saves the same file again.
    const again = store.uploads.save(CHANNEL_A, { ...newDataset('job.csv', 300), sourceKey: 'slack-job:7' });
    expect(again).toEqual(first);
    expect(store.datasets.list(CHANNEL_A).map((d) => d.fileName)).toEqual(['job.csv']);
    expect(store.uploads.history(CHANNEL_A)).toHaveLength(1);
    // Another delivery, and the same key in another channel, are new files.
    store.uploads.save(CHANNEL_A, { ...newDataset('job.csv', 300), sourceKey: 'slack-job:8' });
    store.uploads.save(CHANNEL_B, { ...newDataset('job.csv', 300), sourceKey: 'slack-job:7' });
    expect(store.datasets.list(CHANNEL_A)).toHaveLength(2);
    expect(store.datasets.list(CHANNEL_B)).toHaveLength(1);
  });

  it('records a rejected upload without touching the channel state', () => {
    const store = open(freshFile());
    const id = store.uploads.accept(CHANNEL_A, newDataset('good.csv'));
    store.uploads.reject(
      CHANNEL_A,
      { fileName: 'bad.csv', uploadedBy: 'U9', at: new Date('2026-11-29T11:00:00Z') },
      { code: 'missing_column', message: 'no Age column' },
    );
    expect(store.channels.view(CHANNEL_A).dataset).toMatchObject({ id, fileName: 'good.csv' });
    const [latest] = store.uploads.history(CHANNEL_A);
    expect(latest).toMatchObject({ file_name: 'bad.csv', outcome: 'rejected', error_code: 'missing_column' });
  });

  it('keeps only the newest files of a channel, and never the active one of another', () => {
    const store = open(freshFile());
    store.uploads.accept(CHANNEL_B, newDataset('b.csv'));
    for (const name of ['1.csv', '2.csv', '3.csv', '4.csv', '5.csv'])
      store.uploads.accept(CHANNEL_A, newDataset(name));
    expect(store.datasets.list(CHANNEL_A).map((d) => d.fileName)).toEqual(['5.csv', '4.csv', '3.csv']);
    expect(store.datasets.list(CHANNEL_B).map((d) => d.fileName)).toEqual(['b.csv']);
  });
});

describe('seen events', () => {
  it('answers true only the first time, also after a restart', () => {
    const file = freshFile();
    const first = open(file);
    expect(first.events.markSeen('Ev1')).toBe(true);
    expect(first.events.markSeen('Ev1')).toBe(false);
    first.close();
    const second = open(file);
    expect(second.events.markSeen('Ev1')).toBe(false);
    expect(second.events.markSeen('Ev2')).toBe(true);
  });

  it('forgets events older than a day', () => {
    let now = new Date('2026-11-29T00:00:00Z');
    const store = openStore(freshFile(), () => now);
    opened.push(store);
    store.events.markSeen('old');
    now = new Date('2026-11-30T00:00:01Z');
    expect(store.events.markSeen('new')).toBe(true);
    expect(store.events.markSeen('old')).toBe(true);
  });
});
