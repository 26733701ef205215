/**
 * The byte-level fast path for order lines must read every file exactly as
 * the strict record splitter does: same lines, values, ids, line numbers,
 * problems and errors, and so the same cleaning counts, RFM figures and
 * segments. The corpus is the generator's files (noise, quoted commas, every
 * date form, cancellations, missing ids) with odd lines mixed in, fed in
 * pieces of every size so records break across chunks.
 */
import { describe, expect, it } from 'vitest';
import { isInputError } from '../../../src/core/errors.ts';
import { createRng } from '../../../src/core/random.ts';
import { aggregateCustomers } from '../../../src/core/rfm/aggregate.ts';
import { analyzeRfm } from '../../../src/core/rfm/analyze.ts';
import { cleanOrderLines } from '../../../src/core/rfm/clean.ts';
import type { OrderDateForm } from '../../../src/core/rfm/synthetic-dates.ts';
import { generateOrderLines, type OrderLayout } from '../../../src/core/rfm/synthetic-orders.ts';
import { readOrderLines } from '../../../src/ingest/transactions/read.ts';
import { inPieces } from '../helpers.ts';

type Rng = () => number;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;

/** Numbers that are not bit-for-bit equal must not pass as equal (NaN, −0). */
function canonical(value: unknown): unknown {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : Number.isNaN(value) ? 'NaN' : value;
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>, canonical);
  if (Array.isArray(value)) return value.map(canonical);
  if (value instanceof Map) return [...value].map(canonical);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v)]));
  return value;
}

async function outcome(bytes: Buffer, parser: 'fast' | 'strict', piece: number, maxRows?: number) {
  try {
    const r = await readOrderLines(inPieces(bytes, piece), {
      fileName: 'orders.csv',
      parser,
      ...(maxRows && { limits: { maxRows } }),
    });
    return { ok: canonical(r) };
  } catch (error) {
    if (!isInputError(error)) throw error;
    return {
      error: { code: error.code, message: error.message, where: error.where, details: error.details },
    };
  }
}

/** The cells of one generated line, quotes kept (the generator never writes a line break inside a value). */
function cellsOf(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

const NUMBERS = [
  '+6',
  '-0',
  '.5',
  '5.',
  '0006',
  ' 6',
  '6 ',
  '"6"',
  '1e1',
  '£2.55',
  '2.55 GBP',
  '1234567890123456',
  '',
  'abc',
  '\u00a06',
  '6\t',
  '12345678901234.5',
];
const TEXTS = [
  '',
  ' ',
  '\u00a0',
  '"A, B"',
  '"SAY ""HI"""',
  'CAFÉ',
  'Côte d’Ivoire',
  ' padded ',
  '"  spaced  "',
  'A "B" C',
  '"x"y',
  'tab\there',
  'cr\rhere',
];
const IDS = [
  '',
  'NaN',
  'null',
  '-',
  '17850.0',
  '17850.00',
  'Ann@Example.COM',
  ' 17850 ',
  '"17850"',
  '\u00a0',
];
const INVOICES = ['', ' ', '\u00a0', '"536365"', 'C536365', 'c1', ' 536365 '];
const DATES: Record<OrderDateForm, string[]> = {
  us: [
    '12/9/2011 8:26',
    '12/9/11 8:26',
    '12/9/2011 8:26 PM',
    '12/9/2011, 8:26',
    '12-9-2011 8:26',
    '2/30/2011 10:00',
    '12/9/2011 25:00',
    '12/9/2011  8:26',
    '"12/9/2011 8:26"',
    '12/9/2011',
    '12/9/2011 8:26:59',
    '12/9/2011 8:26:60',
    '12/9/201 8:26',
    '09.12.2011 08:26',
  ],
  'day-first': [
    '09/12/2011 08:26',
    '31/12/2011 23:59',
    '31/02/2011 10:00',
    '9/12/11 8:26',
    '09.12.2011 08:26',
    '09-12-2011 08:26',
  ],
  iso: [
    '2011-12-09T12:50',
    '2011-12-09 12:50:00.5',
    '2011-12-09 12:50Z',
    '2011-12-09 12:50+01:00',
    '2011/12/09',
    '2011-12-9 7:05',
    '2011-13-09 10:00',
    '2011-02-29 10:00',
    '2012-02-29 10:00',
    '1969-12-31 10:00',
    '2011-12-09 24:00',
    '2011-12-09t12:50',
    '20111-12-09',
    '2011-12-091',
  ],
};

/** A generated file with odd lines: values users get wrong, broken lines, every kind of line ending. */
function oddFile(seed: number): Buffer {
  const rng = createRng(seed);
  const layout = pick<OrderLayout>(rng, ['online-retail-1', 'online-retail-2', 'shop']);
  const form = pick<OrderDateForm>(rng, ['us', 'iso', 'day-first']);
  const dateForms: OrderDateForm[] = form === 'iso' ? ['iso'] : rng() < 0.3 ? ['iso', form] : [form];
  const g = generateOrderLines({
    customers: 12 + Math.floor(rng() * 25),
    seed,
    layout,
    dateForms,
    linesPerInvoice: 3,
  });
  const [header, ...lines] = g.csv.trimEnd().split('\n');
  const names = header!.split(',');
  const column = (re: RegExp) => names.findIndex((n) => re.test(n));
  const at = {
    invoice: column(/^(invoice|order id)/i),
    date: column(/date/i),
    customer: column(/customer/i),
    numbers: names.flatMap((n, i) => (/quantity|price|total/i.test(n) ? [i] : [])),
    texts: names.flatMap((n, i) => (/description|product|country|stock/i.test(n) ? [i] : [])),
  };
  // Most files have a few odd lines; some have so many that they are refused.
  const oddShare = pick(rng, [0.04, 0.04, 0.04, 0.3, 0.7]);
  // A few files mix month-first and day-first dates, which is refused too.
  const other: OrderDateForm = form === 'us' ? 'day-first' : 'us';
  const dateChoices: OrderDateForm[] = rng() < 0.1 ? [form, other] : dateForms;
  const out: string[] = [header!];
  for (const line of lines) {
    if (rng() >= oddShare) {
      out.push(line);
      continue;
    }
    const cells = cellsOf(line);
    const u = rng();
    if (u < 0.05) out.push('');
    else if (u < 0.08) out.push(','.repeat(names.length - 1));
    else if (u < 0.12) out.push(cells.slice(0, -1).join(','));
    else if (u < 0.16) out.push(`${line},extra`);
    else if (u < 0.19) out.push(`${line}\r`);
    else if (u < 0.21) out.push(line.replace(/,([^,]*)$/, ',"$1\nrunning on"'));
    else {
      const v = rng();
      if (v < 0.25) cells[pick(rng, at.numbers)] = pick(rng, NUMBERS);
      else if (v < 0.5) cells[pick(rng, at.texts)] = pick(rng, TEXTS);
      else if (v < 0.65) cells[at.customer] = pick(rng, IDS);
      else if (v < 0.75) cells[at.invoice] = pick(rng, INVOICES);
      else cells[at.date] = pick(rng, DATES[rng() < 0.8 ? form : pick(rng, dateChoices)]);
      out.push(cells.join(','));
    }
  }
  let text = out.join(rng() < 0.2 ? '\r\n' : '\n');
  if (rng() < 0.8) text += '\n';
  if (rng() < 0.1) text = `\uFEFF${text}`;
  if (rng() < 0.05) text = text.replace(/\n([^\n]*)$/, '\n"$1'); // an unclosed quote on the last line
  if (rng() < 0.05) text = text.replace(/,/g, ';').replace(/(\d)\.(\d)/g, '$1,$2'); // a European export
  return Buffer.from(text, 'utf8');
}

describe('the fast path for order lines', () => {
  it('reads a corpus of generated files with odd lines exactly as the strict path does', async () => {
    let read = 0;
    let errors = 0;
    for (let seed = 1; seed <= 80; seed++) {
      const bytes = oddFile(seed);
      const strict = await outcome(bytes, 'strict', 64 * 1024);
      const fast = await outcome(bytes, 'fast', 1 + (seed % 9) * 37);
      expect(fast, `seed ${seed}`).toEqual(strict);
      if (strict.ok) read++;
      else errors++;
    }
    // Both outcomes are exercised in earnest.
    expect(read).toBeGreaterThan(40);
    expect(errors).toBeGreaterThan(2);
  });

  it('keeps the row limit at the same line', async () => {
    const bytes = Buffer.from(generateOrderLines({ customers: 30, seed: 3 }).csv);
    const strict = await outcome(bytes, 'strict', 64 * 1024, 100);
    expect(strict.error?.code).toBe('too_many_rows');
    expect(await outcome(bytes, 'fast', 100, 100)).toEqual(strict);
  });

  it.each([
    ['online-retail-1', ['us']],
    ['online-retail-2', ['iso']],
    ['shop', ['day-first', 'iso']],
  ] as const)(
    'gives the same cleaning counts, RFM figures and segments on a %s file',
    async (layout, dateForms) => {
      const bytes = Buffer.from(
        generateOrderLines({ customers: 300, seed: 11, layout, dateForms: [...dateForms] }).csv,
      );
      const run = async (parser: 'fast' | 'strict') => {
        const ingest = await readOrderLines(bytes, { fileName: 'orders.csv', parser });
        const cleaning = cleanOrderLines(ingest.lines, { cancellations: 'net' });
        const aggregation = aggregateCustomers(ingest.lines, cleaning);
        const analysis = analyzeRfm(aggregation.customers);
        return canonical({ ingest, cleaning, aggregation, analysis });
      };
      const strict = await run('strict');
      expect(await run('fast')).toEqual(strict);
      // The file really has what the rules act on.
      const counts = (strict as { cleaning: { counts: Record<string, number> } }).cleaning.counts;
      expect(counts.noCustomerId).toBeGreaterThan(0);
      expect(counts.cancellations).toBeGreaterThan(0);
      expect(counts.duplicates).toBeGreaterThan(0);
    },
  );
});
