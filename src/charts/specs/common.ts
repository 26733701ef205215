/**
 * Pieces every builder shares: the spec frame (schema, theme, title), the
 * segment and gender colour scales with explicit domains (so colours agree
 * across charts), and the number words used in titles and alt text.
 */
import { featuresInSource } from '../../core/source.ts';
import type { Analysis, CatalogueFeature, Segment } from '../../core/types.ts';
import { formatCount, formatShare, formatWholeShare, separationWords } from '../../words.ts';
import { textWidth } from '../data/text-width.ts';
import { CHART_WIDTH, CONFIG, FONT_SIZE, GENDER_COLOR, segmentColor } from '../theme.ts';

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Greedy word wrap so a long subtitle never widens (and so shrinks) the whole chart. */
export function wrap(
  text: string,
  maxPx = CHART_WIDTH - 20,
  fontSize: number = FONT_SIZE.subtitle,
): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, fontSize) > maxPx) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** The top of every spec. Subtitle lines that are null are dropped, long ones wrapped. */
export function frame(title: string, subtitle: Array<string | null> = [], width = CHART_WIDTH - 20) {
  const lines = subtitle.filter((s): s is string => Boolean(s)).flatMap((s) => wrap(s, width));
  return {
    $schema: SCHEMA,
    config: CONFIG,
    title: lines.length ? { text: title, subtitle: lines } : { text: title },
  };
}

/** The small left-aligned title above one panel of a multi-panel chart. */
export const panelTitle = (text: string | string[]) => ({
  text,
  fontSize: 12,
  fontWeight: 'normal' as const,
  anchor: 'start' as const,
  frame: 'group' as const,
});

export const int = formatCount;
export const pct = formatWholeShare;
/** Whole percentages that add up to exactly 100 (largest remainder), so a legend never sums to 101 %. */
export function roundedPercents(counts: readonly number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total <= 0) return counts.map(() => 0);
  const exact = counts.map((c) => (c * 100) / total);
  const out = exact.map(Math.floor);
  let left = 100 - out.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left-- <= 0) break;
    out[i]! += 1;
  }
  return out;
}

/** Each segment's share as the tables write it ("19.5%"), so a legend and the table beside it agree. */
export const segmentPercents = (a: Analysis): Map<number, string> =>
  new Map(a.segments.map((s) => [s.id, formatShare(s.share)]));

export const fixed = (x: number, digits = 2) => x.toFixed(digits).replace('-', '−');
export const round3 = (x: number) => Math.round(x * 1000) / 1000;

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
export const count = (n: number) => WORDS[n] ?? String(n);
export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const plural = (n: number, one: string, many = `${one}s`) => `${int(n)} ${n === 1 ? one : many}`;

export const segmentLabel = (s: Pick<Segment, 'id' | 'name'>) => `${s.id} · ${s.name}`;

/** Kaufman & Rousseeuw's reading of an average silhouette: the same words as the text answers. */
export const silhouetteWord = separationWords;

/** A vega expression mapping a numeric id (datum.value) to its text. */
export function lookupExpr(labels: Record<number, string>): string {
  return `${JSON.stringify(labels)}[datum.value] || ''`;
}

/** Colour by segment id (a number field), with names in the legend. */
export function segmentColorEncoding(
  a: { segments: ReadonlyArray<Pick<Segment, 'id' | 'name'>> },
  field = 's',
  legend: object | null = {},
) {
  const labels = Object.fromEntries(a.segments.map((s) => [s.id, segmentLabel(s)]));
  return {
    field,
    type: 'nominal' as const,
    scale: { domain: a.segments.map((s) => s.id), range: a.segments.map((s) => segmentColor(s.id)) },
    legend: legend === null ? null : { title: 'Segment', labelExpr: lookupExpr(labels), ...legend },
  };
}

export const GENDERS = ['Female', 'Male', 'Unknown'] as const;

export function genderColorEncoding(present: readonly string[], field = 'g', legend: object | null = {}) {
  const domain = GENDERS.filter((g) => present.includes(g));
  return {
    field,
    type: 'nominal' as const,
    scale: { domain, range: domain.map((g) => GENDER_COLOR[g]) },
    legend: legend === null ? null : { title: 'Gender', ...legend },
  };
}

/** "showing a random sample of 3,000 of 1,000,000 customers", or null when every customer is drawn. */
export function sampleNote(shown: number, total: number): string | null {
  return shown < total ? `Showing a random sample of ${int(shown)} of ${int(total)} customers.` : null;
}

export const largest = (a: Analysis) =>
  a.segments.reduce((b, s) => (s.size > b.size ? s : b), a.segments[0]!);

/**
 * The features the file has columns for, in canonical order: all three, or
 * income and spending for a file without an Age column (whose ages are NaN).
 */
export const presentFeatures = (a: Analysis): CatalogueFeature[] => featuresInSource(a.source);

/** "age, income and spending score", or "income and spending score" without an Age column. */
export const measuresWords = (a: Analysis): string =>
  presentFeatures(a).includes('age') ? 'age, income and spending score' : 'income and spending score';

/** One-sentence lists: "a, b and c". */
export const listing = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
