/** `--out DIR` on an order-line file: every RFM chart as PNG (pipeline/order-charts.ts draws them). */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChartGroup } from '../commands/context.ts';
import { renderOrderCharts } from '../pipeline/order-charts.ts';
import type { OrderAnalysis } from '../pipeline/orders.ts';
import { makeFolder } from './write-report.ts';

/** The command groups in report order: segments first, then the data, the checks and k. */
const GROUPS: ChartGroup[] = ['summary', 'eda', 'check', 'k'];

export async function writeOrderCharts(dir: string, result: OrderAnalysis): Promise<string[]> {
  await makeFolder(dir);
  const written: string[] = [];
  for (const group of GROUPS) {
    const { images } = await renderOrderCharts(group, result);
    await Promise.all(images.map((image) => writeFile(join(dir, image.filename), image.png)));
    written.push(...images.map((i) => i.filename));
  }
  return written;
}
