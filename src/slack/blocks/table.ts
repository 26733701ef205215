/**
 * A ReplyTable as monospace text. Tables stay text (not images, not the new
 * `table` block) so they are searchable, copyable and render in every client.
 */
import type { ReplyTable } from '../../commands/reply.ts';
import { chunkLines, escapeText, LIMITS } from './text.ts';

const FENCE = '```';
const NUMERIC = /^[-+]?[\d.,]+%?$/;

/** The table as aligned lines: header, a rule, then one line per row. */
export function tableLines(table: ReplyTable): string[] {
  const widths = table.columns.map((column, i) =>
    Math.max(column.length, ...table.rows.map((row) => (row[i] ?? '').length)),
  );
  const alignOf = (i: number) => table.align?.[i] ?? (looksNumeric(table, i) ? 'right' : 'left');
  const line = (cells: string[]) =>
    widths
      .map((width, i) => {
        const cell = cells[i] ?? '';
        return alignOf(i) === 'right' ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(table.columns), rule, ...table.rows.map(line)];
}

function looksNumeric(table: ReplyTable, column: number): boolean {
  const cells = table.rows.map((row) => row[column] ?? '').filter((cell) => cell !== '');
  return cells.length > 0 && cells.every((cell) => NUMERIC.test(cell));
}

/**
 * The table as one or more fenced code blocks, each within a section's text
 * limit; a long table repeats its header in every piece so each reads alone.
 */
export function tableTexts(table: ReplyTable): string[] {
  const [header = '', rule = '', ...rows] = tableLines(table).map(escapeText);
  const head = `${header}\n${rule}`;
  const room = LIMITS.sectionText - 2 * (FENCE.length + 1) - head.length - 1;
  if (room < 100) return chunkLines([head, ...rows].join('\n'), LIMITS.sectionText - 8).map(fence);
  return chunkLines(rows.join('\n'), room).map((body) => fence(body === '' ? head : `${head}\n${body}`));
}

const fence = (body: string) => `${FENCE}\n${body}\n${FENCE}`;
