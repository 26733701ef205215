/**
 * The streaming sheet reader on workbooks written the ways Excel and other tools write them
 * (hand-made parts, so each form is pinned): shared, inline and formula strings, booleans,
 * Excel's 17-digit numbers, date cells by built-in and custom number formats, the 1904 date
 * system, gaps, empty rows, tags that only look like rows, and a damaged sheet.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { type StreamedCell, streamWorkbook, WorkbookUnreadable } from '../../src/ingest/xlsx-rows.ts';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function workbook(
  sheetXml: string,
  options: { date1904?: boolean; styles?: string; shared?: string[] } = {},
) {
  const styles =
    options.styles ??
    `<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm"/><numFmt numFmtId="165" formatCode="&quot;£&quot;#,##0.00"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>`;
  return Buffer.from(
    zipSync({
      'xl/workbook.xml': strToU8(
        `<workbook ${NS} xmlns:r="${REL}">${options.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets><sheet name="Orders &amp; returns" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
      'xl/styles.xml': strToU8(`<styleSheet ${NS}>${styles}</styleSheet>`),
      'xl/sharedStrings.xml': strToU8(
        `<sst ${NS}>${(options.shared ?? []).map((s) => `<si>${s}</si>`).join('')}</sst>`,
      ),
      'xl/worksheets/sheet1.xml': strToU8(
        `<worksheet ${NS}><sheetData>${sheetXml}</sheetData><rowBreaks count="1"><brk id="3"/></rowBreaks></worksheet>`,
      ),
    }),
  );
}

async function rowsOf(bytes: Buffer): Promise<Array<[number, StreamedCell[]]>> {
  const [sheet] = await streamWorkbook(bytes);
  const rows: Array<[number, StreamedCell[]]> = [];
  await sheet!.rows((cells, row) => {
    rows.push([row, cells]);
    return true;
  });
  return rows;
}

describe('streaming the rows of a sheet', () => {
  it('reads strings of every kind, booleans, numbers as plain decimals, and keeps gaps and row numbers', async () => {
    const bytes = workbook(
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>Price</t></is></c></row>` +
        `<row r="3" spans="1:4"><c r="A3" t="s"><v>1</v></c><c r="B3" t="b"><v>1</v></c><c r="C3"><v>2.5499999999999998</v></c><c r="D3" t="str"><f>A1</f><v>x &amp; y</v></c></row>` +
        `<row r="4"><c r="A4"><v>1E-7</v></c><c r="B4"/></row>`,
      { shared: ['<t>Invoice</t>', '<r><t>C53</t></r><r><t>6379</t></r><rPh><t>ignored</t></rPh>'] },
    );
    expect(await rowsOf(bytes)).toEqual([
      [1, ['Invoice', '', 'Price']],
      [3, ['C536379', 'TRUE', '2.55', 'x & y']],
      [4, ['0.0000001', '']],
    ]);
  });

  it('gives date cells as Dates, by built-in and custom number formats, rounded to the second; a currency format stays a number', async () => {
    // 40513.35138888888 is 2010-12-01 08:25:59.99…: Excel keeps a fraction of days.
    const bytes = workbook(
      `<row r="1"><c r="A1" s="1"><v>40513</v></c><c r="B1" s="2"><v>40513.35138888888</v></c><c r="C1" s="3"><v>12.5</v></c><c r="D1" t="d"><v>2010-12-01T08:26:00</v></c></row>`,
    );
    expect(await rowsOf(bytes)).toEqual([
      [
        1,
        [
          new Date('2010-12-01T00:00:00Z'),
          new Date('2010-12-01T08:26:00Z'),
          '12.5',
          new Date('2010-12-01T08:26:00Z'),
        ],
      ],
    ]);
  });

  it('counts days from 1904 when the workbook says so', async () => {
    const bytes = workbook(`<row r="1"><c r="A1" s="1"><v>39051</v></c></row>`, { date1904: true });
    expect(await rowsOf(bytes)).toEqual([[1, [new Date('2010-12-01T00:00:00Z')]]]);
  });

  it('names the sheets, entities decoded', async () => {
    const [sheet] = await streamWorkbook(workbook(''));
    expect(sheet!.name).toBe('Orders & returns');
  });

  it('stops when told to, and refuses a sheet whose rows are cut off', async () => {
    const rows = Array.from(
      { length: 50 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
    ).join('');
    const [sheet] = await streamWorkbook(workbook(rows));
    const seen: number[] = [];
    await sheet!.rows((_, row) => {
      seen.push(row);
      return seen.length < 3;
    });
    expect(seen).toEqual([1, 2, 3]);
    const [cut] = await streamWorkbook(workbook('<row r="1"><c r="A1"><v>1</v></c>'));
    await expect(cut!.rows(() => true)).rejects.toBeInstanceOf(WorkbookUnreadable);
  });

  it('keeps a character reference beyond Unicode as written instead of throwing (the file was then sniffed as customers)', async () => {
    const bytes = workbook(
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>a&#x110000;b&#65;</t></is></c></row>`,
      { shared: ['<t>&#99999999;</t>'] },
    );
    expect(await rowsOf(bytes)).toEqual([[1, ['&#99999999;', 'a&#x110000;bA']]]);
  });

  it('reads a sheet whose writer prefixes the main namespace (<x:row>, <x:c>, as the OpenXML SDK writes)', async () => {
    const X = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const bytes = Buffer.from(
      zipSync({
        'xl/workbook.xml': strToU8(
          `<x:workbook ${X} xmlns:r="${REL}"><x:sheets><x:sheet name="Orders" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
        ),
        'xl/_rels/workbook.xml.rels': strToU8(
          `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
        ),
        'xl/worksheets/sheet1.xml': strToU8(
          `<x:worksheet ${X}><x:cols><x:col min="1" max="2"/></x:cols><x:sheetData>` +
            `<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Invoice</x:t></x:is></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>Price</x:t></x:is></x:c></x:row>` +
            `<x:row r="2"><x:c r="A2"><x:v>536365</x:v></x:c><x:c r="C2"/><x:c r="B2"><x:v>2.55</x:v></x:c></x:row>` +
            `</x:sheetData></x:worksheet>`,
        ),
      }),
    );
    expect(await rowsOf(bytes)).toEqual([
      [1, ['Invoice', 'Price']],
      [2, ['536365', '2.55', '']],
    ]);
  });
});
