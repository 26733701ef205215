/**
 * The seam to charts/ for order-line files: a chart group for an
 * OrderAnalysis → reply images, the same RenderedGroup as renderGroup
 * (charts.ts) gives customer files. Each chart is drawn on its own, so one
 * that fails costs only itself; charts/ is loaded on the first chart.
 */
import type { ChartGroup } from '../commands/context.ts';
import type { RenderedGroup } from './charts.ts';
import type { OrderAnalysis } from './orders.ts';

/** What the RFM charts read: the analysis, its customers, and the months of the cleaned lines. */
export type OrderChartSource = Pick<OrderAnalysis, 'analysis'> & {
  aggregation: Pick<OrderAnalysis['aggregation'], 'customers' | 'months'>;
};

export async function renderOrderCharts(
  group: ChartGroup,
  orders: OrderChartSource,
  onError: (kind: string, error: unknown) => void = () => {},
): Promise<RenderedGroup> {
  const { RFM_CHART_GROUPS, RFM_CHART_TITLES, renderRfmCharts } = await import('../charts/index.ts');
  const input = {
    analysis: orders.analysis,
    customers: orders.aggregation.customers,
    months: orders.aggregation.months,
  };
  const images: RenderedGroup['images'] = [];
  const missing: string[] = [];
  for (const kind of RFM_CHART_GROUPS[group]) {
    try {
      const [chart] = await renderRfmCharts(input, [kind]);
      if (chart)
        images.push({ filename: chart.filename, title: chart.title, alt: chart.alt, png: chart.png });
    } catch (error) {
      onError(kind, error);
      missing.push(RFM_CHART_TITLES[kind]);
    }
  }
  return { images, missing };
}
