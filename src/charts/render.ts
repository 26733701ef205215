/**
 * The one renderer: vega-lite spec → vega spec → headless vega View → SVG →
 * sharp PNG, exactly PNG_WIDTH pixels wide (about 2× the logical layout, so
 * text stays sharp in Slack's full-size view). The only module that loads
 * vega, vega-lite and sharp.
 */
import * as vega from 'vega';
import { compile } from 'vega-lite';
import { useBundledFonts } from './fonts.ts';
import { vegaTextWidth } from './text-metrics.ts';
import { PNG_WIDTH } from './theme.ts';
import type { ChartSpec, RenderedChart } from './types.ts';

// Before sharp is loaded: fontconfig reads FONTCONFIG_FILE when it starts.
useBundledFonts();
const sharpModule = import('sharp').then((m) => m.default);

// Real DejaVu widths instead of vega's 0.8 em guess (see text-metrics.ts).
(vega as unknown as { textMetrics: { width: unknown } }).textMetrics.width = vegaTextWidth;
// Nothing we draw is random, but if a transform ever is, it must repeat.
const seeded = vega as unknown as { setRandom(r: () => number): void; randomLCG(seed: number): () => number };
seeded.setRandom(seeded.randomLCG(20261129));

export interface CompiledChart {
  spec: vega.Spec;
  warnings: string[];
}

/** Compile with vega-lite, collecting its warnings instead of printing them. */
export function compileChart(chart: Pick<ChartSpec, 'spec'>): CompiledChart {
  const warnings: string[] = [];
  let level = 0;
  const logger = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error(...args: readonly unknown[]): never {
      throw new Error(args.map(String).join(' '));
    },
    warn(...args: readonly unknown[]) {
      warnings.push(args.map(String).join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  const { spec } = compile(chart.spec, { logger } as Parameters<typeof compile>[1]);
  return { spec, warnings };
}

export interface ChartSvg {
  svg: string;
  width: number;
  height: number;
}

/** Lay the chart out and write its SVG, sized to PNG_WIDTH × proportional height. */
export async function renderSvg(chart: Pick<ChartSpec, 'spec'>): Promise<ChartSvg> {
  const view = new vega.View(vega.parse(compileChart(chart).spec), { renderer: 'none' });
  await view.runAsync();
  const svg = await view.toSVG();
  view.finalize();
  const box = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  if (!box) throw new Error('vega produced an SVG without a viewBox');
  const [w, h] = [Number(box[1]), Number(box[2])];
  const width = PNG_WIDTH;
  const height = Math.round((PNG_WIDTH * h) / w);
  // Rescale by the root size attributes only: librsvg then rasterises the vectors at full resolution.
  const sized = svg.replace(
    /^(<svg[^>]*?) width="[\d.]+" height="[\d.]+"/,
    `$1 width="${width}" height="${height}"`,
  );
  return { svg: sized, width, height };
}

/**
 * Rasterise on a white background (no alpha channel: smaller files, same look in dark mode).
 * zlib level 6 without adaptive filtering: measured both faster and smaller than level 8/9 on our charts.
 */
export async function svgToPng(svg: string): Promise<{ png: Buffer; width: number; height: number }> {
  const sharp = await sharpModule;
  const { data, info } = await sharp(Buffer.from(svg), { limitInputPixels: false })
    .flatten({ background: '#ffffff' })
    .png({ compressionLevel: 6 })
    .toBuffer({ resolveWithObject: true });
  return { png: data, width: info.width, height: info.height };
}

export async function renderChart<K extends string>(chart: ChartSpec<K>): Promise<RenderedChart<K>> {
  const { svg } = await renderSvg(chart);
  const { png, width, height } = await svgToPng(svg);
  return {
    kind: chart.kind,
    filename: `${chart.kind}.png`,
    title: chart.title,
    alt: chart.alt,
    png,
    width,
    height,
  };
}
