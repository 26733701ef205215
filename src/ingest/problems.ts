/**
 * Row problems: collected as values while reading so one bad cell never stops
 * the file, and rendered in one wording everywhere
 * (`line 7, column Age: "abc" — expected a whole number from 0 to 120`).
 */

export interface RowProblem {
  /** 1-based line where the row starts (the header is line 1); in a workbook, the row within `sheet`. */
  line: number;
  /** The sheet the row is on, for a workbook whose several sheets are read as one (an order workbook). */
  sheet?: string;
  /** Header cell as written in the file; '' when the problem is the whole row (wrong number of values). */
  column: string;
  /** The cell as written (the whole row, for a whole-row problem), cut to 60 characters. */
  value: string;
  reason: string;
  /** Whether the row still made it into the table (e.g. an unknown gender does not drop a customer). */
  kept: boolean;
}

const MAX_STORED = 1000;
const MAX_VALUE = 60;

/** Keeps the first 1000 problems but counts all of them. */
export class ProblemLog {
  readonly stored: RowProblem[] = [];
  /** The first few problems that dropped a row: what a "too many invalid rows" error shows. */
  readonly firstSkips: RowProblem[] = [];
  count = 0;
  /** Skipped rows per (column, reason), over the whole file: the commonest one names what went wrong. */
  private readonly skipReasons = new Map<string, { column: string; reason: string; rows: number }>();

  add(problem: RowProblem): void {
    this.count++;
    if (this.stored.length < MAX_STORED) this.stored.push(problem);
    if (problem.kept) return;
    if (this.firstSkips.length < 5) this.firstSkips.push(problem);
    const key = `${problem.column}\u0000${problem.reason}`;
    const seen = this.skipReasons.get(key);
    if (seen) seen.rows++;
    else this.skipReasons.set(key, { column: problem.column, reason: problem.reason, rows: 1 });
  }

  /** The reason that skipped the most rows (the first seen on a tie), or undefined when none was skipped. */
  commonestSkip(): { column: string; reason: string; rows: number } | undefined {
    let best: { column: string; reason: string; rows: number } | undefined;
    for (const entry of this.skipReasons.values()) if (!best || entry.rows > best.rows) best = entry;
    return best;
  }
}

export function clip(value: string): string {
  return value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE - 1)}…` : value;
}

/** `line 12`, or `sheet "Year 2010-2011", row 12` for a row of a workbook sheet. */
export const placeWords = (line: number, sheet?: string) =>
  sheet === undefined ? `line ${line}` : `sheet "${sheet}", row ${line}`;

export function describeProblem(p: RowProblem): string {
  const place = placeWords(p.line, p.sheet);
  if (p.column === '') return `${place}: "${p.value}" — ${p.reason}`;
  return `${place}, column ${p.column}: "${p.value}" — ${p.reason}`;
}
