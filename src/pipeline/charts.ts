/**
 * The seam to charts/: a chart group for an analysis → reply images. Each
 * chart is drawn on its own so one that fails costs only itself: the answer
 * still goes out, with its tables and the other charts, and names what is
 * missing (a failed image never sinks the whole reply).
 *
 * charts/ is imported on the first chart, not with this module: vega,
 * vega-lite and sharp take about a second to load, and an answer without
 * charts (the CLI's --json, a refused upload) should not pay for them.
 */
import type { CustomerInput } from '../commands/command.ts';
import type { ChartGroup } from '../commands/context.ts';
import type { ReplyImage } from '../commands/reply.ts';
import type { Analysis, CustomerTable, Prediction } from '../core/types.ts';

/** Loads charts/ (and vega, vega-lite, sharp) now, for a long-lived process that will draw soon. */
export function preloadCharts(): void {
  void import('../charts/index.ts').catch(() => undefined);
}

export interface RenderedGroup {
  images: ReplyImage[];
  missing: string[];
}

/** A chart set's weight in the cache is its PNGs (the few strings beside them are noise). */
export const imageBytes = (group: RenderedGroup) =>
  group.images.reduce((sum, image) => sum + image.png.byteLength, 0);

export async function renderGroup(
  group: ChartGroup,
  input: {
    analysis: Analysis;
    table: CustomerTable;
    prediction?: { customer: CustomerInput; result: Prediction };
  },
  onError: (kind: string, error: unknown) => void = () => {},
): Promise<RenderedGroup> {
  const { CHART_GROUPS, CHART_TITLES, renderCharts } = await import('../charts/index.ts');
  const images: ReplyImage[] = [];
  const missing: string[] = [];
  for (const kind of CHART_GROUPS[group]) {
    try {
      const [chart] = await renderCharts(input, [kind]);
      if (chart)
        images.push({ filename: chart.filename, title: chart.title, alt: chart.alt, png: chart.png });
    } catch (error) {
      onError(kind, error);
      missing.push(CHART_TITLES[kind]);
    }
  }
  return { images, missing };
}
