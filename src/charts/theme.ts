/**
 * The one look every chart shares: DejaVu Sans (shipped in node_modules, so
 * text renders the same on any machine), fixed colours per segment id and per
 * gender, and sizes picked for a 1200 px wide PNG that stays legible when
 * Slack shrinks it to a thumbnail.
 */

import type { Config } from 'vega-lite';
import { FEATURE_CATALOGUE, featureSpecIn, titleWithUnit } from '../core/features.ts';
import {
  type CatalogueFeature,
  type Feature,
  type Gender,
  isCatalogueFeature,
  type SourceInfo,
} from '../core/types.ts';

export const FONT = 'DejaVu Sans';

/** Logical (CSS px) width every chart is laid out for; the renderer scales it to PNG_WIDTH. */
export const CHART_WIDTH = 600;
export const PNG_WIDTH = 1200;

export const FONT_SIZE = { title: 17, subtitle: 12, label: 11, axisTitle: 12, mark: 11 } as const;

/**
 * Okabe–Ito (minus yellow and black, too faint / too heavy on white) followed
 * by Paul Tol's muted colours: all distinguishable under the common colour
 * vision deficiencies. Segment ids are 1-based and ordered by size, so the
 * biggest segment is always blue, the second always orange, and so on.
 */
export const SEGMENT_PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#332288',
  '#999933',
  '#882255',
  '#44AA99',
  '#DDCC77',
  '#661100',
] as const;

/** Colour of segment `id` (1-based); beyond the palette the colours repeat, the legend still names each. */
export function segmentColor(id: number): string {
  const n = SEGMENT_PALETTE.length;
  return SEGMENT_PALETTE[(((id - 1) % n) + n) % n]!;
}

/** True when white text reads better than ink on this colour (WCAG relative luminance). */
export function isDark(hex: string): boolean {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b! < 0.18;
}

/** Gender colours: a blue/orange pair, the safest contrast for colour-blind readers. */
export const GENDER_COLOR: Record<Gender | 'Unknown', string> = {
  Female: '#E69F00',
  Male: '#0072B2',
  Unknown: '#999999',
};

export const INK = '#222222';
export const MUTED = '#555555';
export const NEUTRAL_FILL = '#7A8FA6';

/** Plain-language titles for the features (never the column codes). */
export const FEATURE_TITLE: Record<CatalogueFeature, string> = {
  age: titleWithUnit(FEATURE_CATALOGUE.age),
  income: titleWithUnit(FEATURE_CATALOGUE.income),
  spending: titleWithUnit(FEATURE_CATALOGUE.spending),
};

export const FEATURE_NAME: Record<CatalogueFeature, string> = {
  age: FEATURE_CATALOGUE.age.noun,
  income: FEATURE_CATALOGUE.income.noun,
  spending: FEATURE_CATALOGUE.spending.noun,
};

type Described = Pick<SourceInfo, 'extraRoles'>;

/** Any feature inside a sentence ("annual income", "visits"). */
export const featureName = (source: Described, f: Feature): string =>
  isCatalogueFeature(f) ? FEATURE_NAME[f] : featureSpecIn(source, f).noun;

export const CONFIG: Config = {
  font: FONT,
  background: 'white',
  padding: 16,
  view: { stroke: null },
  title: {
    fontSize: FONT_SIZE.title,
    fontWeight: 'bold',
    color: INK,
    anchor: 'start',
    subtitleFontSize: FONT_SIZE.subtitle,
    subtitleColor: MUTED,
    subtitlePadding: 6,
    offset: 14,
  },
  axis: {
    labelFontSize: FONT_SIZE.label,
    titleFontSize: FONT_SIZE.axisTitle,
    titleFontWeight: 'normal',
    titleColor: INK,
    labelColor: '#333333',
    labelLimit: 400,
    gridColor: '#E4E4E4',
    domainColor: '#888888',
    tickColor: '#888888',
    titlePadding: 8,
  },
  legend: {
    labelFontSize: FONT_SIZE.label,
    titleFontSize: FONT_SIZE.axisTitle,
    titleFontWeight: 'normal',
    labelLimit: 400,
    titleLimit: 600,
    symbolStrokeWidth: 0,
  },
  header: { labelFontSize: FONT_SIZE.axisTitle, titleFontSize: FONT_SIZE.axisTitle, labelLimit: 400 },
  text: { fontSize: FONT_SIZE.mark, color: INK },
  concat: { spacing: 24 },
};
