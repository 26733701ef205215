/**
 * Cleaned order lines → one row per customer (the standard RFM practice):
 *
 *   recency    days from the last purchase to the analysis date (≥ 1 with the default date)
 *   frequency  distinct purchase invoices (cancellations are never orders)
 *   monetary   net spend: purchases, minus netted cancellations
 *   tenure     days from the first purchase to the analysis date
 *   basket     monetary / frequency
 *   country    the country of most of the customer's invoices (first seen on a tie)
 *
 * Customers with no purchase (only cancellations) or no net spend are left
 * out, with counts: a log-scaled segmentation cannot place them.
 */
import { type Cleaning, LINE_STATUS } from './clean.ts';
import { dayOf, type OrderLines } from './types.ts';

export interface CustomerRfm {
  readonly length: number;
  readonly ids: readonly string[];
  readonly recency: Float64Array;
  readonly frequency: Float64Array;
  readonly monetary: Float64Array;
  readonly tenure: Float64Array;
  readonly basket: Float64Array;
  /** Index into `countries`; −1 when unknown. */
  readonly country: Int32Array;
  readonly countries: readonly string[];
}

export interface MonthRevenue {
  /** YYYY-MM */
  month: string;
  /** Purchases minus netted cancellations. */
  revenue: number;
  invoices: number;
}

export interface Aggregation {
  customers: CustomerRfm;
  /** Customers whose kept lines are all cancellations. */
  onlyCancellations: number;
  /** Customers whose cancellations cancel (or exceed) their purchases. */
  noNetSpend: number;
  months: MonthRevenue[];
}

const monthKey = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 7);

/** Running totals by month; consecutive lines share a day, so the last lookup is reused. */
class Months {
  readonly byKey = new Map<string, MonthRevenue>();
  private day = Number.NaN;
  private last: MonthRevenue | null = null;
  of(day: number): MonthRevenue {
    if (day === this.day && this.last) return this.last;
    const key = monthKey(day);
    let month = this.byKey.get(key);
    if (!month) {
      month = { month: key, revenue: 0, invoices: 0 };
      this.byKey.set(key, month);
    }
    this.day = day;
    this.last = month;
    return month;
  }
}

export function aggregateCustomers(lines: OrderLines, cleaning: Cleaning): Aggregation {
  const nc = lines.customers.length;
  const first = new Float64Array(nc).fill(Number.POSITIVE_INFINITY);
  const last = new Float64Array(nc).fill(Number.NEGATIVE_INFINITY);
  const spend = new Float64Array(nc);
  const invoices = new Float64Array(nc);
  const counted = new Uint8Array(lines.invoices.length);
  const countryVotes = new Map<number, number>();
  const months = new Months();
  const nCountries = lines.countries.length + 1;
  for (let i = 0; i < lines.length; i++) {
    const s = cleaning.status[i]!;
    if (s !== LINE_STATUS.purchase && s !== LINE_STATUS.cancellation) continue;
    const c = lines.customer[i]!;
    const day = dayOf(lines.minutes[i]!);
    spend[c]! += lines.amount[i]!;
    const month = months.of(day);
    month.revenue += lines.amount[i]!;
    if (s !== LINE_STATUS.purchase) continue;
    if (day < first[c]!) first[c] = day;
    if (day > last[c]!) last[c] = day;
    const inv = lines.invoice[i]!;
    if (counted[inv] === 0) {
      counted[inv] = 1;
      invoices[c]! += 1;
      month.invoices++;
      const vote = c * nCountries + lines.country[i]! + 1;
      countryVotes.set(vote, (countryVotes.get(vote) ?? 0) + 1);
    }
  }
  const country = mostFrequentCountry(countryVotes, nc, nCountries);
  const keep: number[] = [];
  let onlyCancellations = 0;
  let noNetSpend = 0;
  for (let c = 0; c < nc; c++) {
    if (invoices[c] === 0) {
      if (spend[c] !== 0) onlyCancellations++;
    } else if (spend[c]! <= 0) noNetSpend++;
    else keep.push(c);
  }
  const pick = (f: (c: number) => number) => Float64Array.from(keep, f);
  return {
    customers: {
      length: keep.length,
      ids: keep.map((c) => lines.customers[c]!),
      recency: pick((c) => cleaning.asOfDay - last[c]!),
      frequency: pick((c) => invoices[c]!),
      monetary: pick((c) => spend[c]!),
      tenure: pick((c) => cleaning.asOfDay - first[c]!),
      basket: pick((c) => spend[c]! / invoices[c]!),
      country: Int32Array.from(keep, (c) => country[c]!),
      countries: lines.countries,
    },
    onlyCancellations,
    noNetSpend,
    months: [...months.byKey.values()].sort((a, b) => a.month.localeCompare(b.month)),
  };
}

function mostFrequentCountry(votes: Map<number, number>, nc: number, nCountries: number): Int32Array {
  const best = new Int32Array(nc).fill(-1);
  const bestCount = new Float64Array(nc);
  // Map iteration follows insertion (first-seen) order, so a tie keeps the first country seen.
  for (const [key, count] of votes) {
    const c = Math.floor(key / nCountries);
    if (count > bestCount[c]!) {
      bestCount[c] = count;
      best[c] = (key % nCountries) - 1;
    }
  }
  return best;
}
