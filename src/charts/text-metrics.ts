/**
 * Text widths for vega's layout. Without node-canvas vega guesses every
 * character is 0.8 em wide, which pads axes oddly and truncates legend labels
 * ("Careful high earne…"). We hand it DejaVu Sans' real advance widths (the
 * font the PNG is drawn with). Kerning is ignored; it changes widths < 2 %.
 */
import { textWidth } from './data/text-width.ts';

interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
  limit?: number;
}

const isBold = (w: string | number | undefined) => w === 'bold' || w === 'bolder' || Number(w) >= 600;

/**
 * A replacement for vega's textMetrics.width. Vega calls it both to lay out
 * and, through its truncation search, with candidate prefixes; capping at the
 * item's limit makes both uses agree with vega's own contract.
 */
export function vegaTextWidth(item: TextItem, text?: unknown): number {
  const s = String(text ?? '').trim();
  if (!s) return 0;
  const w = textWidth(s, item.fontSize ?? 11, isBold(item.fontWeight));
  return item.limit && item.limit > 0 ? Math.min(w, item.limit) : w;
}
