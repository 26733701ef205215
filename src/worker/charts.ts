/** The seam to charts/: a chart group for an analysis → reply images. */
import { CHART_GROUPS, renderCharts } from '../charts/index.ts';
import type { CustomerInput } from '../commands/command.ts';
import type { ChartGroup } from '../commands/context.ts';
import type { ReplyImage } from '../commands/reply.ts';
import type { Analysis, CustomerTable, Prediction } from '../core/types.ts';

export async function renderGroup(
  group: ChartGroup,
  input: {
    analysis: Analysis;
    table: CustomerTable;
    prediction?: { customer: CustomerInput; result: Prediction };
  },
): Promise<ReplyImage[]> {
  const charts = await renderCharts(input, [...CHART_GROUPS[group]]);
  return charts.map(({ filename, title, alt, png }) => ({ filename, title, alt, png }));
}
