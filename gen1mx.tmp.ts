import { readFileSync, writeFileSync } from 'node:fs';
import { buildXlsx } from './test/support/xlsx.ts';
import { orderCells } from './test/support/order-files.ts';
const csv = readFileSync('/tmp/orders-1m.csv', 'utf8');
// The bench file is Online Retail I (US dates as text); make them ISO date cells like the real workbook.
const lines = csv.split('\n');
const iso = lines.map((l, i) => i === 0 || l === '' ? l : l.replace(/,(\d+)\/(\d+)\/(\d{4}) (\d+):(\d\d),/, (_, m, d, y, h, mi) => `,${y}-${m.padStart(2,'0')}-${d.padStart(2,'0')} ${h.padStart(2,'0')}:${mi}:00,`)).join('\n');
writeFileSync('/tmp/orders-1m-iso.csv', iso);
writeFileSync('/tmp/orders-1m.xlsx', buildXlsx([{ name: 'Online Retail', rows: orderCells(iso) }]));
