/**
 * Header matching: which file column holds which of the five customer fields
 * (income and spending required; id, gender and age optional).
 * Names are compared after dropping case, accents, spaces and punctuation, so
 * `Annual Income (k$)`, `annual_income` and `ANNUAL INCOME` are the same name.
 */
import { InputError } from '../core/errors.ts';
import { FEATURE_CATALOGUE } from '../core/features.ts';
import { listWords } from '../words.ts';

export const COLUMN_IDS = ['id', 'gender', 'age', 'income', 'spending'] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

/** The Mall data's own spelling, used in messages. */
export const DISPLAY_NAMES: Record<ColumnId, string> = {
  id: 'CustomerID',
  gender: 'Gender',
  age: FEATURE_CATALOGUE.age.header,
  income: FEATURE_CATALOGUE.income.header,
  spending: FEATURE_CATALOGUE.spending.header,
};

// Best match first: when two columns both fit (say `id` and `customer_id`), the
// one with the earlier alias wins and the other is kept as an extra column.
// French exports (Windows-1252 CSVs from Excel) are common enough to be spelled out: `Âge`
// already matches `Age` once accents are dropped.
const ALIASES: Record<ColumnId, readonly string[]> = {
  id: ['CustomerID', 'customer_id', 'Customer ID', 'cust_id', 'id', 'ID client', 'Numéro client'],
  gender: ['Gender', 'sex', 'Genre', 'Sexe'], // some Mall copies spell it Genre
  // The feature columns' spellings are part of the feature catalogue.
  age: FEATURE_CATALOGUE.age.headerAliases,
  income: FEATURE_CATALOGUE.income.headerAliases,
  spending: FEATURE_CATALOGUE.spending.headerAliases,
};

/** `Annual Income (k$)` → `annualincomek`; `Âge` → `age`. */
export function normaliseHeader(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const RANK = new Map<string, { column: ColumnId; rank: number }>();
for (const column of COLUMN_IDS) {
  ALIASES[column].forEach((alias, rank) => {
    RANK.set(normaliseHeader(alias), { column, rank });
  });
}

/**
 * The columns every analysis needs: the default segmentation is income ×
 * spending. Gender only describes segments, ids only label rows, and age is
 * one feature a channel may choose, so a file without them is read: unknown
 * genders, row numbers as ids, no ages (a channel that clusters on age is
 * told the file has none, in commands/).
 */
export const REQUIRED_COLUMNS: readonly ColumnId[] = ['income', 'spending'];
export type OptionalColumn = 'id' | 'gender' | 'age';

export interface ColumnMap {
  /** Position of each field in a record; -1 for an optional column the file does not have. */
  index: Record<ColumnId, number>;
  /** Optional columns the file does not have. */
  absent: OptionalColumn[];
  /** Header cells as written (what users see in messages). */
  written: Record<ColumnId, string>;
  columnsFound: string[];
  extraColumns: string[];
  /** Per extra column, the header as written when it repeats an earlier one's (and was numbered), else null. */
  extraWrittenAs: (string | null)[];
  /** Where each of `extraColumns` sits in a record. */
  extraPositions: number[];
  width: number;
}

/** Maps a header record, or throws InputError('missing_column') naming what is missing and what was found. */
export function mapHeader(cells: readonly string[], file: string, line: number): ColumnMap {
  const best = new Map<ColumnId, { at: number; rank: number }>();
  cells.forEach((cell, at) => {
    const match = RANK.get(normaliseHeader(cell));
    if (!match) return;
    const current = best.get(match.column);
    if (!current || match.rank < current.rank) best.set(match.column, { at, rank: match.rank });
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !best.has(c));
  if (missing.length > 0) throw missingColumns(missing, cells, file, line);

  const index = {} as Record<ColumnId, number>;
  const written = {} as Record<ColumnId, string>;
  const absent: OptionalColumn[] = [];
  for (const column of COLUMN_IDS) {
    const at = best.get(column)?.at ?? -1;
    if (at === -1) absent.push(column as OptionalColumn);
    index[column] = at;
    written[column] = at === -1 ? DISPLAY_NAMES[column] : cells[at]!;
  }
  const used = new Set(Object.values(index));
  const extraPositions = cells.flatMap((cell, at) => (!used.has(at) && cell !== '' ? [at] : []));
  const unique = uniqueHeaders(cells);
  const extraColumns = extraPositions.map((at) => unique[at]!);
  const extraWrittenAs = extraPositions.map((at) => (unique[at] === cells[at] ? null : cells[at]!));
  return {
    index,
    absent,
    written,
    columnsFound: [...cells],
    extraColumns,
    extraWrittenAs,
    extraPositions,
    width: cells.length,
  };
}

/** `Spend (€)` → `Spend 2 (€)`: the number goes before a stated unit, so the unit is still read. */
const UNIT_AT_END = /^(.*?)(\s*[([][^()[\]]*[)\]]\s*)?$/;

/**
 * The header cells with a repeated name numbered from its second use on (two `Region`
 * columns in a CRM export → `Region`, `Region 2`), as spreadsheets and readr do (pandas:
 * `Region.1`): each column then has its own title in the answer and export and its own
 * name to type (`region_2`). Refusing the file would be no help: the user did not choose
 * the export's columns. Names are compared as a reader sees them (case and surrounding
 * spaces aside), and a number already taken by another column is skipped.
 */
export function uniqueHeaders(cells: readonly string[]): string[] {
  const key = (cell: string) => cell.trim().toLowerCase();
  const taken = new Set(cells.map(key));
  const seen = new Set<string>();
  return cells.map((cell) => {
    if (cell.trim() === '' || !seen.has(key(cell))) {
      seen.add(key(cell));
      return cell;
    }
    const [, base, unit = ''] = UNIT_AT_END.exec(cell.trim())!;
    let n = 2;
    while (taken.has(key(`${base} ${n}${unit}`))) n++;
    const name = `${base} ${n}${unit}`;
    taken.add(key(name));
    return name;
  });
}

function missingColumns(
  missing: ColumnId[],
  cells: readonly string[],
  file: string,
  line: number,
): InputError {
  const names = missing.map((c) => `"${DISPLAY_NAMES[c]}"`);
  const what = names.length === 1 ? `the column ${names[0]}` : `the columns ${listWords(names)}`;
  const found = cells.map((c) => c || '(blank)').join(', ');
  const details = missing.map((c) => {
    const others = ALIASES[c].slice(1);
    const also = others.length > 0 ? ` (also accepted: ${others.join(', ')})` : '';
    const why = ' is required';
    return `"${DISPLAY_NAMES[c]}"${why}${also}`;
  });
  if (cells.length === 1) {
    details.push('only one column was found: separate the values with commas, semicolons or tabs');
  }
  return new InputError('missing_column', `missing ${what}; found: ${found}`, { file, line }, details);
}
