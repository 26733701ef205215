import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { MIGRATIONS } from '../../src/store/migrations/index.ts';
import { CHANNEL_A, newDataset, tempDir } from './helpers.ts';

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

describe('migration 004: what a dataset holds, and the analysis date', () => {
  it('reads a file saved before the migration as customers, with no analysis date', () => {
    const file = freshFile();
    const old = openDatabase(
      file,
      MIGRATIONS.filter((m) => m.version < 4),
    );
    old
      .prepare(
        `INSERT INTO datasets (team_id, channel_id, file_name, uploaded_by, uploaded_at, rows, skipped_rows, bytes, sha256)
         VALUES ('T1', 'CA', 'mall.csv', 'U1', '2026-11-29T10:00:00.000Z', 200, 0, x'00', ?)`,
      )
      .run('b'.repeat(64));
    old
      .prepare(
        `INSERT INTO channel_state (team_id, channel_id, dataset_id, k, features, scaling, updated_at)
         VALUES ('T1', 'CA', 1, 6, '["income","spending"]', NULL, '2026-11-29T10:00:00.000Z')`,
      )
      .run();
    old.close();
    const view = open(file).channels.view(CHANNEL_A);
    expect(view.dataset).toMatchObject({ kind: 'upload', fileName: 'mall.csv', holds: 'customers' });
    expect(view.settings).toEqual({ k: 6, features: ['income', 'spending'], scaling: null });
  });

  it('keeps an order file as orders across a reopen', () => {
    const file = freshFile();
    open(file).uploads.save(CHANNEL_A, { ...newDataset('orders.csv'), holds: 'orders' });
    expect(open(file).channels.view(CHANNEL_A).dataset).toMatchObject({
      fileName: 'orders.csv',
      holds: 'orders',
    });
  });

  it('saves the analysis date on its own, and a new upload returns it to the default', () => {
    const store = open(freshFile());
    store.uploads.save(CHANNEL_A, { ...newDataset('orders.csv'), holds: 'orders' });
    store.channels.saveK(CHANNEL_A, 4);
    store.channels.saveAsOf(CHANNEL_A, '2011-06-01');
    expect(store.channels.view(CHANNEL_A).settings).toMatchObject({ k: 4, asOf: '2011-06-01' });
    store.channels.saveAsOf(CHANNEL_A, null);
    expect(store.channels.view(CHANNEL_A).settings).not.toHaveProperty('asOf');
    store.channels.saveAsOf(CHANNEL_A, '2011-06-01');
    store.uploads.save(CHANNEL_A, { ...newDataset('next.csv'), holds: 'orders' });
    expect(store.channels.view(CHANNEL_A).settings).toEqual({
      k: null,
      features: ['income', 'spending'],
      scaling: null,
    });
  });

  it('refuses a malformed date and an unknown kind of data at the database', () => {
    const store = open(freshFile());
    store.uploads.save(CHANNEL_A, newDataset('mall.csv'));
    expect(() =>
      store.db.prepare("UPDATE channel_state SET as_of = '1 June' WHERE channel_id = 'CA'").run(),
    ).toThrow(/CHECK/);
    expect(() => store.db.prepare("UPDATE datasets SET holds = 'invoices'").run()).toThrow(/CHECK/);
  });
});
