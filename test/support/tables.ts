import { idAt, idColumnOf } from '../../src/core/ids.ts';
import type { CustomerTable } from '../../src/core/types.ts';

/** The table's rows in a new order (or repeated: an index may appear twice), every column alike. */
export function reorderRows(t: CustomerTable, order: readonly number[]): CustomerTable {
  const pick = <T extends Float64Array | Uint8Array | Uint32Array>(col: T): T => {
    const out = new (col.constructor as new (n: number) => T)(order.length);
    order.forEach((from, to) => {
      out[to] = col[from]!;
    });
    return out;
  };
  return {
    length: order.length,
    ids: idColumnOf(order.map((i) => idAt(t.ids, i))),
    gender: pick(t.gender),
    age: pick(t.age),
    income: pick(t.income),
    spending: pick(t.spending),
    lines: pick(t.lines),
  };
}
