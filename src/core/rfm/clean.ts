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
import { InputError } from '../errors.ts';
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
    throw new InputError(
      'invalid_option',
      `the analysis date ${dayToIso(asOfDay)} is not after the first order (${dayToIso(firstDay)}); choose a date after it`,
    );
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
  const seen = new DuplicateTable(lines, n);
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

/**
 * Exact duplicate lines by open addressing over line indices: no strings, so
 * a million lines cost 8 MB; a hash match is confirmed field by field.
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
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
  }

  private hash(i: number): number {
    const l = this.lines;
    let h = Math.imul(l.invoice[i]! ^ 0x9e3779b9, 0x85ebca6b);
    h = Math.imul(h ^ l.product[i]!, 0xc2b2ae35);
    h = Math.imul(h ^ l.customer[i]!, 0x27d4eb2f);
    h = Math.imul(h ^ (l.minutes[i]! | 0), 0x165667b1);
    h = Math.imul(h ^ Math.round(l.amount[i]! * 100), 0x85ebca6b);
    return (h ^ (h >>> 15)) >>> 0;
  }

  private same(a: number, b: number): boolean {
    const l = this.lines;
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

  /** True when an identical line was added before; otherwise adds line i. */
  addOrFind(i: number): boolean {
    for (let s = this.hash(i) & this.mask; ; s = (s + 1) & this.mask) {
      const j = this.slots[s]!;
      if (j < 0) {
        this.slots[s] = i;
        return false;
      }
      if (this.same(i, j)) return true;
    }
  }
}
