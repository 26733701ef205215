import { afterEach, describe, expect, it } from 'vitest';
import { customersToCsv, generateCustomers } from '../../src/core/synthetic.ts';
import { readCustomers } from '../../src/ingest/csv.ts';
import { DEFAULT_CACHE_BYTES, Lru } from '../../src/pipeline/lru.ts';
import { TableSource } from '../../src/pipeline/tables.ts';
import { decodeTable, encodeTable } from '../../src/store/columns.ts';
import { columnStore, openStore, type Store } from '../../src/store/index.ts';
import { withExtraColumns } from '../support/extra-columns.ts';
import { CHANNEL_A, CHANNEL_B, newDataset, tempDir } from './helpers.ts';

let tmp = tempDir();
let store: Store | undefined;
afterEach(() => {
  store?.close();
  store = undefined;
  tmp.cleanup();
  tmp = tempDir();
});

async function parsed(rows: number) {
  const csv = customersToCsv(generateCustomers(rows, 5));
  const { table, source } = await readCustomers(csv, { fileName: 'shop.csv' });
  return { csv, table, source };
}

describe('stored columns', () => {
  it('round-trip the extra columns: breakdown codes and candidate values', async () => {
    const csv = withExtraColumns(customersToCsv(generateCustomers(300, 5)));
    const { table, source } = await readCustomers(csv, { fileName: 'crm.csv' });
    expect(table.categories).toHaveLength(2);
    const back = decodeTable(encodeTable({ table, source }))!;
    expect(back.table).toEqual(table);
    expect(back.source.extraRoles).toEqual(source.extraRoles);
    expect(back.table.categories![1]!.codes).toBeInstanceOf(Int32Array);
  });

  it('store whole-number ids as numbers and text ids as text, and give both back as written', async () => {
    const { table, source } = await parsed(50);
    expect(table.ids.kind).toBe('whole');
    const back = decodeTable(encodeTable({ table, source }))!;
    expect(back.table.ids).toEqual(table.ids);
    expect(back.table.ids.values).toBeInstanceOf(Float64Array);
    const csv = customersToCsv(generateCustomers(50, 5)).replace('\n1,', '\nC-001,').replace('\n2,', '\n02,');
    const text = await readCustomers(csv, { fileName: 'crm.csv' });
    expect(text.table.ids.kind).toBe('text');
    const backText = decodeTable(encodeTable(text))!;
    expect(backText.table.ids).toEqual(text.table.ids);
    expect([0, 1, 2].map((i) => backText.table.ids.values[i])).toEqual(['C-001', '02', '3']);
  });

  it('round-trip a parsed table and its source exactly', async () => {
    const { table, source } = await parsed(1_000);
    const back = decodeTable(encodeTable({ table, source }))!;
    expect(back.source).toEqual(source);
    expect(back.table).toEqual(table);
    expect(back.table.age).toBeInstanceOf(Float64Array);
    expect(decodeTable(new Uint8Array([1, 2, 3]))).toBeNull();
  });

  it('are kept per dataset, scoped to its channel, and survive a reopen', async () => {
    const { csv, table, source } = await parsed(300);
    store = openStore(tmp.file);
    const id = store.datasets.insert(CHANNEL_A, newDataset('shop.csv', 300, csv));
    expect(store.datasets.columns(CHANNEL_A, id)).toBeNull();
    store.datasets.saveColumns(id, { table, source });
    store.close();
    store = openStore(tmp.file);
    expect(store.datasets.columns(CHANNEL_A, id)?.table).toEqual(table);
    expect(store.datasets.columns(CHANNEL_B, id)).toBeNull();
  });

  it('let a cold table load skip parsing the stored CSV once the columns are stored', async () => {
    const { csv } = await parsed(300);
    store = openStore(tmp.file);
    const id = store.datasets.insert(CHANNEL_A, newDataset('shop.csv', 300, csv));
    const dataset = store.datasets.get(CHANNEL_A, id)!;
    let bytesRead = 0;
    const source = () =>
      new TableSource({
        samplePath: '/nonexistent.csv',
        loadBytes: (d) => {
          bytesRead++;
          return store!.datasets.bytes(d, d.id);
        },
        columns: columnStore(store!),
        memory: new Lru(DEFAULT_CACHE_BYTES),
      });
    const first = await source().load(dataset);
    expect(bytesRead).toBe(1);
    const afterRestart = await source().load(dataset);
    expect(bytesRead).toBe(1);
    expect(afterRestart.table).toEqual(first.table);
    expect(afterRestart.source).toEqual(first.source);
  });
});
