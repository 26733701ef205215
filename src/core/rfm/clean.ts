/**
 * The cleaning rules for order lines, in the order they run, each with a
 * count of the lines it takes out (or marks):
 *
 *   1. no customer id          excluded (such lines cannot belong to anyone)
 *   2. zero or negative price  excluded (free samples, "Adjust bad debt" entries)
 *   3. exact duplicate         excluded (same invoice, product, quantity, value, time and customer)
 *   4. cancellation            C-prefixed invoice or negative quantity: netted against the
 *                              customer's spend (default) or excluded; never counted as an order
 *   5. after the analysis date excluded (only with an analysis date inside the file's span)
 *
 * Pure: statuses and counts only; the words are the edges' job.
 */
import { inputProblem } from '../errors.ts';
import { dayOf, type OrderLines } from './types.ts';

export const LINE_STATUS = {
  purchase: 0,
  cancellation: 1,
  noCustomerId: 2,
  badPrice: 3,
  duplicate: 4,
  cancellationExcluded: 5,
  afterAsOf: 6,
} as const;

export type CancellationRule = 'net' | 'exclude';

export interface CleaningOptions {
  cancellations: CancellationRule;
  /** Day number (days since 1970-01-01) of the analysis date; default the day after the last line. */
  asOfDay?: number;
}

export interface CleaningCounts {
  lines: number;
  noCustomerId: number;
  badPrices: number;
  duplicates: number;
  /** Cancellation lines, netted or excluded according to the rule. */
  cancellations: number;
  afterAsOf: number;
  /** Purchase lines kept. */
  purchases: number;
}

export interface Cleaning {
  /** LINE_STATUS per order line. */
  status: Uint8Array;
  counts: CleaningCounts;
  cancellations: CancellationRule;
  /** False when the file has no product column, so duplicates cannot be told from repeat buys. */
  duplicatesChecked: boolean;
  asOfDay: number;
  asOfDefault: boolean;
  /** First and last day of any line in the file. */
  firstDay: number;
  lastDay: number;
}

export const dayToIso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** `2011-12-10` → its day number; null for anything that is not a real date written year first. */
export function isoToDay(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).getUTCDate() === Number(m[3]) && new Date(ms).getUTCMonth() === Number(m[2]) - 1
    ? ms / 86_400_000
    : null;
}

function span(lines: OrderLines): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < lines.length; i++) {
    const m = lines.minutes[i]!;
    if (m < lo) lo = m;
    if (m > hi) hi = m;
  }
  return [dayOf(lo), dayOf(hi)];
}

export function isBadPrice(lines: OrderLines, i: number): boolean {
  const price = lines.unitPrice[i]!;
  if (!Number.isNaN(price)) return price <= 0 || lines.quantity[i] === 0;
  const quantity = lines.quantity[i]!;
  if (!Number.isNaN(quantity)) return quantity === 0 || lines.amount[i]! / quantity <= 0;
  return lines.amount[i] === 0;
}

function cancelledInvoices(lines: OrderLines): Uint8Array {
  const flags = new Uint8Array(lines.invoices.length);
  lines.invoices.forEach((inv, i) => {
    const c = inv.charCodeAt(0);
    flags[i] = c === 67 || c === 99 ? 1 : 0; // 'C' or 'c'
  });
  return flags;
}

export function cleanOrderLines(lines: OrderLines, options: CleaningOptions): Cleaning {
  const n = lines.length;
  const [firstDay, lastDay] = span(lines);
  const asOfDay = options.asOfDay ?? lastDay + 1;
  if (n > 0 && asOfDay <= firstDay) {
    throw inputProblem({ kind: 'as_of_too_early', asOf: dayToIso(asOfDay), firstOrder: dayToIso(firstDay) });
  }
  const status = new Uint8Array(n);
  const counts: CleaningCounts = {
    lines: n,
    noCustomerId: 0,
    badPrices: 0,
    duplicates: 0,
    cancellations: 0,
    afterAsOf: 0,
    purchases: 0,
  };
  const cancelled = cancelledInvoices(lines);
  const duplicatesChecked = lines.product.some((p) => p >= 0);
  const seen = new DuplicateFinder(lines, n);
  for (let i = 0; i < n; i++) {
    if (lines.customer[i]! < 0) {
      status[i] = LINE_STATUS.noCustomerId;
      counts.noCustomerId++;
    } else if (isBadPrice(lines, i)) {
      status[i] = LINE_STATUS.badPrice;
      counts.badPrices++;
    } else if (duplicatesChecked && seen.addOrFind(i)) {
      status[i] = LINE_STATUS.duplicate;
      counts.duplicates++;
    } else if (
      cancelled[lines.invoice[i]!] === 1 ||
      lines.quantity[i]! < 0 ||
      (Number.isNaN(lines.quantity[i]!) && lines.amount[i]! < 0)
    ) {
      status[i] =
        options.cancellations === 'net' ? LINE_STATUS.cancellation : LINE_STATUS.cancellationExcluded;
      counts.cancellations++;
    } else {
      status[i] = LINE_STATUS.purchase;
      counts.purchases++;
    }
    if (status[i]! <= LINE_STATUS.cancellation && dayOf(lines.minutes[i]!) >= asOfDay) {
      if (status[i] === LINE_STATUS.purchase) counts.purchases--;
      else counts.cancellations--;
      status[i] = LINE_STATUS.afterAsOf;
      counts.afterAsOf++;
    }
  }
  return {
    status,
    counts,
    cancellations: options.cancellations,
    duplicatesChecked,
    asOfDay,
    asOfDefault: options.asOfDay === undefined,
    firstDay,
    lastDay,
  };
}

const RUN_LIMIT = 64;

/**
 * Exact duplicate lines, without strings. A duplicate has its original's
 * invoice, and an invoice's lines are nearly always one run of consecutive
 * lines, so such a run is checked on its own, among lines still in cache
 * (hashes first, fields on a match). Invoices met in several runs, and the
 * rest of a run longer than RUN_LIMIT lines, go to one hash table over the
 * whole file. Either way line i is a duplicate exactly when an identical
 * earlier line was added.
 */
class DuplicateFinder {
  /** Per invoice: 1 when its lines are one run, 2 when they come in several. */
  private readonly runs: Uint8Array;
  private runInvoice = -1;
  private runLines = new Int32Array(RUN_LIMIT);
  private runHashes = new Int32Array(RUN_LIMIT);
  private runCount = 0;
  private spilled = false;
  private table: DuplicateTable | null = null;

  constructor(
    private readonly lines: OrderLines,
    private readonly n: number,
  ) {
    this.runs = new Uint8Array(lines.invoices.length);
    const invoice = lines.invoice;
    for (let i = 0; i < n; i++) {
      const inv = invoice[i]!;
      if (i === 0 || inv !== invoice[i - 1]) this.runs[inv] = this.runs[inv]! < 2 ? this.runs[inv]! + 1 : 2;
    }
  }

  private global(): DuplicateTable {
    this.table ??= new DuplicateTable(this.lines, this.n);
    return this.table;
  }

  /** True when an identical line was added before; otherwise adds line i. */
  addOrFind(i: number): boolean {
    const inv = this.lines.invoice[i]!;
    if (this.runs[inv] !== 1) return this.global().addOrFind(i, hashLine(this.lines, i));
    if (inv !== this.runInvoice) {
      this.runInvoice = inv;
      this.runCount = 0;
      this.spilled = false;
    }
    const h = hashLine(this.lines, i);
    if (this.spilled) return this.global().addOrFind(i, h);
    for (let k = 0; k < this.runCount; k++) {
      if (this.runHashes[k] === h && sameLine(this.lines, i, this.runLines[k]!)) return true;
    }
    if (this.runCount < RUN_LIMIT) {
      this.runLines[this.runCount] = i;
      this.runHashes[this.runCount++] = h;
      return false;
    }
    // A long invoice: the rest of its run is checked through the table, which gets the run so far.
    this.spilled = true;
    const table = this.global();
    for (let k = 0; k < this.runCount; k++) table.addOrFind(this.runLines[k]!, this.runHashes[k]!);
    return table.addOrFind(i, h);
  }
}

function hashLine(l: OrderLines, i: number): number {
  let h = Math.imul(l.invoice[i]! ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ l.product[i]!, 0xc2b2ae35);
  h = Math.imul(h ^ l.customer[i]!, 0x27d4eb2f);
  h = Math.imul(h ^ (l.minutes[i]! | 0), 0x165667b1);
  h = Math.imul(h ^ Math.round(l.amount[i]! * 100), 0x85ebca6b);
  return h ^ (h >>> 15);
}

function sameLine(l: OrderLines, a: number, b: number): boolean {
  return (
    l.invoice[a] === l.invoice[b] &&
    l.product[a] === l.product[b] &&
    l.customer[a] === l.customer[b] &&
    l.minutes[a] === l.minutes[b] &&
    l.amount[a] === l.amount[b] &&
    Object.is(l.quantity[a], l.quantity[b]) &&
    Object.is(l.unitPrice[a], l.unitPrice[b])
  );
}

/**
 * Open addressing over line indices. Each slot holds a line and its hash
 * side by side, so a probe reads one place in memory and a line's fields
 * are compared only on a hash match.
 */
class DuplicateTable {
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(
    private readonly lines: OrderLines,
    n: number,
  ) {
    let size = 1024;
    while (size < n * 2) size *= 2;
    this.slots = new Int32Array(size * 2).fill(-1);
    this.mask = size - 1;
  }

  /** True when a line identical to line i was added before; otherwise adds line i (whose hash is h). */
  addOrFind(i: number, h: number): boolean {
    const slots = this.slots;
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const j = slots[s * 2]!;
      if (j < 0) {
        slots[s * 2] = i;
        slots[s * 2 + 1] = h;
        return false;
      }
      if (slots[s * 2 + 1] === h && sameLine(this.lines, i, j)) return true;
    }
  }
}
