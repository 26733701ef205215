import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { apologyWords } from '../../src/commands/messages.ts';
import {
  apology,
  chartComment,
  LIMITS,
  replyMessage,
  sharedNote,
  tableBlocks,
  tableCards,
  tableLines,
  withInviteHint,
} from '../../src/slack/blocks/index.ts';
import { reply, TINY_PNG } from './fixtures.ts';

const textOf = (block: types.KnownBlock): string => {
  if (block.type === 'section' || block.type === 'header') return block.text?.text ?? '';
  if (block.type === 'context') return block.elements.map((e) => ('text' in e ? e.text : '')).join('');
  return '';
};

describe('replyMessage', () => {
  it('keeps an oversized reply within 50 blocks, 3000-character sections and a 150-character header', () => {
    const huge = reply({
      title: 'T'.repeat(400),
      text: 'x'.repeat(9000),
      sections: Array.from({ length: 80 }, (_, i) => ({ heading: `Part ${i}`, body: 'word '.repeat(1500) })),
      table: { columns: ['a', 'b'], rows: Array.from({ length: 2000 }, (_, i) => [`row ${i}`, String(i)]) },
      warnings: Array.from({ length: 300 }, (_, i) => `warning ${i} `.repeat(20)),
    });
    const message = replyMessage(huge, '3 charts in the thread.');
    expect(message.blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
    const header = message.blocks[0]!;
    expect(header.type).toBe('header');
    expect(textOf(header).length).toBeLessThanOrEqual(LIMITS.headerText);
    for (const block of message.blocks) expect(textOf(block).length).toBeLessThanOrEqual(LIMITS.sectionText);
    expect(textOf(message.blocks.at(-1)!)).toBe('3 charts in the thread.');
    expect(textOf(message.blocks.at(-2)!)).toMatch(/more parts did not fit/);
    expect(message.text.length).toBeGreaterThan(0);
    expect(message.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
  });

  it('always carries a plain text fallback with the title and the gist', () => {
    const message = replyMessage(reply({ text: '' }));
    expect(message.text).toBe('Customer segments');
    expect(replyMessage(reply()).text).toBe('Customer segments: 5 segments in 200 customers.');
  });

  it('escapes &, < and > so file names cannot ping a channel or link, but keeps user mentions', () => {
    const message = replyMessage(
      reply({ text: 'Income <50 & spending >60 <!channel> <https://x.example|x>' }),
    );
    expect(textOf(message.blocks[1]!)).toBe(
      'Income &lt;50 &amp; spending &gt;60 &lt;!channel&gt; &lt;https://x.example|x&gt;',
    );
    const mention = replyMessage(reply({ text: 'uploaded by <@U0ALICE> in <#C0123>' }));
    expect(textOf(mention.blocks[1]!)).toBe('uploaded by <@U0ALICE> in <#C0123>');
  });

  it('renders headed sections in bold and warnings with a warning sign', () => {
    const message = replyMessage(
      reply({ sections: [{ heading: 'Data', body: '• 200 rows' }], warnings: ['Few rows'] }),
    );
    const texts = message.blocks.map(textOf);
    expect(texts).toContain('*Data*\n• 200 rows');
    expect(texts).toContain(':warning: Few rows');
  });
});

describe('tables', () => {
  const table = {
    columns: ['Segment', 'Customers', 'Share'],
    rows: [
      ['Careful savers', '23', '11.5%'],
      ['Big & young spenders', '139', '69.5%'],
    ],
  };

  it('aligns text left and numbers right, as monospace lines', () => {
    expect(tableLines(table)).toEqual([
      'Segment               Customers  Share',
      '--------------------  ---------  -----',
      'Careful savers               23  11.5%',
      'Big & young spenders        139  69.5%',
    ]);
  });

  it('is one table block (header row first, numbers right-aligned, no empty cell), figures kept in the fallback', () => {
    const holed = { ...table, rows: [...table.rows, ['Unnamed', '', '0%']] };
    const message = replyMessage(reply({ table: holed }));
    const tables = message.blocks.filter((b) => b.type === 'table') as types.TableBlock[];
    expect(tables).toHaveLength(1);
    const [block] = tables;
    const texts = block!.rows.map((row) => row.map((cell) => ('text' in cell ? cell.text : '')));
    expect(texts[0]).toEqual(['Segment', 'Customers', 'Share']);
    expect(texts[2]).toEqual(['Big & young spenders', '139', '69.5%']);
    expect(texts[3]).toEqual(['Unnamed', '–', '0%']);
    expect(block!.column_settings?.map((c) => c.align)).toEqual(['left', 'right', 'right']);
    expect(message.text).toContain('Big &amp; young spenders        139  69.5%');
  });

  it('becomes one card per row when there are more rows than a table block holds', () => {
    const many = { ...table, rows: Array.from({ length: 100 }, (_, i) => [`segment ${i}`, String(i), '1%']) };
    const cards = tableBlocks(many);
    expect(cards.every((b) => b.type !== 'table')).toBe(true);
    const few = { ...table, rows: Array.from({ length: 25 }, (_, i) => [`s ${i}`, String(i), '1%']) };
    expect(tableBlocks(few).some((b) => b.type === 'table')).toBe(true);
    const wide = { columns: Array.from({ length: 21 }, (_, i) => `c${i}`), rows: [Array(21).fill('1')] };
    const [card] = tableBlocks(wide);
    expect(card?.type).toBe('section');
  });

  it('falls back to code-block text, header repeated, when even cards would not fit', () => {
    const long = { ...table, rows: Array.from({ length: 400 }, (_, i) => [`segment ${i}`, String(i), '1%']) };
    const blocks = replyMessage(reply({ table: long })).blocks.filter((b) => textOf(b).startsWith('```'));
    expect(blocks.length).toBeGreaterThan(1);
    for (const block of blocks) {
      expect(textOf(block)).toMatch(/^```\nSegment +Customers +Share\n-+/);
      expect(textOf(block).endsWith('```')).toBe(true);
    }
  });

  it('cards carry the row name as title and each column as a field', () => {
    const cards = tableCards(table) as types.SectionBlock[];
    expect(cards[1]!.text?.text).toBe('*Big &amp; young spenders*');
    expect(cards[1]!.fields?.map((f) => f.text)).toEqual(['*Customers*\n139', '*Share*\n69.5%']);
  });
});

describe('chart descriptions and hints', () => {
  it('describes every chart in the upload comment (alt text is not shown by every client)', () => {
    const images = [
      { filename: 'elbow.png', title: 'Elbow', alt: 'Inertia falls steeply until k = 5.', png: TINY_PNG },
      {
        filename: 'segments.png',
        title: 'Segments',
        alt: 'Five groups by income and spending.',
        png: TINY_PNG,
      },
    ];
    const comment = chartComment('Customer segments', images, []);
    expect(comment).toContain('*Elbow*: Inertia falls steeply until k = 5.');
    expect(comment).toContain('*Segments*: Five groups by income and spending.');
  });

  it('counts only the charts and files that were shared once some uploads failed, and says nothing of none', () => {
    const chart = { filename: 'c.png', title: 'C', alt: 'A chart.', png: TINY_PNG };
    const csv = {
      filename: 'customers.csv',
      title: 'Customers',
      mimetype: 'text/csv',
      content: Buffer.from('a'),
    };
    const attached = reply({ images: [chart, chart, chart], files: [csv] });
    // Indexes run over the images, then the files (as uploadAttachments numbers them).
    expect(sharedNote(attached, [0, 2])).toBe(':bar_chart: 2 charts in the thread.');
    expect(sharedNote(attached, [1, 3], 'below')).toBe(':bar_chart: 1 chart and 1 file(s) below.');
    expect(sharedNote(attached, [3])).toBe(':bar_chart: 1 file(s) in the thread.');
    expect(sharedNote(attached, [])).toBeUndefined();
  });

  it('puts the invitation first, naming the bot, without losing the answer', () => {
    const message = withInviteHint(replyMessage(reply()), 'UBOT');
    expect(textOf(message.blocks[0]!)).toContain('/invite <@UBOT>');
    expect(message.text).toContain('/invite <@UBOT>');
    expect(message.blocks.map(textOf)).toContain('5 segments in 200 customers.');
  });
});

describe('apology', () => {
  it('gives the error id in the same words as the CLI', () => {
    expect(apology('a1b2c3d4').text).toBe(`:warning: ${apologyWords('a1b2c3d4')}`);
    expect(apologyWords('a1b2c3d4')).toContain('mention error id `a1b2c3d4`');
  });
});
