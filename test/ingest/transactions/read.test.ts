import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.ts';
import { generateOrderLines } from '../../../src/core/rfm/synthetic-orders.ts';
import { isOrderLineHeader, readOrderLines } from '../../../src/ingest/transactions/read.ts';

const read = (csv: string) => readOrderLines(csv, { fileName: 'orders.csv' });
const I = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n';
const II = 'Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n';
const SHOP = 'Order ID,Customer ID,Order Date,Quantity,Price,Country\n';
const minutesOf = (iso: string) => Date.parse(`${iso}Z`) / 60_000;

async function refusal(csv: string): Promise<InputError> {
  const error = await read(csv).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('recognising order-line files', () => {
  it('reads the Online Retail I layout and says which column played which role', async () => {
    const r = await read(
      `${I}536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850,United Kingdom\n`,
    );
    expect(r.columns.layout).toBe('Online Retail I');
    expect(r.columns.value).toBe('quantity × unit price');
    expect(r.columns.roles.customer?.header).toBe('CustomerID');
    expect(r.columns.roles.unitPrice?.header).toBe('UnitPrice');
    expect(r.lines.amount[0]).toBeCloseTo(15.3);
    expect(r.lines.customers).toEqual(['17850']);
    // One line cannot show the date form; the UCI layout writes month first.
    expect(r.usDatesAssumed).toBe(true);
    expect(r.lines.minutes[0]).toBe(minutesOf('2010-12-01T08:26'));
  });

  it('reads Online Retail II, whose ids pandas wrote as 13085.0', async () => {
    const r = await read(
      `${II}489434,85048,15CM CHRISTMAS GLASS BALL 20 LIGHTS,12,2009-12-01 07:45:00,6.95,13085.0,United Kingdom\n`,
    );
    expect(r.columns.layout).toBe('Online Retail II');
    expect(r.columns.roles.customer?.header).toBe('Customer ID');
    expect(r.lines.customers).toEqual(['13085']);
    expect(r.lines.minutes[0]).toBe(minutesOf('2009-12-01T07:45:00'));
  });

  it('reads a shop export with e-mails and line totals', async () => {
    const csv =
      'Order ID,Customer Email,Order Date,Product,Line Total,Country\n1001,Ann@Example.com,2024-03-05,Mug,12.50,France\n';
    const r = await read(csv);
    expect(r.columns.layout).toBe('order export');
    expect(r.columns.value).toBe('line total');
    expect(r.columns.roles.invoice?.header).toBe('Order ID');
    expect(r.lines.customers).toEqual(['ann@example.com']);
    expect(r.lines.amount[0]).toBe(12.5);
  });

  it('tells order lines from customer files by the header alone', () => {
    expect(isOrderLineHeader(I.trim())).toBe(true);
    expect(isOrderLineHeader('Order ID;Email;Order Date;Total')).toBe(true);
    expect(isOrderLineHeader('CustomerID,Gender,Age,Annual Income (k$),Spending Score (1-100)')).toBe(false);
  });

  it('reads a file mixing order lines with customer columns as order lines, naming the ignored ones', async () => {
    const csv =
      'CustomerID,Gender,Age,Annual Income (k$),InvoiceNo,InvoiceDate,Quantity,UnitPrice\n' +
      '17850,Male,41,60,536365,2010-12-01 08:26,6,2.55\n';
    expect(isOrderLineHeader(csv.split('\n')[0]!)).toBe(true);
    const r = await read(csv);
    expect(r.columns.ignored).toEqual(['Gender', 'Age', 'Annual Income (k$)']);
    expect(r.lines.length).toBe(1);
  });

  it('names every missing role when a file is almost order lines', async () => {
    const e = await refusal('InvoiceNo,InvoiceDate,UnitPrice\n1,2010-12-01,2\n');
    expect(e.code).toBe('missing_column');
    expect(e.message).toContain('customer id');
    expect(e.message).toContain('quantity');
  });

  it('keeps quoted descriptions with commas and quotes', async () => {
    const r = await read(`${I}1,A,"SET OF 3 CAKE TINS, PANTRY ""DESIGN""",2,12/13/2010 9:00,1.5,1,UK\n`);
    expect(r.lines.amount[0]).toBe(3);
  });
});

describe('date forms', () => {
  it('reads ISO dates with and without seconds or a T', async () => {
    const r = await read(`${II}1,A,x,1,2011-12-09 12:50:00,1,1,UK\n2,A,x,1,2011-12-09T12:51,1,1,UK\n`);
    expect(r.dateForms).toEqual(['iso']);
    expect(Array.from(r.lines.minutes)).toEqual([
      minutesOf('2011-12-09T12:50'),
      minutesOf('2011-12-09T12:51'),
    ]);
  });

  it('detects US month-first dates from a second number above 12', async () => {
    const r = await read(`${I}1,A,x,1,12/1/2010 8:26,1,1,UK\n2,A,x,1,12/13/2010 8:26,1,1,UK\n`);
    expect(r.dateForms).toEqual(['us']);
    expect(r.lines.minutes[0]).toBe(minutesOf('2010-12-01T08:26'));
  });

  it('detects day-first European dates from a first number above 12', async () => {
    const r = await read(`${I}1,A,x,1,01/12/2010 08:26,1,1,UK\n2,A,x,1,13/12/2010 08:26,1,1,UK\n`);
    expect(r.dateForms).toEqual(['day-first']);
    expect(r.lines.minutes[0]).toBe(minutesOf('2010-12-01T08:26'));
  });

  it('reads dotted dates as day-first', async () => {
    const r = await read(`${I}1,A,x,1,01.12.2010 08:26,1,1,UK\n`);
    expect(r.dateForms).toEqual(['day-first']);
    expect(r.lines.minutes[0]).toBe(minutesOf('2010-12-01T08:26'));
  });

  it('accepts ISO dates mixed with one slashed form (as the generator can write them)', async () => {
    const g = generateOrderLines({ customers: 40, seed: 5, dateForms: ['iso', 'us'] });
    const r = await read(g.csv);
    expect(r.dateForms).toEqual(['iso', 'us']);
    expect(r.unreadableLines).toBe(0);
  });

  it('refuses dates that could be month-first or day-first, with file, line, column and what was expected', async () => {
    const e = await refusal(`${SHOP}1,1,3/4/2011 10:00,1,1,UK\n2,1,5/6/2011 10:00,1,1,UK\n`);
    expect(e.code).toBe('ambiguous_dates');
    expect(e.where).toEqual({ file: 'orders.csv', line: 2, column: 'Order Date' });
    expect(e.message).toContain('"3/4/2011 10:00" could be month-first (US) or day-first');
    expect(e.message).toContain('Expected dates written year first');
  });

  it('refuses a file mixing month-first and day-first dates, naming both lines', async () => {
    const e = await refusal(`${I}1,A,x,1,12/13/2010 9:00,1,1,UK\n2,A,x,1,13/12/2010 9:00,1,1,UK\n`);
    expect(e.code).toBe('ambiguous_dates');
    expect(e.where.line).toBe(3);
    expect(e.message).toContain('line 2');
  });

  it('drops a line whose date is no date at all, with a problem saying what was expected', async () => {
    const rows = Array.from(
      { length: 20 },
      (_, i) => `${i},A,x,1,2011-01-${String(i + 1).padStart(2, '0')},1,1,UK\n`,
    );
    const r = await read(`${I}${rows.join('')}99,A,x,1,yesterday,1,1,UK\n`);
    expect(r.unreadableLines).toBe(1);
    expect(r.problems[0]).toMatchObject({ line: 22, column: 'InvoiceDate', value: 'yesterday' });
    expect(r.problems[0]!.reason).toContain('expected a date such as 2011-12-09 12:50');
  });
});
