import { idAt, idColumnOf, rowNumberIds } from '../../src/core/ids.ts';
import { type CustomerTable, GENDER_CODE } from '../../src/core/types.ts';

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

/** 30 customers who are 3 repeated profiles: too few different profiles for the structure test at k = 3. */
export function threeRepeatedProfiles(): CustomerTable {
  const profiles: CustomerTable = {
    length: 3,
    ids: rowNumberIds(3),
    gender: Uint8Array.of(GENDER_CODE.Female, GENDER_CODE.Male, GENDER_CODE.Female),
    age: Float64Array.of(25, 45, 60),
    income: Float64Array.of(30, 90, 40),
    spending: Float64Array.of(80, 20, 30),
    lines: Uint32Array.of(2, 3, 4),
  };
  return reorderRows(
    profiles,
    Array.from({ length: 30 }, (_, i) => i % 3),
  );
}
