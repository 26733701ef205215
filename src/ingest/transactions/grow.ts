/**
 * Strings to dense indices, in order of first appearance. Order lines repeat
 * the same invoice, date and customer on consecutive lines, so the last value
 * is remembered and skips the map lookup.
 */
export class Interner {
  private readonly index = new Map<string, number>();
  readonly values: string[] = [];
  private last = '';
  private lastId = -1;

  id(value: string): number {
    if (value === this.last && this.lastId >= 0) return this.lastId;
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.index.set(value, i);
      this.values.push(value);
    }
    this.last = value;
    this.lastId = i;
    return i;
  }
}
