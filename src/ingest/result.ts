/**
 * What reading a customer file gives, whatever its format (CSV text or an
 * Excel sheet): the table, the facts about the source, and the row problems;
 * and the one place that decides whether enough rows were valid.
 */
import { InputError } from '../core/errors.ts';
import { FEATURE_CATALOGUE } from '../core/features.ts';
import type { CustomerTable, SourceInfo, TextEncoding } from '../core/types.ts';
import { formatCount } from './chunks.ts';
import type { DuplicateId } from './duplicates.ts';
import { describeProblem, type RowProblem } from './problems.ts';
import type { RowReader } from './rows.ts';
import type { NumericColumn } from './rules.ts';
import type { Delimiter } from './sniff.ts';

export interface IngestLimits {
  maxBytes: number;
  maxRows: number;
  /** Below this share of valid data rows the file is refused rather than analysed. */
  minValidShare: number;
}

/**
 * Sized so a real export fits: ten million customers, and the bytes ten million
 * rows take with long ids or extra columns (~54 bytes a row). Peak memory at
 * the row limit stays under 1.5 GB (npm run bench).
 */
export const DEFAULT_LIMITS: IngestLimits = {
  maxBytes: 512 * 1024 * 1024,
  maxRows: 10_000_000,
  minValidShare: 0.9,
};

export interface IngestResult {
  /** Valid rows only, in file order. */
  table: CustomerTable;
  source: SourceInfo;
  /** The first 1000 problems, in file order; `problemCount` counts all of them. */
  problems: RowProblem[];
  problemCount: number;
  /** Rows kept despite a problem (an unknown gender, empty extra values); skipped rows are in `source`. */
  notedRows: number;
  /** The first 100 ids that occur more than once (their rows are kept). */
  duplicateIds: DuplicateId[];
  /** Distinct ids that occur more than once. */
  duplicateIdCount: number;
  delimiter: Delimiter;
  /** The encoding the bytes were read as (also in `source`); UTF-8 for a workbook. */
  encoding: TextEncoding;
  format: 'csv' | 'xlsx';
}

export interface ReadFacts {
  file: string;
  delimiter: Delimiter;
  encoding: TextEncoding;
  format: 'csv' | 'xlsx';
  /** The sheet read, for a workbook. */
  sheet?: string;
}

export function finish(reader: RowReader, limits: IngestLimits, facts: ReadFacts): IngestResult {
  const { file, delimiter, encoding, format, sheet } = facts;
  if (reader.columns === null) {
    throw new InputError('empty_file', 'the file has no values, only separators and blank lines', { file });
  }
  if (reader.totalRows === 0) {
    throw new InputError(
      'header_only',
      'the file has a header row but no customers; expected one row per customer below the header',
      { file },
    );
  }
  const valid = reader.table.length;
  if (valid / reader.totalRows < limits.minValidShare)
    throw tooManyInvalid(reader, file, limits.minValidShare);
  const extras = reader.extras?.finish(valid);
  const table = reader.table.finish();
  return {
    // Only a file with extra columns has the keys: a Mall table is exactly what it was.
    table: extras
      ? {
          ...table,
          ...(extras.categories.length > 0 ? { categories: extras.categories } : {}),
          ...(extras.numbers.length > 0 ? { numbers: extras.numbers } : {}),
        }
      : table,
    source: {
      fileName: file,
      columnsFound: reader.columns.columnsFound,
      extraColumns: reader.columns.extraColumns,
      ...(extras ? { extraRoles: extras.roles } : {}),
      // Only the columns the file has: no "age: 0" for a file without an Age column.
      missing: Object.fromEntries(
        Object.entries(reader.missing).filter(([c]) => !reader.columns!.absent.includes(c as never)),
      ),
      totalRows: reader.totalRows,
      skippedRows: reader.skippedRows,
      encoding,
      ...(sheet !== undefined ? { sheet } : {}),
      ...(reader.columns.absent.length > 0 ? { absentColumns: [...reader.columns.absent] } : {}),
    },
    problems: reader.problems.stored,
    problemCount: reader.problems.count,
    notedRows: reader.notedRows,
    duplicateIds: reader.duplicates.reported,
    duplicateIdCount: reader.duplicates.count,
    delimiter,
    encoding,
    format,
  };
}

function tooManyInvalid(reader: RowReader, file: string, minValidShare: number): InputError {
  const valid = reader.table.length;
  // Round the share down so 89.6% is never shown as meeting a 90% floor.
  const share = Math.floor((valid / reader.totalRows) * 100 + 1e-9);
  const commonest = reader.problems.commonestSkip();
  // The commonest reason says what to fix in one go (a column in dollars, a shifted column, a wrong layout).
  const why = commonest
    ? ` The commonest problem, in ${commonest.rows} of ${reader.skippedRows} skipped rows: ` +
      `${commonest.column ? `column ${commonest.column}, ` : ''}${commonest.reason}.`
    : '';
  const message =
    `only ${valid} of ${reader.totalRows} rows are valid (${share}%); ` +
    `at least ${Math.round(minValidShare * 100)}% must be.${why}${slipWords(reader, commonest)} The first problems:`;
  return new InputError(
    'too_many_invalid_rows',
    message,
    { file },
    reader.problems.firstSkips.map(describeProblem),
  );
}

/** When the commonest problem is mostly values in a slipped unit (dollars for k$), the fix in one line. */
function slipWords(reader: RowReader, commonest: { column: string; rows: number } | undefined): string {
  if (!commonest || reader.columns === null) return '';
  for (const column of Object.keys(reader.unitSlips) as NumericColumn[]) {
    const spec = FEATURE_CATALOGUE[column];
    const slip = spec.unitSlip;
    if (!slip || reader.columns.written[column] !== commonest.column) continue;
    if (reader.unitSlips[column] * 2 < commonest.rows) continue;
    return ` These look like ${slip.unit} rather than ${spec.measure}: divide the column by ${formatCount(slip.factor)}.`;
  }
  return '';
}
