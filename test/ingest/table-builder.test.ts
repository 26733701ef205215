/**
 * The table's columns: reserved once when the row count is known, grown by
 * doubling when it is not, and handed out without holding much spare room.
 */
import { describe, expect, it } from 'vitest';
import { TableBuilder } from '../../src/ingest/table-builder.ts';
import { rowsOf } from './helpers.ts';

function filled(rows: number, reserve?: number): TableBuilder {
  const builder = new TableBuilder();
  if (reserve !== undefined) builder.reserve(reserve);
  for (let i = 0; i < rows; i++) builder.add(i + 1, 1 + (i % 2), 20 + (i % 50), i % 137, 1 + (i % 99), i + 2);
  return builder;
}

describe('TableBuilder', () => {
  it('holds the same rows whether it was reserved, too small, or grown from nothing', () => {
    const plain = filled(5000).finish();
    for (const reserve of [5000, 4800, 100, 20_000]) {
      const table = filled(5000, reserve).finish();
      expect(table.length).toBe(5000);
      expect(rowsOf(table)).toEqual(rowsOf(plain));
    }
  });

  it('reserves the rows in one step and hands a nearly full reservation out without a copy', () => {
    const builder = filled(0, 10_000);
    expect(builder.capacity).toBe(10_000);
    for (let i = 0; i < 9_000; i++) builder.add(i + 1, 1, 30, 40, 50, i + 2);
    expect(builder.capacity).toBe(10_000);
    const table = builder.finish();
    expect(table.income.length).toBe(9_000);
    // A view on the reserved buffer: the 10 % spare is not worth copying 9,000 rows for.
    expect(table.income.buffer.byteLength).toBe(10_000 * 8);
  });

  it('copies a mostly empty reservation to size, so its spare room is released', () => {
    const table = filled(1_000, 10_000).finish();
    expect(table.income.length).toBe(1_000);
    expect(table.income.buffer.byteLength).toBe(1_000 * 8);
    expect(table.gender.buffer.byteLength).toBe(1_000);
  });

  it('keeps ids that are not whole numbers as text after a reservation', () => {
    const builder = filled(3, 10);
    builder.add('C-4', 1, 30, 40, 50, 5);
    const table = builder.finish();
    expect(table.ids).toEqual({ kind: 'text', values: ['1', '2', '3', 'C-4'] });
  });
});
