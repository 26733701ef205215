/**
 * Columnar buffers that grow by doubling while rows stream in, then are cut to
 * size once: typed arrays keep a million customers in ~30 MB instead of a
 * million objects.
 */
import { canonicalWhole, type IdColumn } from '../core/ids.ts';
import type { CustomerTable } from '../core/types.ts';

const START = 1024;

export class TableBuilder {
  length = 0;
  // Ids stay numbers until one is not a canonical whole number; then all become text (core/ids.ts).
  private wholeIds = new Float64Array(START);
  private textIds: string[] | null = null;
  private gender = new Uint8Array(START);
  private age = new Float64Array(START);
  private income = new Float64Array(START);
  private spending = new Float64Array(START);
  private lines = new Uint32Array(START);

  /** `id` as a number when it is known to be a canonical whole number (a row number, or read from bytes). */
  add(
    id: string | number,
    gender: number,
    age: number,
    income: number,
    spending: number,
    line: number,
  ): void {
    const i = this.length;
    if (i === this.gender.length) this.grow(i * 2);
    if (this.textIds !== null) this.textIds.push(String(id));
    else {
      const whole = typeof id === 'number' ? id : canonicalWhole(id);
      if (whole >= 0) this.wholeIds[i] = whole;
      else {
        this.textIds = Array.from(this.wholeIds.subarray(0, i), String);
        this.textIds.push(String(id));
      }
    }
    this.gender[i] = gender;
    this.age[i] = age;
    this.income[i] = income;
    this.spending[i] = spending;
    this.lines[i] = line;
    this.length = i + 1;
  }

  lineOf(row: number): number {
    return this.lines[row]!;
  }

  /** The finished table; `slice` copies, so the spare capacity is released. */
  finish(): CustomerTable {
    const n = this.length;
    const ids: IdColumn =
      this.textIds === null
        ? { kind: 'whole', values: this.wholeIds.slice(0, n) }
        : { kind: 'text', values: this.textIds };
    return {
      length: n,
      ids,
      gender: this.gender.slice(0, n),
      age: this.age.slice(0, n),
      income: this.income.slice(0, n),
      spending: this.spending.slice(0, n),
      lines: this.lines.slice(0, n),
    };
  }

  private grow(size: number): void {
    if (this.textIds === null) this.wholeIds = resized(this.wholeIds, new Float64Array(size));
    this.gender = resized(this.gender, new Uint8Array(size));
    this.age = resized(this.age, new Float64Array(size));
    this.income = resized(this.income, new Float64Array(size));
    this.spending = resized(this.spending, new Float64Array(size));
    this.lines = resized(this.lines, new Uint32Array(size));
  }
}

function resized<T extends Uint8Array | Float64Array | Uint32Array>(from: T, to: T): T {
  to.set(from as never);
  return to;
}
