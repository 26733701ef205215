/** Which reader a file goes to: order lines or customers, decided from the head as each reader will see it. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateOrderLines } from '../../../src/core/rfm/synthetic-orders.ts';
import { readCustomers } from '../../../src/ingest/csv.ts';
import { isOrderLineBytes, isOrderLineFile } from '../../../src/ingest/transactions/file.ts';
import { tempFile } from '../../support/cli.ts';
import { accented, orderWorkbook, utf16le, windows1252 } from '../../support/order-files.ts';
import { buildXlsx, csvToCells } from '../../support/xlsx.ts';

const orders = accented(generateOrderLines({ customers: 40, seed: 2 }).csv);
const customers = readFileSync(
  fileURLToPath(new URL('../../../data/customers.csv', import.meta.url)),
  'utf8',
);
const utf16be = (text: string) => Buffer.from(`\uFEFF${text}`, 'utf16le').swap16();

describe('telling order-line files from customer files', () => {
  it.each([
    ['UTF-8 CSV', Buffer.from(orders)],
    ['Windows-1252 CSV', windows1252(orders)],
    ['UTF-16 LE CSV', utf16le(orders)],
    ['UTF-16 BE CSV', utf16be(orders)],
    ['.xlsx, below a title on the second sheet', Buffer.from(orderWorkbook(orders))],
  ])('an order-line %s is order lines', async (_, bytes) => {
    expect(await isOrderLineBytes(bytes)).toBe(true);
  });

  it.each([
    ['UTF-8 CSV', Buffer.from(customers)],
    ['UTF-16 CSV', utf16le(customers)],
    ['.xlsx', Buffer.from(buildXlsx([{ name: 'Customers', rows: csvToCells(customers) }]))],
  ])('a customer %s is not', async (_, bytes) => {
    expect(await isOrderLineBytes(bytes)).toBe(false);
  });

  it('takes the first sheet with a header of either kind, as the customer reader does', async () => {
    const both = buildXlsx([
      { name: 'Customers', rows: csvToCells(customers) },
      { name: 'Orders', rows: csvToCells(orders.split('\n').slice(0, 3).join('\n')) },
    ]);
    expect(await isOrderLineBytes(both)).toBe(false);
  });

  it('reads a workbook on disk whole (its sheet list is at the end), a text file by its head', async () => {
    expect(await isOrderLineFile(tempFile(orderWorkbook(orders), 'orders.xlsx'))).toBe(true);
    expect(await isOrderLineFile(tempFile(windows1252(orders), 'orders.csv'))).toBe(true);
    expect(await isOrderLineFile('/no/such/file.xlsx')).toBe(false);
  });

  it('inflates nothing of a workbook whose directory says it unzips past the cap: the reader refuses it', async () => {
    const book = Buffer.from(orderWorkbook(orders));
    expect(await isOrderLineBytes(book)).toBe(true);
    // Every central-directory entry claims 1 GB unzipped (a zip bomb's shape): only the sizes change.
    for (let at = book.indexOf('PK\x01\x02'); at !== -1; at = book.indexOf('PK\x01\x02', at + 4))
      book.writeUInt32LE(1024 ** 3, at + 24);
    expect(await isOrderLineBytes(book)).toBe(false);
    // So the customer reader gets order workbooks too, and its refusal names neither kind alone.
    await expect(readCustomers(book, { fileName: 'orders.xlsx' })).rejects.toThrow(
      /delete unused sheets and columns, or export the customer or order sheet as CSV$/,
    );
  });

  it('holds a workbook to the configured unzipped cap, as the reader does', async () => {
    const book = Buffer.from(orderWorkbook(orders));
    // Every central-directory entry claims 16 MB unzipped: within the default cap (1 GB), past 8 × 1 MB.
    for (let at = book.indexOf('PK\x01\x02'); at !== -1; at = book.indexOf('PK\x01\x02', at + 4))
      book.writeUInt32LE(16 * 1024 ** 2, at + 24);
    expect(await isOrderLineBytes(book)).toBe(true);
    expect(await isOrderLineBytes(book, { maxBytes: 1024 ** 2 })).toBe(false);
    const path = tempFile(book, 'orders.xlsx');
    expect(await isOrderLineFile(path)).toBe(true);
    expect(await isOrderLineFile(path, { maxBytes: 1024 ** 2 })).toBe(false);
  });
});
