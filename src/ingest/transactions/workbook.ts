/**
 * An order-line workbook (.xlsx, as the UCI Online Retail files are shared):
 * opened with the customer reader's checks (xlsx.ts `openWorkbook`), the first
 * sheet whose header (below any title rows) names order-line columns is read,
 * and so is every later sheet with the same header (Online Retail II keeps one
 * year per sheet); each row's cells go to the builder as the text a CSV export
 * would hold. A row problem names the row within its sheet.
 */
import { InputError } from '../../core/errors.ts';
import type { IngestLimits } from '../result.ts';
import { type Cell, cellText, HEADER_SEARCH, openWorkbook, type Sheet } from '../xlsx.ts';
import type { OrderLineBuilder } from './builder.ts';
import { looksLikeOrderLines } from './roles.ts';

export interface WorkbookStart {
  builder: OrderLineBuilder;
  /** Called after each line the builder took, with its row number (the row limit). */
  checkRows: (line: number) => void;
}

export async function readOrderWorkbook(
  bytes: Buffer,
  file: string,
  limits: IngestLimits,
  start: (header: string[], line: number) => WorkbookStart,
): Promise<{ builder: OrderLineBuilder; sheets: string[] }> {
  const sheets = await openWorkbook(bytes, file, limits);
  const found = sheets.flatMap((sheet) => {
    const headerRow = orderHeaderRow(sheet);
    return headerRow === null ? [] : [{ sheet, headerRow }];
  });
  const first = found[0];
  if (!first) throw noOrderSheet(sheets, file);
  const header = first.sheet.data[first.headerRow]!.map(orderCellText);
  const same = found.filter(({ sheet, headerRow }) =>
    sameCells(sheet.data[headerRow]!.map(orderCellText), header),
  );
  const { builder, checkRows } = start(header, first.headerRow + 1);
  for (const { sheet, headerRow } of same) {
    for (let r = headerRow + 1; r < sheet.data.length; r++) {
      builder.accept(sheet.data[r]!.map(orderCellText), r + 1);
      checkRows(r + 1);
    }
  }
  return { builder, sheets: same.map((s) => s.sheet.sheet) };
}

const sameCells = (a: string[], b: string[]) => {
  const trimmed = (cells: string[]) => cells.slice(0, cells.findLastIndex((c) => c !== '') + 1);
  return trimmed(a).join('\u0000') === trimmed(b).join('\u0000');
};

/** The row (within the first rows, below titles) that names order-line columns, or null. */
function orderHeaderRow(sheet: Sheet): number | null {
  const limit = Math.min(sheet.data.length, HEADER_SEARCH);
  for (let r = 0; r < limit; r++) {
    const cells = sheet.data[r]!.map(orderCellText);
    if (cells.filter((c) => c !== '').length < 2) continue;
    if (looksLikeOrderLines(cells)) return r;
  }
  return null;
}

function noOrderSheet(sheets: Sheet[], file: string): InputError {
  const names = sheets.map((s) => `"${s.sheet}"`).join(', ');
  return new InputError(
    'missing_column',
    `no sheet of this workbook has order-line columns (looked at ${names}); expected an invoice number, a date and a price or line total`,
    { file },
  );
}

/**
 * A cell as order-line text: a date cell as `2010-12-01 08:26:00` (the form the
 * Online Retail II export writes, whatever format Excel showed it in), anything
 * else as the customer reader writes it. Excel keeps a date as a fraction of days,
 * so 14:01 can come back as 14:00:59.999: the time is rounded to the second.
 */
function orderCellText(cell: Cell): string {
  if (cell instanceof Date) {
    const iso = new Date(Math.round(cell.getTime() / 1000) * 1000).toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  }
  return cellText(cell).trim();
}
