/**
 * Seeded synthetic order lines with planted customer groups, for tests, the
 * demo sample and the benchmark. Alongside the CSV it returns the planted
 * group of every customer and the exact number of lines each cleaning rule
 * must exclude, so tests can check recovery (ARI) and the cleaning counts.
 *
 * Noise lines are made disjoint on purpose (a line without a customer id is
 * otherwise clean, a duplicate is a copy of a clean purchase line, …) so every
 * expected count is exact whatever order the cleaning rules run in.
 */
import { createRng } from '../random.ts';
import {
  COUNTRIES,
  PLANTED_GROUPS,
  type PlantedGroup,
  type Product,
  productCatalogue,
} from './synthetic-catalogue.ts';
import { formatOrderDate, type OrderDateForm } from './synthetic-dates.ts';

export type OrderLayout = 'online-retail-1' | 'online-retail-2' | 'shop';

export interface OrderLinesOptions {
  /** Identified customers (lines without an id come on top). */
  customers: number;
  seed: number;
  layout: OrderLayout;
  /** One form per file, or several mixed line by line (ISO mixes with either slashed form). */
  dateForms: OrderDateForm[];
  /** Day of the last invoice, YYYY-MM-DD. */
  lastDay: string;
  /** Mean product lines per invoice. */
  linesPerInvoice: number;
  /** Share of all lines that have no customer id. */
  missingIdShare: number;
  /** Cancellation lines per identified purchase line. */
  cancellationShare: number;
  /** Zero- or negative-price lines per identified purchase line. */
  badPriceShare: number;
  /** Exact duplicate lines per identified purchase line. */
  duplicateShare: number;
}

export const DEFAULT_ORDER_OPTIONS: OrderLinesOptions = {
  customers: 600,
  seed: 20261201,
  layout: 'online-retail-1',
  dateForms: ['us'],
  lastDay: '2011-12-09',
  linesPerInvoice: 8,
  missingIdShare: 0.2,
  cancellationShare: 0.02,
  badPriceShare: 0.004,
  duplicateShare: 0.006,
};

/** The bundled data/orders.csv (see data/README.md). */
export const ORDERS_SAMPLE = { customers: 200, seed: 20261201, linesPerInvoice: 3 } as const;

export interface ExpectedCleaning {
  lines: number;
  noCustomerId: number;
  duplicates: number;
  cancellations: number;
  badPrices: number;
  /** Identified customers (every one has at least one clean purchase). */
  customers: number;
  /** Distinct countries among identified customers. */
  countries: number;
  /** YYYY-MM-DD of the default analysis date: the day after the last invoice. */
  asOf: string;
}

export interface GeneratedOrders {
  csv: string;
  labels: Array<{ customerId: string; group: string }>;
  expected: ExpectedCleaning;
}

interface Line {
  product: Product;
  quantity: number;
  price: number;
}

interface Invoice {
  /** Minutes since the epoch (clock time read as UTC). */
  time: number;
  customer: number;
  country: string;
  kind: 'purchase' | 'cancel' | 'anonymous';
  lines: Line[];
  number?: string;
}

const DAY_MINUTES = 24 * 60;
const uniform = (rng: () => number, [lo, hi]: readonly [number, number]) => lo + rng() * (hi - lo);
const uniformInt = (rng: () => number, range: readonly [number, number]) =>
  Math.floor(uniform(rng, [range[0], range[1] + 1]));

function weighted<T>(rng: () => number, items: readonly T[], weight: (t: T) => number): T {
  const total = items.reduce((s, t) => s + weight(t), 0);
  let u = rng() * total;
  for (const item of items) {
    u -= weight(item);
    if (u < 0) return item;
  }
  return items[items.length - 1]!;
}

function basketLines(rng: () => number, products: Product[], mean: number, value: number): Line[] {
  const count = Math.min(40, 1 + Math.floor(-Math.log(1 - rng()) * (mean - 1)));
  const picked = new Set<number>();
  while (picked.size < count) picked.add(Math.floor(rng() * products.length));
  const weights = Array.from(picked, () => 0.5 + rng());
  const total = weights.reduce((a, b) => a + b, 0);
  return Array.from(picked, (p, i) => {
    const product = products[p]!;
    const quantity = Math.max(1, Math.round((value * weights[i]!) / total / product.price));
    return { product, quantity, price: product.price };
  });
}

function purchaseDays(rng: () => number, group: PlantedGroup, lastDay: number, recency: number): number[] {
  const count = uniformInt(rng, group.invoices);
  const last = lastDay + 1 - recency;
  if (count === 1) return [last];
  const first = last - uniformInt(rng, group.spanDays);
  const days = [first, last];
  for (let i = 2; i < count; i++) days.push(Math.round(uniform(rng, [first, last])));
  return days.sort((a, b) => a - b);
}

const dayTime = (rng: () => number, day: number) => day * DAY_MINUTES + 8 * 60 + Math.floor(rng() * 12 * 60);

export function generateOrderLines(partial: Partial<OrderLinesOptions> = {}): GeneratedOrders {
  const o = { ...DEFAULT_ORDER_OPTIONS, ...partial };
  const rng = createRng(o.seed);
  const products = productCatalogue(rng);
  const lastDay = Math.floor(Date.parse(`${o.lastDay}T00:00:00Z`) / 86_400_000);
  const firstDay = lastDay - 738;
  const invoices: Invoice[] = [];
  const labels: GeneratedOrders['labels'] = [];
  const countries = new Set<string>();
  for (let c = 0; c < o.customers; c++) {
    const group = c === 0 ? PLANTED_GROUPS[0]! : weighted(rng, PLANTED_GROUPS, (g) => g.weight);
    const country = weighted(rng, COUNTRIES, ([, w]) => w)[0];
    countries.add(country);
    labels.push({ customerId: customerId(o.layout, c), group: group.id });
    // Customer 0 buys on the last day, so the file's last invoice is known.
    const recency = c === 0 ? 1 : uniformInt(rng, group.recencyDays);
    const days = purchaseDays(rng, group, lastDay, recency);
    for (const day of days) {
      const value = Math.exp(uniform(rng, [Math.log(group.basket[0]), Math.log(group.basket[1])]));
      const lines = basketLines(rng, products, o.linesPerInvoice, value);
      invoices.push({
        time: dayTime(rng, Math.max(firstDay, day)),
        customer: c,
        country,
        kind: 'purchase',
        lines,
      });
    }
  }
  const expected = addNoise(rng, invoices, products, o, lastDay, firstDay);
  invoices.sort((a, b) => a.time - b.time || a.customer - b.customer);
  number(invoices, o.layout);
  return {
    csv: toCsv(invoices, o, rng),
    labels,
    expected: {
      ...expected,
      customers: o.customers,
      countries: countries.size,
      asOf: new Date((lastDay + 1) * 86_400_000).toISOString().slice(0, 10),
    },
  };
}

function addNoise(
  rng: () => number,
  invoices: Invoice[],
  products: Product[],
  o: OrderLinesOptions,
  lastDay: number,
  firstDay: number,
) {
  const purchases = invoices.slice();
  const purchaseLines = purchases.reduce((s, inv) => s + inv.lines.length, 0);
  let cancellations = 0;
  let badPrices = 0;
  let duplicates = 0;
  const pick = () => purchases[Math.floor(rng() * purchases.length)]!;
  while (cancellations < Math.round(purchaseLines * o.cancellationShare)) {
    const original = pick();
    const line = original.lines[Math.floor(rng() * original.lines.length)]!;
    const time = Math.min(
      original.time + Math.floor(rng() * 5 * DAY_MINUTES),
      lastDay * DAY_MINUTES + 23 * 60,
    );
    const quantity = -Math.max(1, Math.ceil(line.quantity / 2));
    invoices.push({
      ...original,
      time: Math.max(time, original.time + 1),
      kind: 'cancel',
      lines: [{ ...line, quantity }],
    });
    cancellations++;
  }
  while (badPrices < Math.round(purchaseLines * o.badPriceShare)) {
    const invoice = pick();
    const product = products.find((p) => !invoice.lines.some((l) => l.product === p))!;
    invoice.lines.push({
      product,
      quantity: 1 + Math.floor(rng() * 6),
      price: rng() < 0.8 ? 0 : -Math.round(rng() * 5000) / 100 - 1,
    });
    badPrices++;
  }
  while (duplicates < Math.round(purchaseLines * o.duplicateShare)) {
    const invoice = pick();
    const at = Math.floor(rng() * invoice.lines.length);
    const line = invoice.lines[at]!;
    if (line.price <= 0) continue;
    invoice.lines.splice(at + 1, 0, { ...line });
    duplicates++;
  }
  const identified = invoices.reduce((s, inv) => s + inv.lines.length, 0);
  const anonymousTarget = Math.round((identified * o.missingIdShare) / (1 - o.missingIdShare));
  let noCustomerId = 0;
  while (noCustomerId < anonymousTarget) {
    const day = firstDay + Math.floor(rng() * (lastDay - firstDay + 1));
    const lines = basketLines(rng, products, o.linesPerInvoice, Math.exp(uniform(rng, [3, 6]))).slice(
      0,
      anonymousTarget - noCustomerId,
    );
    const country = rng() < 0.95 ? 'United Kingdom' : 'EIRE';
    invoices.push({ time: dayTime(rng, day), customer: -1, country, kind: 'anonymous', lines });
    noCustomerId += lines.length;
  }
  return { lines: identified + noCustomerId, noCustomerId, duplicates, cancellations, badPrices };
}

function customerId(layout: OrderLayout, c: number): string {
  return layout === 'shop' ? `customer${c + 1}@example.com` : String(12346 + c);
}

function number(invoices: Invoice[], layout: OrderLayout): void {
  invoices.forEach((invoice, i) => {
    const n = String((layout === 'shop' ? 1001 : 536365) + i);
    invoice.number = invoice.kind === 'cancel' ? (layout === 'shop' ? `R${n}` : `C${n}`) : n;
  });
}

const HEADERS: Record<OrderLayout, string> = {
  'online-retail-1': 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country',
  'online-retail-2': 'Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country',
  shop: 'Order ID,Customer Email,Order Date,Product,Quantity,Line Total,Country',
};

const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const money = (x: number) => (Math.round(x * 100) / 100).toFixed(2);

function toCsv(invoices: Invoice[], o: OrderLinesOptions, rng: () => number): string {
  const parts: string[] = [HEADERS[o.layout], '\n'];
  for (const inv of invoices) {
    const id = inv.customer < 0 ? '' : customerId(o.layout, inv.customer);
    for (const line of inv.lines) {
      const form = o.dateForms[Math.floor(rng() * o.dateForms.length)]!;
      const date = formatOrderDate(inv.time, form);
      const description = line.price < 0 ? 'Adjust bad debt' : line.product.description;
      const row =
        o.layout === 'shop'
          ? [
              inv.number!,
              id,
              date,
              quote(description),
              line.quantity,
              money(line.quantity * line.price),
              quote(inv.country),
            ]
          : [
              inv.number!,
              line.product.code,
              quote(description),
              line.quantity,
              date,
              money(line.price),
              o.layout === 'online-retail-2' && id ? `${id}.0` : id,
              quote(inv.country),
            ];
      parts.push(row.join(','), '\n');
    }
  }
  return parts.join('');
}

/** The planted labels as CSV (CustomerID,Group). */
export function labelsToCsv(labels: GeneratedOrders['labels']): string {
  return `CustomerID,Group\n${labels.map((l) => `${l.customerId},${l.group}`).join('\n')}\n`;
}
