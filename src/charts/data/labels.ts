/**
 * Places text labels next to their anchors (segment centres) without
 * overlapping each other, the centre markers or the plot edge. Pure: it works
 * in the pixel space the chart will have, because every map fixes its width,
 * height and axis domains. Widths are DejaVu Sans' real advances.
 */
import { textWidth } from './text-width.ts';

export interface Plot {
  width: number;
  height: number;
  xDomain: [number, number];
  yDomain: [number, number];
}

export interface Anchor {
  x: number;
  y: number;
  text: string;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlap = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) *
  Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));

/** Offsets of the label centre from its anchor, in px, tried in this order. */
function candidates(w: number, h: number, gap: number): Array<[number, number]> {
  const side = w / 2 + gap;
  const up = h / 2 + gap;
  return [
    [0, -up],
    [side, 0],
    [0, up],
    [-side, 0],
    [side, -up],
    [-side, -up],
    [side, up],
    [-side, up],
    [0, -2.2 * up],
    [0, 2.2 * up],
  ];
}

/**
 * Label centres in data coordinates, one per anchor, and whether each found a
 * spot touching nothing. `obstacles` are other things to keep clear of
 * (markers), given as centre + radius in px.
 */
export function placeLabels(
  anchors: Anchor[],
  plot: Plot,
  opts: {
    fontSize: number;
    bold?: boolean;
    gap?: number;
    obstacles?: Array<{ x: number; y: number; r: number }>;
  },
): Array<{ x: number; y: number; clear: boolean }> {
  const [x0, x1] = plot.xDomain;
  const [y0, y1] = plot.yDomain;
  const px = (x: number) => ((x - x0) / (x1 - x0)) * plot.width;
  const py = (y: number) => plot.height - ((y - y0) / (y1 - y0)) * plot.height;
  const fromPx = (u: number, v: number) => ({
    x: x0 + (u / plot.width) * (x1 - x0),
    y: y0 + ((plot.height - v) / plot.height) * (y1 - y0),
  });
  const h = opts.fontSize * 1.25;
  const taken: Box[] = [
    ...anchors.map((a) => ({ x: px(a.x), y: py(a.y), r: 12 })),
    ...(opts.obstacles ?? []).map((o) => ({ x: px(o.x), y: py(o.y), r: o.r })),
  ].map((o) => ({ x0: o.x - o.r, y0: o.y - o.r, x1: o.x + o.r, y1: o.y + o.r }));
  return anchors.map((a) => {
    const w = textWidth(a.text, opts.fontSize, opts.bold) + 4;
    let best: { box: Box; cost: number } | null = null;
    for (const [dx, dy] of candidates(w, h, opts.gap ?? 8)) {
      const cx = px(a.x) + dx;
      const cy = py(a.y) + dy;
      const box = { x0: cx - w / 2, y0: cy - h / 2, x1: cx + w / 2, y1: cy + h / 2 };
      const outside =
        Math.max(0, -box.x0) +
        Math.max(0, box.x1 - plot.width) +
        Math.max(0, -box.y0) +
        Math.max(0, box.y1 - plot.height);
      const cost = taken.reduce((s, t) => s + overlap(box, t), 0) + outside * h * 4;
      if (!best || cost < best.cost) best = { box, cost };
      if (cost === 0) break;
    }
    const box = best!.box;
    taken.push(box);
    return { ...fromPx((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2), clear: best!.cost === 0 };
  });
}
