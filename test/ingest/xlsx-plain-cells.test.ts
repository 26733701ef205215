/**
 * The plain-row scanner against the general reader it stands in for: on seeded random rows (every
 * cell type, numbers in every form, text with entities and accents, gaps, odd tags) the scanner
 * either gives up or gives `rowCells`' cells, and a sheet streamed in several inflated pieces
 * gives what reading its whole text row by row with `rowCells` gives.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/random.ts';
import { type Context, PLAIN, rowCells } from '../../src/ingest/xlsx-cells.ts';
import { decimalAt, plainRow, plainRowCells } from '../../src/ingest/xlsx-plain-cells.ts';
import { attribute, type StreamedCell, sharedStrings, streamWorkbook } from '../../src/ingest/xlsx-rows.ts';

const SHARED = ['Invoice', 'WHITE HANGING HEART', 'Crème brûlée', 'a &amp; b', ''];
const SHARED_XML = SHARED.map((s) => `<si><t>${s}</t></si>`).join('');
const CONTEXT: Context = { shared: SHARED, dates: new Set([1, 3]), epoch: Date.UTC(1899, 11, 30) };

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

/** A number's text as writers write it, and as they should not. */
function numberText(rng: Rng): string {
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rng() * 10)).join('');
  const forms = [
    () => String(Math.floor(rng() * 1e6)),
    () => (Math.round(rng() * 10000) / 100).toString(),
    () => String(rng() * 1e5),
    () => `${40000 + Math.floor(rng() * 6000)}.${digits(1 + Math.floor(rng() * 16))}`,
    () => `-${digits(1 + Math.floor(rng() * 20))}`,
    () => `${digits(1 + Math.floor(rng() * 18))}.${digits(Math.floor(rng() * 24))}`,
    () =>
      pick(rng, ['0', '-0', '0.0', '.5', '5.', '-.25', '007', '1E-7', '1e+21', ' 3', '', '-', '.', 'x', '١']),
    () => `${digits(16)}`,
  ];
  return pick(rng, forms)();
}

function cellXml(rng: Rng, column: number, safe: boolean): string {
  const letters = String.fromCharCode(65 + column);
  const ref = rng() < 0.9 ? ` r="${letters}${Math.floor(rng() * 99) + 1}"` : '';
  const style = rng() < 0.3 ? ` s="${pick(rng, ['0', '1', '2', '3', '', 'x', '01'])}"` : '';
  // A '>' in a value is valid XML that the general reader cannot follow (it throws).
  const extras = [
    ' cm="1"',
    ' x:t="s"',
    ' ph="1"',
    '\tt="s"',
    ' t = "s"',
    " t='s'",
    ...(safe ? [] : [' a=">"']),
  ];
  const extra = rng() < 0.1 ? pick(rng, extras) : '';
  const type = pick(rng, [
    '',
    '',
    ' t="s"',
    ' t="n"',
    ' t="b"',
    ' t="str"',
    ' t="e"',
    ' t="d"',
    ' t="inlineStr"',
    ' t="x"',
  ]);
  const attrs = [ref, style, type, extra].sort(() => rng() - 0.5).join('');
  const value =
    type === ' t="s"'
      ? String(Math.floor(rng() * 7))
      : type === ' t="b"'
        ? pick(rng, ['0', '1', '2'])
        : numberText(rng);
  const body = pick(rng, [
    () => `<v>${value}</v>`,
    () => `<v>${value}</v>`,
    () => `<v>${value}</v>`,
    () => `<f>A1+1</f><v>${value}</v>`,
    () => `<is><t>in &amp; line é</t></is>`,
    () => `<v>x &lt; y</v>`,
    () => '<v></v>',
    () => '<v/>',
    () => '',
    () => `<v>2010-12-01T08:26:00</v>`,
  ])();
  if (rng() < 0.15) return `<c${attrs}/>`;
  return `<c${attrs}>${body}</c>`;
}

function rowXml(rng: Rng, safe = false): string {
  const cells: string[] = [];
  const n = Math.floor(rng() * 9);
  for (let i = 0; i < n; i++) cells.push(cellXml(rng, Math.floor(rng() * 10), safe));
  return cells.join(rng() < 0.1 ? pick(rng, [' ', '\n  ', '<x/>']) : '');
}

/** The inner text as bytes followed by `</row>` and the zero bytes xlsx-rows.ts keeps after a piece. */
function rowBytes(inner: string): { bytes: Uint8Array; to: number; close: number } {
  const text = Buffer.from(`${inner}</row>`);
  const bytes = new Uint8Array(text.length + 16);
  bytes.set(text);
  return { bytes, to: text.length, close: text.length - 6 };
}

const general = (inner: string, context = CONTEXT): StreamedCell[] | Error => {
  try {
    return rowCells(inner, context, PLAIN);
  } catch (error) {
    return error as Error;
  }
};

describe('the plain-row scanner', () => {
  it('gives the general reader’s cells, or gives up, on 20,000 random rows', () => {
    const rng = createRng(2026);
    let read = 0;
    for (let i = 0; i < 20_000; i++) {
      const inner = rowXml(rng);
      const { bytes, to, close } = rowBytes(inner);
      const row = plainRow();
      const cells = plainRowCells(bytes, 0, to, CONTEXT, row);
      if (cells === null) continue;
      read++;
      expect(row.close, inner).toBe(close);
      expect(cells, inner).toEqual(general(inner));
    }
    // Most random rows are plain: the comparison is not empty.
    expect(read).toBeGreaterThan(4_000);
  });

  it('gives up on a row cut off before its </row>, at every point', () => {
    const inner = '<c r="A1" t="s"><v>1</v></c><c r="B1" s="1"><v>40513.5</v></c><c r="C1"/>';
    const whole = Buffer.from(`${inner}</row>`);
    for (let cut = 0; cut < whole.length; cut++) {
      const bytes = new Uint8Array(cut + 16);
      bytes.set(whole.subarray(0, cut));
      expect(plainRowCells(bytes, 0, cut, CONTEXT, plainRow())).toBeNull();
    }
  });

  it('reads a <v> as Number() does whenever it reads it at all', () => {
    const rng = createRng(7);
    for (let i = 0; i < 50_000; i++) {
      const text = numberText(rng);
      const bytes = Buffer.from(text);
      const x = decimalAt(bytes, 0, bytes.length);
      if (!Number.isNaN(x)) expect(Object.is(x, Number(text)), text).toBe(true);
    }
  });
});

describe('a sheet streamed in pieces', () => {
  it('gives the rows that reading its whole text with the general reader gives', async () => {
    const rng = createRng(11);
    // About 2 MB of rows: the sheet inflates in several 256 KB pieces, rows cut across them.
    const rows: string[] = [];
    for (let r = 1, size = 0; size < 2_000_000; r++) {
      const number = rng() < 0.95 ? ` r="${r}"` : pick(rng, ['', ' r=""', ' spans="1:4"', ' r="x"']);
      rows.push(rng() < 0.03 ? `<row${number}/>` : `<row${number}>${rowXml(rng, true)}</row>`);
      size += rows.at(-1)!.length;
    }
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
    const expected: Array<[number, StreamedCell[] | string]> = [];
    let counter = 0;
    for (const m of sheet.matchAll(/<row\b([^>]*?)(\/>|>([\s\S]*?)<\/row>)/g)) {
      const number = Number(attribute(`<row${m[1]}`, 'r') ?? Number.NaN);
      counter = Number.isInteger(number) && number > 0 ? number : counter + 1;
      const cells = general(m[3] ?? '', { ...CONTEXT, shared: sharedStrings(`<sst>${SHARED_XML}</sst>`) });
      expected.push([counter, cells instanceof Error ? 'unreadable' : cells]);
      if (cells instanceof Error) break;
    }
    const got: Array<[number, StreamedCell[] | string]> = [];
    const [streamed] = await streamWorkbook(workbookWith(sheet));
    await streamed!
      .rows((cells, row) => {
        got.push([row, cells]);
        return true;
      })
      .catch(() => got.push([counter, 'unreadable']));
    expect(got.length).toBe(expected.length);
    const first = got.findIndex((row, i) => JSON.stringify(row) !== JSON.stringify(expected[i]));
    expect(first === -1 ? null : [got[first], expected[first], rows[first]]).toBeNull();
  });
});

function workbookWith(sheet: string): Buffer {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return Buffer.from(
    zipSync({
      'xl/workbook.xml': strToU8(
        `<workbook ${ns} xmlns:r="${rel}"><sheets><sheet name="Orders" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
      'xl/styles.xml': strToU8(
        `<styleSheet ${ns}><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="0"/><xf numFmtId="22"/></cellXfs></styleSheet>`,
      ),
      'xl/sharedStrings.xml': strToU8(`<sst ${ns}>${SHARED_XML}</sst>`),
      'xl/worksheets/sheet1.xml': strToU8(sheet),
    }),
  );
}
