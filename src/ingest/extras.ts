/**
 * The columns beyond the customer fields (Region, LoyaltyTier, Visits,
 * Tenure (months), …), read alongside each kept row and, once the file is
 * read, sorted into breakdowns (text with few levels), candidate features
 * (numbers), or ignored with a reason (an id, too many levels, mostly empty,
 * constant). Reading costs nothing for a file without extra columns (the
 * Mall layout), and stays bounded for any other: levels are counted only up
 * to the limit, and only the first SAMPLE values are compared to spot an id.
 *
 * A cell is staged by the path that read the row (the fast byte path or the
 * strict record path) and committed only when the row is kept, so the
 * columns stay aligned with the table's rows.
 */
import {
  EXTRA_COLUMN_LIMITS,
  FEATURE_CATALOGUE,
  headerName,
  headerNamesAnId,
  headerTitle,
} from '../core/features.ts';
import { type CategoryColumn, type ExtraColumnRole, FEATURES, type NumberColumn } from '../core/types.ts';
import { parseDecimal } from './rules.ts';

/** Values compared to tell an id (every value different) from a column of repeated levels. */
const SAMPLE = 1000;
/** Below this many filled cells, "every value is different" says nothing. */
const MIN_FOR_ID = 10;
const START = 1024;

class Column {
  length = 0;
  numbers = new Float64Array(START);
  codes = new Int32Array(START);
  blank = 0;
  /** Filled cells that are not plain numbers. */
  text = 0;
  /** Of those, the cells that say "no value" (n/a, NA, -, …): a numeric column may hold them. */
  markers = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  /** Numbers so far all whole and strictly increasing by row (a row counter). */
  sequence = true;
  private last = Number.NEGATIVE_INFINITY;
  readonly levels: string[] = [];
  /** More levels than a breakdown may have: counting stopped. */
  overflow = false;
  private numberLevels = new Map<number, number>();
  private textLevels = new Map<string, number>();
  private sample = new Set<string | number>();
  sampled = 0;
  stagedNumber = Number.NaN;
  stagedText: string | null = null;
  /** A text level the fast path recognised from its bytes, or -1. */
  stagedCode = -1;
  /** The text levels as UTF-8 bytes, so the fast path finds a repeated level without making a string. */
  private byteLevels: Array<{ bytes: Buffer; code: number }> = [];

  /** The code of the text level with exactly these bytes, or -1. */
  byteLevel(data: Buffer, start: number, end: number): number {
    const length = end - start;
    for (const { bytes, code } of this.byteLevels) {
      if (bytes.length !== length) continue;
      let i = 0;
      while (i < length && bytes[i] === data[start + i]) i++;
      if (i === length) return code;
    }
    return -1;
  }

  get allDistinct(): boolean {
    return this.sample.size === this.sampled;
  }

  commit(): void {
    const i = this.length;
    if (i === this.codes.length) {
      this.numbers = grown(this.numbers, new Float64Array(i * 2));
      this.codes = grown(this.codes, new Int32Array(i * 2));
    }
    this.length = i + 1;
    const value = this.stagedNumber;
    const text = this.stagedText;
    if (this.stagedCode >= 0) {
      this.numbers[i] = Number.NaN;
      this.text++;
      if (isMissingMarker(this.levels[this.stagedCode]!)) this.markers++;
      this.codes[i] = this.stagedCode;
      this.note(this.levels[this.stagedCode]!);
    } else if (Number.isFinite(value)) {
      this.numbers[i] = value;
      if (value < this.min) this.min = value;
      if (value > this.max) this.max = value;
      if (!(value > this.last) || !Number.isInteger(value)) this.sequence = false;
      this.last = value;
      this.codes[i] = this.overflow ? -1 : this.level(this.numberLevels, value, () => String(value));
      this.note(value);
    } else if (text !== null) {
      this.numbers[i] = Number.NaN;
      this.text++;
      if (isMissingMarker(text)) this.markers++;
      const code = this.overflow ? -1 : this.level(this.textLevels, text, () => text);
      if (code >= 0 && this.byteLevels.every((b) => b.code !== code))
        this.byteLevels.push({ bytes: Buffer.from(text, 'utf8'), code });
      this.codes[i] = code;
      this.note(text);
    } else {
      this.numbers[i] = Number.NaN;
      this.codes[i] = -1;
      this.blank++;
    }
  }

  private note(key: string | number): void {
    if (this.sampled >= SAMPLE) return;
    this.sampled++;
    this.sample.add(key);
  }

  private level<K>(levels: Map<K, number>, key: K, label: () => string): number {
    const code = levels.get(key);
    if (code !== undefined) return code;
    if (this.levels.length === EXTRA_COLUMN_LIMITS.maxLevels) {
      // One past the limit: the column cannot be a breakdown, so stop counting (and free the maps).
      this.overflow = true;
      this.numberLevels = new Map();
      this.textLevels = new Map();
      this.byteLevels = [];
      return -1;
    }
    this.levels.push(label());
    levels.set(key, this.levels.length - 1);
    return this.levels.length - 1;
  }
}

export interface ExtraColumns {
  roles: ExtraColumnRole[];
  categories: CategoryColumn[];
  numbers: NumberColumn[];
}

/** Names a candidate may not take: the catalogue's features and the words typed for them. */
const TAKEN = new Set<string>(FEATURES.flatMap((f) => [f, ...FEATURE_CATALOGUE[f].commandWords]));

export class ExtraReader {
  private readonly columns: Column[];

  constructor(
    /** Each extra column's position in a record. */
    readonly positions: readonly number[],
    private readonly headers: readonly string[],
    private readonly decimalComma: boolean,
    /** Per column, the header as written when `headers` numbered a repeated one, else null. */
    private readonly writtenAs: readonly (string | null)[] = [],
  ) {
    this.columns = positions.map(() => new Column());
  }

  /** The fast path's number (already read from the bytes) for extra column `j`. */
  stageNumber(j: number, value: number): void {
    const column = this.columns[j]!;
    column.stagedNumber = value;
    column.stagedText = null;
    column.stagedCode = -1;
  }

  /**
   * The fast path's cell that is not a plain number: a text level already seen is
   * matched on its bytes (Region, LoyaltyTier repeat a few values a million times);
   * anything else is read as text.
   */
  stageBytes(j: number, data: Buffer, start: number, end: number): void {
    const column = this.columns[j]!;
    const code = column.byteLevel(data, start, end);
    if (code < 0) {
      this.stageText(j, data.toString('utf8', start, end));
      return;
    }
    column.stagedNumber = Number.NaN;
    column.stagedText = null;
    column.stagedCode = code;
  }

  /** A cell as text (the strict path, or a fast-path cell that is not a plain number). */
  stageText(j: number, cell: string): void {
    const column = this.columns[j]!;
    const text = cell.trim();
    const value = text === '' ? Number.NaN : parseDecimal(text, this.decimalComma);
    column.stagedNumber = value;
    column.stagedText = text === '' || Number.isFinite(value) ? null : text;
    column.stagedCode = -1;
  }

  stageRecord(record: readonly string[]): void {
    for (let j = 0; j < this.positions.length; j++) this.stageText(j, record[this.positions[j]!] ?? '');
  }

  /** The staged cells belong to a kept row. */
  commit(): void {
    for (const column of this.columns) column.commit();
  }

  /** What each column is, and the kept ones' data, trimmed to the table's `rows`. */
  finish(rows: number): ExtraColumns {
    const out: ExtraColumns = { roles: [], categories: [], numbers: [] };
    const names = new Set(TAKEN);
    this.columns.forEach((column, j) => {
      const header = this.headers[j]!;
      const written = this.writtenAs[j];
      const role: ExtraColumnRole = {
        ...classify(column, header, rows),
        ...(written ? { renamedFrom: written } : {}),
      };
      if (role.role === 'breakdown') {
        out.categories.push({ header, levels: column.levels, codes: column.codes.slice(0, rows) });
        out.roles.push(role);
      } else if (role.role === 'candidate') {
        // A feature name starts with a letter (`2024 spend` → col_2024_spend), and is not taken.
        const base = /^[a-z]/.test(role.name) ? role.name : `col_${role.name}`.replace(/_$/, '');
        let name = base;
        for (let n = 2; names.has(name); n++) name = `${base}_${n}`;
        names.add(name);
        out.numbers.push({ header, name, values: column.numbers.slice(0, rows) });
        out.roles.push({ ...role, name });
      } else out.roles.push(role);
    });
    return out;
  }
}

/**
 * What spreadsheets and exports write for "no value". A numeric column whose only
 * text is these is still numeric, with those cells empty: one "n/a" made Visits a
 * breakdown of its numbers (or "too many levels"), so it could not be clustered on.
 * Text columns keep them as levels ("NA" may be North America).
 */
const MISSING_MARKERS = new Set(['n/a', 'na', '#n/a', 'nan', 'null', '-', '—', '?', '.']);
const isMissingMarker = (text: string) => MISSING_MARKERS.has(text.toLowerCase());

function classify(column: Column, header: string, rows: number): ExtraColumnRole {
  // Numbers with only "no value" markers as text: a numeric column with those cells empty.
  if (column.text > 0 && column.text === column.markers && column.min <= column.max) {
    return classifyNumbers(column, header, rows, column.blank + column.markers);
  }
  const filled = rows - column.blank;
  if (rows === 0 || column.blank / rows > EXTRA_COLUMN_LIMITS.maxEmptyShare)
    return {
      column: header,
      role: 'ignored',
      reason: 'mostly_empty',
      emptyShare: rows === 0 ? 1 : column.blank / rows,
    };
  const distinct = column.allDistinct && filled >= MIN_FOR_ID;
  if (column.text === 0) return classifyNumbers(column, header, rows, column.blank);
  if (headerNamesAnId(header) || distinct) return { column: header, role: 'ignored', reason: 'id' };
  if (column.overflow)
    return {
      column: header,
      role: 'ignored',
      reason: 'too_many_levels',
      levels: EXTRA_COLUMN_LIMITS.maxLevels + 1,
    };
  if (column.levels.length < 2) return { column: header, role: 'ignored', reason: 'constant' };
  return { column: header, role: 'breakdown', levels: column.levels.length };
}

/** A column of numbers, `empty` of its cells without one. */
function classifyNumbers(column: Column, header: string, rows: number, empty: number): ExtraColumnRole {
  if (empty / rows > EXTRA_COLUMN_LIMITS.maxEmptyShare)
    return { column: header, role: 'ignored', reason: 'mostly_empty', emptyShare: empty / rows };
  const distinct = column.allDistinct && rows - column.blank >= MIN_FOR_ID;
  // Every filled cell a number: a measure, unless it counts rows or never changes.
  if (headerNamesAnId(header) || (distinct && column.sequence))
    return { column: header, role: 'ignored', reason: 'id' };
  if (column.min === column.max) return { column: header, role: 'ignored', reason: 'constant' };
  const { title, unit } = headerTitle(header);
  return {
    column: header,
    role: 'candidate',
    name: headerName(header),
    title,
    unit,
    min: column.min,
    max: column.max,
    empty,
  };
}

function grown<T extends Float64Array | Int32Array>(from: T, to: T): T {
  to.set(from as never);
  return to;
}
