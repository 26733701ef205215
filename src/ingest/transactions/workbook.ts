/**
 * An order-line workbook (.xlsx, as the UCI Online Retail files are shared):
 * refused as a customer workbook would be when it is not one (xlsx.ts
 * `checkWorkbook`), then streamed row by row (xlsx-rows.ts; a million lines are
 * never held as cells). The first sheet whose header (below any title rows)
 * names order-line columns is read, and so is every later sheet with the same
 * header (Online Retail II keeps one year per sheet); each row's cells go to
 * the builder as the text a CSV export would hold. Lines are numbered on
 * across the sheets read (`offset`), so a row problem names its sheet and the
 * row within it (`sheet "Year 2010-2011", row 12`), not a row number that
 * every sheet has.
 */
import { InputError } from '../../core/errors.ts';
import type { IngestLimits } from '../result.ts';
import { damaged, emptyWorkbook } from '../workbook-refusals.ts';
import { checkWorkbook, HEADER_SEARCH } from '../xlsx.ts';
import { type StreamedCell, streamWorkbook, WorkbookUnreadable } from '../xlsx-rows.ts';
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
  checkWorkbook(bytes, file, limits, 'orders');
  try {
    const sheets = await streamWorkbook(bytes);
    let header: string[] | null = null;
    let reading: WorkbookStart | null = null;
    let anyFilled = false;
    const read: string[] = [];
    // The line the current sheet's rows follow, and the last line given to the builder.
    let offset = 0;
    let last = 0;
    for (const sheet of sheets) {
      let searched = 0;
      let inData = false;
      await sheet.rows((cells, row) => {
        const text = cells.map(orderCellText);
        if (inData) {
          last = offset + row;
          reading!.builder.accept(text, last);
          reading!.checkRows(row);
          return true;
        }
        // Counted only before a header: once one is found, whether any cell was filled is not asked.
        const filled = text.filter((c) => c !== '').length;
        if (filled > 0) anyFilled = true;
        // A title or note row (one filled cell) is not a header.
        if (filled >= 2 && looksLikeOrderLines(text)) {
          if (header === null) {
            header = text;
            reading = start(text, row);
          } else if (!sameCells(text, header)) return false;
          inData = true;
          offset = last;
          reading!.builder.startSheet(sheet.name, offset);
          read.push(sheet.name);
          return true;
        }
        return ++searched < HEADER_SEARCH;
      });
    }
    if (reading === null)
      throw anyFilled
        ? noOrderSheet(
            sheets.map((s) => s.name),
            file,
          )
        : emptyWorkbook('orders', file);
    return { builder: (reading as WorkbookStart).builder, sheets: read };
  } catch (error) {
    if (error instanceof WorkbookUnreadable) throw damaged('orders', file);
    throw error;
  }
}

const sameCells = (a: string[], b: string[]) => {
  const trimmed = (cells: string[]) => cells.slice(0, cells.findLastIndex((c) => c !== '') + 1);
  return trimmed(a).join('\u0000') === trimmed(b).join('\u0000');
};

function noOrderSheet(names: string[], file: string): InputError {
  return new InputError(
    'missing_column',
    `no sheet of this workbook has order-line columns (looked at ${names.map((n) => `"${n}"`).join(', ')}); expected an invoice number, a date and a price or line total`,
    { file },
  );
}

/**
 * A cell as order-line text: a date cell as `2010-12-01 08:26:00` (the form the
 * Online Retail II export writes, whatever format Excel showed it in; the
 * reader has rounded it to the second, as Excel keeps a fraction of days),
 * anything else as the cell's text.
 */
function orderCellText(cell: StreamedCell): string {
  if (typeof cell === 'string') return cell.trim();
  // An invoice's lines share its date: the last one's text is kept.
  const time = cell.getTime();
  if (time !== lastDate.time) {
    const iso = cell.toISOString();
    lastDate.time = time;
    lastDate.text = iso.endsWith('T00:00:00.000Z')
      ? iso.slice(0, 10)
      : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  }
  return lastDate.text;
}

const lastDate = { time: Number.NaN, text: '' };
