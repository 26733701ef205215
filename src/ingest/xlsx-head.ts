/**
 * The first rows of each sheet of an .xlsx, as text, without reading the
 * workbook: what deciding "customers or order lines?" needs. The sheets are
 * streamed (xlsx-rows.ts) and each stops after its first rows, so a file is not
 * read once to choose its reader and again by it.
 *
 * Anything it cannot follow gives no rows: the reader then decides, and says
 * what is wrong with the workbook.
 */
import { streamWorkbook } from './xlsx-rows.ts';

export interface SheetHead {
  sheet: string;
  /** The sheet's first rows (up to `maxRows`), cells as text, '' for a gap. */
  rows: string[][];
}

export async function workbookHeads(bytes: Buffer, maxRows: number): Promise<SheetHead[]> {
  try {
    const heads: SheetHead[] = [];
    for (const sheet of await streamWorkbook(bytes)) {
      const rows: string[][] = [];
      await sheet.rows((cells) => {
        rows.push(cells.map((c) => (typeof c === 'string' ? c.trim() : c.toISOString())));
        return rows.length < maxRows;
      });
      heads.push({ sheet: sheet.name, rows });
    }
    return heads;
  } catch {
    return [];
  }
}
