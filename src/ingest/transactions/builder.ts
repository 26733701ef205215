/**
 * Order-line records → OrderLines columns. Cells that cannot be read (a
 * quantity that is not a number, a date in no known form) drop their line
 * with a row problem; lines without a customer id are kept here and excluded,
 * with a count, by the cleaning step. Dates are held as parts until the whole
 * file has shown whether its slashed dates are month-first or day-first.
 */
import { InputError } from '../../core/errors.ts';
import type { OrderLines } from '../../core/rfm/types.ts';
import { clip, ProblemLog, placeWords } from '../problems.ts';
import { parseDecimal } from '../rules.ts';
import {
  DATE_SHAPE,
  type DateForm,
  type DateParts,
  dateMinutes,
  newDateEvidence,
  noteDate,
  resolveDateForm,
  splitDate,
} from './dates.ts';
import { Interner, LineColumns, packDate } from './grow.ts';
import type { OrderColumns } from './roles.ts';

const MISSING_ID = new Set(['', 'na', 'n/a', 'nan', 'null', 'none', '-']);
const CURRENCY = /^[£$€¥]|\s*(?:GBP|EUR|USD)$/i;

/** "17850.0" (pandas' float ids) → "17850"; e-mails compare without case. */
export function normaliseCustomerId(text: string): string {
  if (MISSING_ID.has(text.toLowerCase())) return '';
  if (/^\d+\.0+$/.test(text)) return text.slice(0, text.indexOf('.'));
  return text.includes('@') ? text.toLowerCase() : text;
}

const cellOf = (fields: string[], at: { index: number } | undefined) => (at ? (fields[at.index] ?? '') : '');

export const DATE_EXPECTED = 'a date such as 2011-12-09 12:50, 12/9/2011 12:50 or 09/12/2011 12:50';

export class OrderLineBuilder {
  readonly problems = new ProblemLog();
  totalLines = 0;
  /** Set when slashed dates could not tell, and the Online Retail I layout (month first) decided. */
  usAssumed = false;
  // Public to the fast path (fast.ts), which fills the same columns and interners.
  readonly invoices = new Interner();
  readonly customers = new Interner();
  readonly products = new Interner();
  readonly countries = new Interner();
  readonly dates = newDateEvidence();
  private readonly columnsRead = new LineColumns();
  private lastDateText = '';
  private lastDate = splitDate('');
  private readonly decimalComma: boolean;
  /**
   * The sheets of a workbook read as one file (workbook.ts), each with the line its rows
   * follow: a workbook's lines are numbered on across its sheets, so that each line is one
   * place, and `place` turns a line back into its sheet and row for messages.
   */
  private readonly sheets: Array<{ name: string; offset: number }> = [];

  constructor(
    private readonly file: string,
    readonly columns: OrderColumns,
    delimiter: string,
  ) {
    this.decimalComma = delimiter !== ',';
  }

  private number(text: string): number {
    return parseDecimal(CURRENCY.test(text) ? text.replace(CURRENCY, '').trim() : text, this.decimalComma);
  }

  private skip(line: number, role: keyof OrderColumns['roles'], value: string, reason: string): false {
    const column = this.columns.roles[role]?.header ?? '';
    this.problems.add({ ...this.place(line), column, value: clip(value), reason, kept: false });
    return false;
  }

  /** The workbook's rows from here on are sheet `name`'s, numbered on from `offset` (workbook.ts). */
  startSheet(name: string, offset: number): void {
    this.sheets.push({ name, offset });
  }

  /** Where a line is: the line itself, or for a workbook its sheet and the row within it. */
  place(line: number): { line: number; sheet?: string } {
    const sheet = this.sheets.findLast((s) => s.offset < line);
    return sheet ? { line: line - sheet.offset, sheet: sheet.name } : { line };
  }

  /** True when the line was kept. */
  accept(fields: string[], line: number): boolean {
    if (fields.every((f) => f === '')) return false;
    this.totalLines++;
    // No closure for the cell look-ups: tsx (the bench) wraps each closure made in its keepNames
    // helper, which cost 0.65 s of a million-line read.
    const r = this.columns.roles;
    const invoiceText = cellOf(fields, r.invoice);
    if (invoiceText === '') return this.skip(line, 'invoice', '', 'expected an invoice or order number');
    const dateText = cellOf(fields, r.date);
    if (dateText !== this.lastDateText) {
      this.lastDateText = dateText;
      this.lastDate = splitDate(dateText);
    }
    const parts = this.lastDate;
    if (parts.shape === DATE_SHAPE.invalid)
      return this.skip(line, 'date', dateText, `expected ${DATE_EXPECTED}`);
    let quantity = Number.NaN;
    let unitPrice = Number.NaN;
    let amount: number;
    if (this.columns.value === 'quantity × unit price') {
      quantity = this.number(cellOf(fields, r.quantity));
      if (Number.isNaN(quantity))
        return this.skip(line, 'quantity', cellOf(fields, r.quantity), 'expected a number of items');
      unitPrice = this.number(cellOf(fields, r.unitPrice));
      if (Number.isNaN(unitPrice))
        return this.skip(line, 'unitPrice', cellOf(fields, r.unitPrice), 'expected a price');
      amount = quantity * unitPrice;
    } else {
      amount = this.number(cellOf(fields, r.lineTotal));
      if (Number.isNaN(amount))
        return this.skip(line, 'lineTotal', cellOf(fields, r.lineTotal), 'expected an amount');
      if (r.quantity) quantity = this.number(cellOf(fields, r.quantity));
    }
    noteDate(this.dates, parts, line, dateText);
    const id = normaliseCustomerId(cellOf(fields, r.customer));
    const productText = r.product ? cellOf(fields, r.product) : cellOf(fields, r.description);
    const countryText = cellOf(fields, r.country);
    this.add(
      this.invoices.id(invoiceText),
      id === '' ? -1 : this.customers.id(id),
      r.product || r.description ? this.products.id(productText) : -1,
      countryText === '' ? -1 : this.countries.id(countryText),
      quantity,
      unitPrice,
      amount,
      line,
      parts,
    );
    return true;
  }

  /**
   * One kept line whose cells are already read and interned (the fast path,
   * after the checks `accept` makes); its date has been noted in `dates`.
   */
  add(
    invoice: number,
    customer: number,
    product: number,
    country: number,
    quantity: number,
    unitPrice: number,
    amount: number,
    line: number,
    date: DateParts,
  ): void {
    this.columnsRead.add(
      invoice,
      customer,
      product,
      country,
      quantity,
      unitPrice,
      amount,
      line,
      packDate(date.shape, date.a, date.b, date.year),
      date.seconds,
    );
  }

  /** The date forms the file uses; throws when they cannot be told apart. */
  dateForms(): { forms: DateForm[]; monthFirst: boolean } {
    const result = resolveDateForm(this.dates);
    const column = this.columns.roles.date!.header;
    if (result.ok) return { forms: result.forms, monthFirst: result.slashedMonthFirst };
    if (result.code === 'ambiguous_dates' && this.columns.layout === 'Online Retail I') {
      // The UCI file writes its dates month first (12/1/2010 8:26); an excerpt of early December cannot show it.
      this.usAssumed = true;
      return { forms: this.dates.iso > 0 ? ['iso', 'us'] : ['us'], monthFirst: true };
    }
    if (result.code === 'ambiguous_dates') {
      throw new InputError(
        'ambiguous_dates',
        `the order dates cannot be read safely: "${result.text}" could be month-first (US) or day-first, and no date in the file has a number above 12 to tell which. Expected dates written year first (2011-04-03 10:00), or a file with at least one day above 12.`,
        { file: this.file, ...this.place(result.line), column },
      );
    }
    const other = this.place(result.otherLine);
    throw new InputError(
      'ambiguous_dates',
      `the order dates mix month-first dates and day-first dates ("${result.otherText}" on ${placeWords(other.line, other.sheet)}, "${result.text}" here), so none can be trusted. Expected one form throughout, ideally year first (2011-04-03 10:00).`,
      { file: this.file, ...this.place(result.line), column },
    );
  }

  finish(): { lines: OrderLines; forms: DateForm[] } {
    const { forms, monthFirst } = this.dateForms();
    const c = this.columnsRead;
    const n = c.length;
    const minutes = new Float64Array(n);
    const keep = new Uint8Array(n);
    let kept = 0;
    const parts: DateParts = { shape: DATE_SHAPE.invalid, a: 0, b: 0, year: 0, seconds: 0 };
    let previous = Number.NaN;
    for (let i = 0; i < n; i++) {
      const date = c.date[i]!;
      // Consecutive lines of an invoice share their date: only a change is worked out.
      if (i === 0 || date !== c.date[i - 1] || c.seconds[i] !== c.seconds[i - 1]) {
        parts.shape = (date & 3) as DateParts['shape'];
        parts.a = (date >>> 2) & 0xff;
        parts.b = (date >>> 10) & 0xff;
        parts.year = date >>> 18;
        parts.seconds = c.seconds[i]!;
        previous = dateMinutes(parts, monthFirst);
      }
      minutes[i] = previous;
      if (Number.isNaN(previous)) {
        this.problems.add({
          ...this.place(c.line[i]!),
          column: this.columns.roles.date!.header,
          value: `${parts.a}/${parts.b}/${parts.year}`,
          reason: `is not a calendar date (read as ${forms.join(' or ')}); expected ${DATE_EXPECTED}`,
          kept: false,
        });
      } else {
        keep[i] = 1;
        kept++;
      }
    }
    const pick = <T extends Float64Array | Int32Array | Uint32Array>(a: T): T =>
      (kept === n ? a.slice(0, n) : a.subarray(0, n).filter((_, i) => keep[i] === 1)) as T;
    return {
      forms,
      lines: {
        length: kept,
        invoice: pick(c.invoice),
        invoices: this.invoices.values,
        customer: pick(c.customer),
        customers: this.customers.values,
        product: pick(c.product),
        country: pick(c.country),
        countries: this.countries.values,
        quantity: pick(c.quantity),
        unitPrice: pick(c.unitPrice),
        amount: pick(c.amount),
        minutes: pick(minutes),
        lines: pick(c.line),
      },
    };
  }
}
