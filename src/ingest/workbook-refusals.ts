/**
 * The refusals every workbook can get, each saying what to do, in the words of
 * the kind of file it was read as: a workbook of order lines is told to save
 * "the order sheet", not "the customer sheet".
 */
import { InputError } from '../core/errors.ts';
import type { ZipFormat } from './containers.ts';

/**
 * What the reader knows a workbook holds. The order-line reader gets only files
 * whose header was seen to name order lines ('orders'). The customer reader also
 * gets every workbook the order-line check could not look into (password,
 * damaged, unzipping past the cap: transactions/file.ts), so before it has read a
 * header it knows only that the file is one or the other ('either').
 */
export type WorkbookKind = 'orders' | 'either';

interface KindWords {
  /** The sheet to save as CSV. */
  sheet: string;
  /** The file to share instead. */
  file: string;
  /** What a spreadsheet of this kind holds. */
  holds: string;
  /** What an empty workbook should have held. */
  rows: string;
}

const WORDS: Record<WorkbookKind, KindWords> = {
  orders: {
    sheet: 'the order sheet',
    file: 'the order-line file',
    holds: 'order lines',
    rows: 'one row per order line below a header row (invoice number, date, price or line total, customer, …)',
  },
  either: {
    sheet: 'the customer or order sheet',
    file: 'the customer or order-line file',
    holds: 'customers or order lines',
    rows:
      'one row per customer below a header row (Age, Annual Income (k$), Spending Score (1-100), …), ' +
      'or one row per order line (invoice number, date, price, customer, …)',
  },
};

export const unzipsTooFar = (kind: WorkbookKind, file: string, unzipped: string, cap: string) =>
  new InputError(
    'file_too_large',
    `this workbook unzips to ${unzipped}, more than the ${cap} one analysis reads; ` +
      `delete unused sheets and columns, or export ${WORDS[kind].sheet} as CSV`,
    { file },
  );

export const emptyWorkbook = (kind: WorkbookKind, file: string) =>
  new InputError('empty_workbook', `every sheet of this workbook is empty; put ${WORDS[kind].rows}`, {
    file,
  });

export const passwordProtected = (kind: WorkbookKind, file: string) =>
  new InputError(
    'password_protected',
    'this workbook is protected with a password, so it cannot be read; open it in Excel, remove the password ' +
      `(File → Info → Protect Workbook) or save ${WORDS[kind].sheet} as CSV, and share it again`,
    { file },
  );

export const legacyXls = (file: string) =>
  new InputError(
    'unsupported_format',
    'this is an old-style Excel file (.xls); open it in Excel and save it as .xlsx or as CSV UTF-8, and share it again',
    { file },
  );

export const damaged = (kind: WorkbookKind, file: string) =>
  new InputError(
    'corrupt_workbook',
    `this workbook is damaged and could not be opened; open it in Excel and save it again, or save ${WORDS[kind].sheet} as CSV`,
    { file },
  );

function notAWorkbookWords(format: Exclude<ZipFormat, 'xlsx'>, kind: WorkbookKind): string {
  const { file, holds } = WORDS[kind];
  switch (format) {
    case 'ods':
      return 'this is an OpenDocument spreadsheet (.ods); save it as .xlsx or as CSV UTF-8 and share it again';
    case 'numbers':
      return 'this is an Apple Numbers file; export it (File → Export To → CSV or Excel) and share that file';
    case 'document':
      return `this is an office document, not a spreadsheet of ${holds}; share ${file} as .xlsx or CSV`;
    case 'archive':
      return `this is a zip archive; unzip it and share ${file} inside (.csv or .xlsx)`;
    case 'damaged':
      return `this zip file is damaged and could not be opened; share ${file} as .xlsx or CSV`;
  }
}

export function notAWorkbook(
  format: Exclude<ZipFormat, 'xlsx'>,
  kind: WorkbookKind,
  file: string,
): InputError {
  const code = format === 'damaged' ? 'corrupt_workbook' : 'unsupported_format';
  return new InputError(code, notAWorkbookWords(format, kind), { file });
}
