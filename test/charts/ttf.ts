/**
 * A minimal TrueType reader (cmap format 4 + hmtx) used only to check that
 * the advance-width table in src/charts/data/text-width.ts matches the
 * DejaVu font shipped in node_modules.
 */
import { readFileSync } from 'node:fs';

export interface FontMetrics {
  unitsPerEm: number;
  advance: Map<number, number>;
  fallback: number;
}

function tables(buf: Buffer): Map<string, number> {
  const count = buf.readUInt16BE(4);
  const out = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const rec = 12 + 16 * i;
    out.set(buf.toString('latin1', rec, rec + 4), buf.readUInt32BE(rec + 8));
  }
  return out;
}

/** cmap format 4 (Unicode BMP) → code point to glyph id. */
function readCmap(buf: Buffer, cmap: number): Map<number, number> {
  const n = buf.readUInt16BE(cmap + 2);
  let sub = -1;
  for (let i = 0; i < n; i++) {
    const rec = cmap + 4 + 8 * i;
    const [platform, encoding] = [buf.readUInt16BE(rec), buf.readUInt16BE(rec + 2)];
    if (platform === 3 && encoding === 1) sub = cmap + buf.readUInt32BE(rec + 4);
  }
  const glyphs = new Map<number, number>();
  if (sub < 0 || buf.readUInt16BE(sub) !== 4) return glyphs;
  const segs = buf.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + 2 * segs + 2;
  const deltas = starts + 2 * segs;
  const offsets = deltas + 2 * segs;
  for (let s = 0; s < segs; s++) {
    const [end, start] = [buf.readUInt16BE(ends + 2 * s), buf.readUInt16BE(starts + 2 * s)];
    const delta = buf.readInt16BE(deltas + 2 * s);
    const rangeOffset = buf.readUInt16BE(offsets + 2 * s);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let g: number;
      if (rangeOffset === 0) g = (c + delta) & 0xffff;
      else {
        g = buf.readUInt16BE(offsets + 2 * s + rangeOffset + 2 * (c - start));
        if (g !== 0) g = (g + delta) & 0xffff;
      }
      if (g !== 0) glyphs.set(c, g);
    }
  }
  return glyphs;
}

export function loadFontMetrics(file: string): FontMetrics {
  const buf = readFileSync(file);
  const t = tables(buf);
  const head = t.get('head')!;
  const hhea = t.get('hhea')!;
  const hmtx = t.get('hmtx')!;
  const unitsPerEm = buf.readUInt16BE(head + 18);
  const metrics = buf.readUInt16BE(hhea + 34);
  const advanceOf = (g: number) => buf.readUInt16BE(hmtx + 4 * Math.min(g, metrics - 1));
  const advance = new Map<number, number>();
  for (const [c, g] of readCmap(buf, t.get('cmap')!)) advance.set(c, advanceOf(g));
  return { unitsPerEm, advance, fallback: advanceOf(0) };
}

/** Width in px of `text` set at `size` px. */
export function measure(font: FontMetrics, text: string, size: number): number {
  let units = 0;
  for (const ch of text) units += font.advance.get(ch.codePointAt(0)!) ?? font.fallback;
  return (units / font.unitsPerEm) * size;
}
