/**
 * An order-line workbook (.xlsx, as the UCI Online Retail file is shared):
 * opened with the customer reader's checks (xlsx.ts `openWorkbook`), the first
 * sheet whose header (below any title rows) names order-line columns is read,
 * and each row's cells go to the builder as the text a CSV export would hold.
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
): Promise<{ builder: OrderLineBuilder; sheet: string }> {
  const sheets = await openWorkbook(bytes, file, limits);
  const { sheet, headerRow } = chooseSheet(sheets, file);
  const { builder, checkRows } = start(sheet.data[headerRow]!.map(orderCellText), headerRow + 1);
  for (let r = headerRow + 1; r < sheet.data.length; r++) {
    builder.accept(sheet.data[r]!.map(orderCellText), r + 1);
    checkRows(r + 1);
  }
  return { builder, sheet: sheet.sheet };
}

function chooseSheet(sheets: Sheet[], file: string): { sheet: Sheet; headerRow: number } {
  for (const sheet of sheets) {
    const limit = Math.min(sheet.data.length, HEADER_SEARCH);
    for (let r = 0; r < limit; r++) {
      const cells = sheet.data[r]!.map(orderCellText);
      if (cells.filter((c) => c !== '').length < 2) continue;
      if (looksLikeOrderLines(cells)) return { sheet, headerRow: r };
    }
  }
  const names = sheets.map((s) => `"${s.sheet}"`).join(', ');
  throw new InputError(
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
