/**
 * Order lines (one row per product line of an invoice) and the per-customer
 * RFM table made from them. Columnar typed arrays, as CustomerTable is, so a
 * million order lines stay in tens of megabytes.
 */

export interface OrderLines {
  readonly length: number;
  /** Index into `invoices`. */
  readonly invoice: Int32Array;
  readonly invoices: readonly string[];
  /** Index into `customers`; −1 when the line has no customer id. */
  readonly customer: Int32Array;
  readonly customers: readonly string[];
  /** Index into `products` (stock code, or the description when there is no code); −1 when the file has neither. */
  readonly product: Int32Array;
  /** Index into `countries`; −1 when empty or absent. */
  readonly country: Int32Array;
  readonly countries: readonly string[];
  /** NaN when the file gives line totals only. */
  readonly quantity: Float64Array;
  /** NaN when the file gives line totals only. */
  readonly unitPrice: Float64Array;
  /** The line's value: quantity × unit price, or the line total as written. */
  readonly amount: Float64Array;
  /** Clock minutes since 1970-01-01 00:00 as written (no time zone). */
  readonly minutes: Float64Array;
  /** 1-based line of the file where the order line starts. */
  readonly lines: Uint32Array;
}

export const MINUTES_PER_DAY = 24 * 60;
export const dayOf = (minutes: number) => Math.floor(minutes / MINUTES_PER_DAY);
