/**
 * A ReplyTable in Slack. A `table` block when it fits Slack's limits (≤ 100
 * rows including the header, ≤ 20 cells a row, no empty cell): it stays
 * readable on a phone, where monospace text wider than about 40 characters
 * falls apart. Too many rows: one card (a section with fields) per row, while
 * they fit a message; beyond that, monospace text in code blocks. The
 * message's `text` fallback carries the table as monospace lines either way,
 * so the figures stay searchable (see reply.ts).
 */
import type { types } from '@slack/bolt';
import type { ReplyTable } from '../../commands/reply.ts';
import { chunkLines, escapeText, LIMITS, truncate } from './text.ts';

export const TABLE_LIMITS = { rows: 100, cells: 20, cardRows: 30, cardFields: 10, fieldText: 2000 } as const;

/** Slack rejects a table with an empty cell. */
const EMPTY_CELL = '–';

const alignOf = (table: ReplyTable, i: number): 'left' | 'right' =>
  table.align?.[i] ?? (looksNumeric(table, i) ? 'right' : 'left');

/** The table as Block Kit: a table block, per-row cards, or code blocks, by what fits. */
export function tableBlocks(table: ReplyTable): types.KnownBlock[] {
  const columns = table.columns.length;
  if (columns <= TABLE_LIMITS.cells && table.rows.length + 1 <= TABLE_LIMITS.rows) return [tableBlock(table)];
  if (columns <= TABLE_LIMITS.cardFields && table.rows.length <= TABLE_LIMITS.cardRows)
    return tableCards(table);
  return tableTexts(table).map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } }));
}

export function tableBlock(table: ReplyTable): types.TableBlock {
  const cell = (text: string | undefined): types.RawTextElement => ({
    type: 'raw_text',
    text: text === undefined || text.trim() === '' ? EMPTY_CELL : text,
  });
  const width = table.columns.length;
  const row = (cells: readonly string[]) => Array.from({ length: width }, (_, i) => cell(cells[i]));
  return {
    type: 'table',
    column_settings: table.columns.map((_, i) => ({
      align: alignOf(table, i),
      // The first column holds names (segment names, check titles): let it wrap.
      ...(i === 0 ? { is_wrapped: true } : {}),
    })),
    rows: [row(table.columns), ...table.rows.map(row)],
  };
}

/** One section per row: the first cell as its title, the others as "column / value" fields. */
export function tableCards(table: ReplyTable): types.KnownBlock[] {
  const [, ...rest] = table.columns;
  return table.rows.map((cells) => ({
    type: 'section',
    text: { type: 'mrkdwn', text: `*${escapeText(cells[0] || EMPTY_CELL)}*` },
    ...(rest.length
      ? {
          fields: rest.map((column, i) => ({
            type: 'mrkdwn' as const,
            text: truncate(
              `*${escapeText(column)}*\n${escapeText(cells[i + 1] || EMPTY_CELL)}`,
              TABLE_LIMITS.fieldText,
            ),
          })),
        }
      : {}),
  }));
}

const FENCE = '```';
const NUMERIC = /^[-+]?[\d.,]+%?$/;

/** The table as aligned lines: header, a rule, then one line per row. */
export function tableLines(table: ReplyTable): string[] {
  const widths = table.columns.map((column, i) =>
    Math.max(column.length, ...table.rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    widths
      .map((width, i) => {
        const cell = cells[i] ?? '';
        return alignOf(table, i) === 'right' ? cell.padStart(width) : cell.padEnd(width);
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
