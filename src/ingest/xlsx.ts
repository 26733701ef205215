/**
 * Excel workbooks (.xlsx) → the same RowReader as CSV, so the same rules,
 * limits and row problems apply. read-excel-file does the unzipping and XML;
 * this module picks the sheet that holds the customer columns (the first one
 * that does, else the first sheet), finds its header below any title or empty
 * rows, and turns cells into the text a CSV export of the sheet would hold.
 *
 * Refusals each say what to do (workbook-refusals.ts): a password-protected
 * workbook, a legacy .xls, a damaged or empty workbook, one that would unzip
 * beyond the size limit.
 */
import { InputError } from '../core/errors.ts';
import { formatBytes } from './chunks.ts';
import { identifyContainer } from './containers.ts';
import { mapHeader } from './headers.ts';
import { finish, type IngestLimits, type IngestResult } from './result.ts';
import { RowReader } from './rows.ts';
import {
  damaged,
  emptyWorkbook,
  legacyXls,
  notAWorkbook,
  passwordProtected,
  unzipsTooFar,
  type WorkbookKind,
} from './workbook-refusals.ts';

/** A cell as read-excel-file gives it. */
export type Cell = string | number | boolean | Date | null;

/** Rows looked at for a header below titles, notes and blank rows. */
export const HEADER_SEARCH = 20;
/**
 * An .xlsx unzips to several times its size, and the reader holds it all: beyond
 * this multiple of the byte limit, or 1 GB, it is refused before unzipping.
 */
const UNZIPPED_FACTOR = 8;
const UNZIPPED_MAX = 1024 ** 3;
/**
 * Its refusals come before any header is read, and it is given every workbook the order-line check could not
 * look into, order workbooks too: they name either kind's sheet (workbook-refusals.ts).
 */
const CUSTOMER_READER: WorkbookKind = 'either';

export async function readWorkbook(bytes: Buffer, file: string, limits: IngestLimits): Promise<IngestResult> {
  const chosen = chooseSheet(await openWorkbook(bytes, file, limits), file);
  const reader = new RowReader(file, ',', limits.maxRows);
  reader.nextLine = chosen.headerRow + 1;
  for (let r = chosen.headerRow; r < chosen.data.length && reader.failure === null; r++) {
    reader.accept(chosen.data[r]!.map(cellText));
  }
  if (reader.failure !== null) throw reader.failure;
  return finish(reader, limits, {
    file,
    delimiter: ',',
    encoding: 'utf-8',
    format: 'xlsx',
    sheet: chosen.sheet,
  });
}

/**
 * The workbook's sheets that hold anything, after the refusals every workbook
 * gets (password, .xls, damaged, unzipping beyond the limit, all empty), read
 * whole by read-excel-file: customer workbooks only. Order-line workbooks get
 * the same refusals (`checkWorkbook`, `emptyWorkbook`) and are streamed
 * (transactions/workbook.ts, xlsx-rows.ts).
 */
async function openWorkbook(bytes: Buffer, file: string, limits: IngestLimits): Promise<Sheet[]> {
  checkWorkbook(bytes, file, limits, CUSTOMER_READER);
  const sheets = await readSheets(bytes, file);
  const filled = sheets.filter((s) => s.data.some((row) => row.some(isFilled)));
  if (filled.length === 0) throw emptyWorkbook(CUSTOMER_READER, file);
  return filled;
}

/**
 * The refusals before a workbook is unzipped: not an .xlsx (password, .xls, .ods, …), damaged, too big unzipped,
 * worded for the `kind` of file it was read as.
 */
export function checkWorkbook(bytes: Buffer, file: string, limits: IngestLimits, kind: WorkbookKind): void {
  const container = identifyContainer(bytes);
  if (container.kind === 'ole') throw container.encrypted ? passwordProtected(kind, file) : legacyXls(file);
  if (container.kind !== 'zip') throw damaged(kind, file);
  if (container.format !== 'xlsx') throw notAWorkbook(container.format, kind, file);
  const unzipped = container.entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  const cap = Math.min(limits.maxBytes * UNZIPPED_FACTOR, UNZIPPED_MAX);
  if (unzipped > cap) throw unzipsTooFar(kind, file, formatBytes(unzipped), formatBytes(cap));
}

interface Sheet {
  sheet: string;
  data: Cell[][];
}

async function readSheets(bytes: Buffer, file: string): Promise<Sheet[]> {
  // Loaded here, not at start-up: most files are CSV. Outside the try: a failed import is a bug, not a damaged file.
  const { default: readExcelFile } = await import('read-excel-file/node');
  try {
    return (await readExcelFile(bytes)) as Sheet[];
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'NO_DATA') return [];
    if (code === 'XLS_FILE_NOT_SUPPORTED') throw legacyXls(file);
    // INVALID_ZIP, FILE_NOT_SUPPORTED, InvalidSpreadsheetError, or XML the parser could not follow.
    throw damaged(CUSTOMER_READER, file);
  }
}

/** The first sheet whose header (within its first rows) names the customer columns; else the first sheet's error. */
function chooseSheet(sheets: Sheet[], file: string): Sheet & { headerRow: number } {
  let firstError: unknown = null;
  for (const sheet of sheets) {
    const limit = Math.min(sheet.data.length, HEADER_SEARCH);
    for (let r = 0; r < limit; r++) {
      const cells = sheet.data[r]!.map(cellText);
      // A title or note row (one filled cell, often merged across the table) is not a header.
      if (cells.filter((c) => c.trim() !== '').length < 2) continue;
      try {
        mapHeader(cells, file, r + 1);
        return { ...sheet, headerRow: r };
      } catch (error) {
        firstError ??= error;
      }
    }
  }
  if (firstError instanceof InputError && sheets.length > 1) {
    const names = sheets.map((s) => `"${s.sheet}"`).join(', ');
    return throwWith(firstError, `no sheet has the customer columns (looked at ${names})`);
  }
  throw (
    firstError ??
    new InputError('header_only', 'the workbook has no header row with customer columns', { file })
  );
}

function throwWith(error: InputError, detail: string): never {
  throw new InputError(error.code, error.message, error.where, [...error.details, detail]);
}

const isFilled = (cell: Cell) => cell !== null && !(typeof cell === 'string' && cell.trim() === '');

/** The text a CSV export of the cell would hold: numbers in full precision, dates as ISO dates. */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? plainDecimal(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date) {
    const iso = cell.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
  }
  return cell;
}

/**
 * A number as the plain decimal a CSV export writes, exactly: String() gives
 * `1e-7` and `1e+21`, which the row rules refuse as typed text, so a workbook
 * cell would get another verdict than the same value in a CSV file. -0 is 0.
 */
export function plainDecimal(x: number): string {
  const text = String(x + 0);
  const e = text.indexOf('e');
  if (e === -1) return text;
  const sign = text.startsWith('-') ? '-' : '';
  const mantissa = text.slice(sign.length, e);
  const exponent = Number(text.slice(e + 1));
  const digits = mantissa.replace('.', '');
  // Position of the decimal point within `digits` once the exponent is applied.
  const point = (mantissa.indexOf('.') === -1 ? mantissa.length : mantissa.indexOf('.')) + exponent;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
