/**
 * Generated order lines as the other files retailers share: an .xlsx (the UCI
 * Online Retail file is one; dates as date cells, numbers as numbers, the data
 * below a title on the second sheet), a Windows-1252 export with accented text,
 * and UTF-16 ("Unicode text"), each reading as the same order lines as the CSV.
 */
import { parse } from 'csv-parse/sync';
import { buildXlsx, type XlsxCell } from './xlsx.ts';

const NUMBER = /^-?\d+(\.\d+)?$/;
const ISO_DATE = /^\d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)?$/;

/** The CSV's records as sheet cells: ISO dates as date cells, plain numbers as numbers. */
export function orderCells(csv: string): XlsxCell[][] {
  const records: string[][] = parse(csv);
  return records.map((record, r) =>
    r === 0
      ? record
      : record.map((cell) => {
          if (ISO_DATE.test(cell)) return new Date(`${cell.replace(' ', 'T')}Z`);
          return NUMBER.test(cell) ? Number(cell) : cell;
        }),
  );
}

export const ORDER_SHEET = 'Year 2010-2011';

/** A notes sheet first, then the order lines below a title row and a blank row. */
export function orderWorkbook(csv: string): Uint8Array {
  return buildXlsx([
    { name: 'Read me', rows: [['Exported from the shop']] },
    { name: ORDER_SHEET, rows: [['Online Retail II'], [], ...orderCells(csv)] },
  ]);
}

/** Text only Windows-1252 can hold: one country and one product description renamed. */
export function accented(csv: string): string {
  return csv.replaceAll(',Germany', ',Österreich').replaceAll('JUMBO BUNTING', 'CRÈME BRÛLÉE SET €');
}

/** Windows-1252 bytes (what Excel on Windows writes for "CSV"); '€' is 0x80 there. */
export const windows1252 = (text: string) => Buffer.from(text.replaceAll('€', '\u0080'), 'latin1');

export const utf16le = (text: string) => Buffer.from(`\uFEFF${text}`, 'utf16le');
