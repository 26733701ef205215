/**
 * Turns parsed records into table rows, one at a time, in file order. Clean
 * rows take a fast path that allocates nothing; any row with a problem goes
 * through `slowRow`, which works out every problem in it (via the zod schema)
 * and decides whether the row is kept. Never throws: a fatal problem (bad
 * header, too many rows) is stored in `failure` and later records are ignored,
 * because this runs inside the parser's 'data' event.
 */
import { InputError } from '../core/errors.ts';
import { FEATURE_CATALOGUE } from '../core/features.ts';
import { GENDER_CODE } from '../core/types.ts';
import { formatCount } from './chunks.ts';
import { DuplicateFinder } from './duplicates.ts';
import { ExtraReader } from './extras.ts';
import { COLUMN_IDS, type ColumnId, type ColumnMap, mapHeader } from './headers.ts';
import { clip, ProblemLog, type RowProblem } from './problems.ts';
import {
  GENDER_EXPECTED,
  genderCode,
  type NumericColumn,
  parseDecimal,
  passes,
  RULES,
  rowSchema,
  rowSchemaWithoutAge,
} from './rules.ts';
import type { Delimiter } from './sniff.ts';
import { TableBuilder } from './table-builder.ts';

type Issue = Omit<RowProblem, 'line' | 'kept'>;

export class RowReader {
  /** The line the next record starts on; csv-parse's own count drifts on CRLF inside quotes. */
  nextLine = 1;
  columns: ColumnMap | null = null;
  totalRows = 0;
  skippedRows = 0;
  /** Rows kept despite a note (an unknown gender, harmless empty values at the end). */
  notedRows = 0;
  failure: unknown = null;
  /** Set once the input has shown a `"`: without one no value can span lines, and the check is skipped. */
  quotesSeen = false;
  readonly missing: Record<ColumnId, number> = { id: 0, gender: 0, age: 0, income: 0, spending: 0 };
  /** Rows refused for a value that would be plausible in the feature's slipped unit (dollars for k$). */
  readonly unitSlips: Record<NumericColumn, number> = { age: 0, income: 0, spending: 0 };
  readonly problems = new ProblemLog();
  readonly table = new TableBuilder();
  readonly duplicates = new DuplicateFinder();
  /** The columns beyond the customer fields, when the file has any (the Mall layout has none). */
  extras: ExtraReader | null = null;
  private readonly decimalComma: boolean;

  constructor(
    private readonly file: string,
    private readonly delimiter: Delimiter,
    private readonly maxRows: number,
  ) {
    this.decimalComma = delimiter !== ',';
  }

  accept(record: string[]): void {
    const line = this.nextLine;
    this.nextLine = line + 1 + (this.quotesSeen ? lineBreaks(record) : 0);
    // Blank lines and rows of empty cells (Excel's trailing ",,,,") carry no customer.
    if (this.failure !== null || record.every(isBlank)) return;
    try {
      if (this.columns === null) {
        this.columns = mapHeader(record, this.file, line);
        const { extraPositions, extraColumns, extraWrittenAs } = this.columns;
        if (extraPositions.length > 0)
          this.extras = new ExtraReader(extraPositions, extraColumns, this.decimalComma, extraWrittenAs);
      } else this.row(record, line, this.columns);
    } catch (error) {
      this.failure = error;
    }
  }

  /**
   * A row the fast path read from bytes and found clean (every value passes
   * RULES): the same bookkeeping as a clean record through `accept`. Its extra
   * cells, if any, are already staged in `extras`.
   */
  acceptClean(id: string | number, gender: number, age: number, income: number, spending: number): void {
    const line = this.nextLine;
    this.nextLine = line + 1;
    if (this.failure !== null || this.tooMany(line)) return;
    this.keep(id, gender, age, income, spending, line);
  }

  /** Room for about `rows` customer rows, from a reader that can estimate them; never beyond the row limit. */
  reserve(rows: number): void {
    const room = Math.min(Math.ceil(rows), this.maxRows);
    this.table.reserve(room);
    this.duplicates.reserve(room);
  }

  private tooMany(line: number): boolean {
    if (++this.totalRows <= this.maxRows) return false;
    const limit = formatCount(this.maxRows);
    const message = `the file has more than ${limit} customer rows, the most one analysis accepts; split it or take a sample`;
    this.failure = new InputError('too_many_rows', message, { file: this.file, line });
    return true;
  }

  private row(record: string[], line: number, columns: ColumnMap): void {
    if (this.tooMany(line)) return;
    const at = columns.index;
    if (record.length === columns.width) {
      // An optional column the file lacks passes: ids become row numbers (in keep), genders unknown, ages NaN.
      const id = at.id === -1 ? '' : record[at.id]!.trim();
      const gender = at.gender === -1 ? GENDER_CODE.unknown : genderCode(record[at.gender]!);
      const age = at.age === -1 ? Number.NaN : parseDecimal(record[at.age]!, this.decimalComma);
      const income = parseDecimal(record[at.income]!, this.decimalComma);
      const spending = parseDecimal(record[at.spending]!, this.decimalComma);
      const clean =
        (at.gender === -1 || gender !== GENDER_CODE.unknown) &&
        (at.id === -1 || id !== '') &&
        (at.age === -1 || passes(RULES.age, age)) &&
        passes(RULES.income, income) &&
        passes(RULES.spending, spending);
      if (clean) {
        this.extras?.stageRecord(record);
        this.keep(id, gender, age, income, spending, line);
        return;
      }
    }
    this.slowRow(record, line, columns);
  }

  private slowRow(record: string[], line: number, columns: ColumnMap): void {
    const issues: Issue[] = [];
    const { width } = columns;
    if (record.length !== width) {
      // A long row whose extra cells are empty is the trailing-delimiter habit of some exports;
      // any other count means values may have shifted, so none of them can be trusted.
      const harmless = record.length > width && record.slice(width).every(isBlank);
      const reason = `expected ${width} values (one per column), found ${record.length}`;
      const value = clip(record.join(this.delimiter));
      issues.push({
        column: '',
        value,
        reason: harmless ? `${reason}; the empty extra values were ignored` : reason,
      });
      if (!harmless) {
        this.commit(issues, line, false);
        return;
      }
    }
    // An absent id column gives row numbers (set in keep); an absent gender column, unknown genders;
    // an absent age column, NaN ages that no rule checks.
    const cell = (c: ColumnId) => (columns.index[c] === -1 ? '' : record[columns.index[c]]!);
    const hasAge = columns.index.age !== -1;
    const converted = {
      id: columns.index.id === -1 ? String(this.totalRows) : cell('id').trim(),
      age: hasAge ? parseDecimal(cell('age'), this.decimalComma) : Number.NaN,
      income: parseDecimal(cell('income'), this.decimalComma),
      spending: parseDecimal(cell('spending'), this.decimalComma),
    };
    const reasons = new Map<string, string>();
    const checked = (hasAge ? rowSchema : rowSchemaWithoutAge).safeParse(converted);
    for (const issue of checked.error?.issues ?? []) {
      const key = String(issue.path[0]);
      if (!reasons.has(key)) reasons.set(key, issue.message);
    }
    const gender = genderCode(cell('gender'));
    if (gender === 0 && columns.index.gender !== -1) reasons.set('gender', GENDER_EXPECTED);
    for (const column of COLUMN_IDS) {
      const reason = reasons.get(column);
      if (reason === undefined) continue;
      if (isBlank(cell(column))) this.missing[column]++;
      issues.push({ column: columns.written[column], value: clip(cell(column)), reason });
    }
    const { id, age, income, spending } = converted;
    if (!checked.success)
      for (const column of NUMERIC_COLUMNS) if (slipped(column, converted[column])) this.unitSlips[column]++;
    this.commit(issues, line, checked.success);
    if (checked.success) {
      this.extras?.stageRecord(record);
      this.keep(id, gender, age, income, spending, line);
    }
  }

  private commit(issues: Issue[], line: number, kept: boolean): void {
    for (const issue of issues) this.problems.add({ ...issue, line, kept });
    if (!kept) this.skippedRows++;
    else if (issues.length > 0) this.notedRows++;
  }

  private keep(
    id: string | number,
    gender: number,
    age: number,
    income: number,
    spending: number,
    line: number,
  ): void {
    // Without an id column, the data row's number (1 for the first customer row) is its id.
    const rowId = this.columns !== null && this.columns.index.id === -1 ? this.totalRows : id;
    const first = this.duplicates.add(rowId, this.table.length);
    if (first >= 0) this.duplicates.note(String(rowId), this.table.lineOf(first), line);
    this.table.add(rowId, gender, age, income, spending, line);
    this.extras?.commit();
  }
}

const NUMERIC_COLUMNS = Object.keys(RULES) as NumericColumn[];

/** Above the bound, but plausible once divided by the catalogue's unit slip (45,000 "k$" is 45 k$). */
function slipped(column: NumericColumn, value: number): boolean {
  const slip = FEATURE_CATALOGUE[column].unitSlip;
  return slip !== undefined && value > RULES[column].max && passes(RULES[column], value / slip.factor);
}

function isBlank(cell: string): boolean {
  return cell.length === 0 || cell.trim().length === 0;
}

/** Line breaks inside quoted values, so later rows keep their true line numbers. */
function lineBreaks(record: string[]): number {
  let breaks = 0;
  for (const field of record) {
    if (field.indexOf('\n') === -1 && field.indexOf('\r') === -1) continue;
    breaks += field.match(/\r\n?|\n/g)?.length ?? 0;
  }
  return breaks;
}
