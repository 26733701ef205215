// Writes synthetic order lines with planted customer groups (see data/README.md).
//   npm run generate:orders                       → data/orders.csv (+ .labels.csv, .expected.json)
//   npm run generate:orders -- --customers 7000 --layout online-retail-2 --dates iso,us --out /tmp/big.csv
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { OrderDateForm } from '../src/core/rfm/synthetic-dates.ts';
import {
  generateOrderLines,
  labelsToCsv,
  ORDERS_SAMPLE,
  type OrderLayout,
} from '../src/core/rfm/synthetic-orders.ts';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: String(ORDERS_SAMPLE.customers) },
    seed: { type: 'string', default: String(ORDERS_SAMPLE.seed) },
    layout: { type: 'string', default: 'online-retail-1' },
    dates: { type: 'string' },
    'lines-per-invoice': { type: 'string', default: String(ORDERS_SAMPLE.linesPerInvoice) },
    out: { type: 'string' },
  },
});
const layout = values.layout as OrderLayout;
const defaultDates: OrderDateForm = layout === 'online-retail-1' ? 'us' : 'iso';
const generated = generateOrderLines({
  customers: Number(values.customers),
  seed: Number(values.seed),
  layout,
  dateForms: (values.dates?.split(',') ?? [defaultDates]) as OrderDateForm[],
  linesPerInvoice: Number(values['lines-per-invoice']),
});
const out = values.out ?? new URL('../data/orders.csv', import.meta.url).pathname;
const stem = out.replace(/\.csv$/, '');
writeFileSync(out, generated.csv);
writeFileSync(`${stem}.labels.csv`, labelsToCsv(generated.labels));
writeFileSync(`${stem}.expected.json`, `${JSON.stringify(generated.expected, null, 2)}\n`);
console.log(
  `wrote ${out}: ${generated.expected.lines} order lines, ${generated.expected.customers} customers`,
);
