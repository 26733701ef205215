/** The order-data summary: how the file was read, the RFM segments with advice, and segments against countries. */

import { noteWords } from '../../phrases/notes.ts';
import { rfmSegmentDescription, rfmSegmentHint } from '../../phrases/rfm-segments.ts';
import type { ActiveDataset } from '../context.ts';
import { formatCount, plural } from '../format.ts';
import { datasetWords, reply } from '../handlers/shared.ts';
import { checkDoubts, segmentFlags, structureWords } from '../handlers/summary.ts';
import type { OrderSummary } from '../orders.ts';
import type { Reply, ReplyAction, ReplyImage } from '../reply.ts';
import { stabilityLine } from '../stability.ts';
import {
  asOfWords,
  cleaningItems,
  countryWords,
  RFM_METHOD,
  readAsWords,
  rfmSegmentTable,
  roleItems,
} from './words.ts';

const bullets = (items: readonly string[]) => items.map((i) => `• ${i}`).join('\n');

/** "k = 4 (recommended), analysis date 2011-12-10 (the day after the last invoice), seed 42". */
export function rfmSettingsWords({ analysis: a, reading }: OrderSummary): string {
  const k = a.kChosenBy === 'user' ? `k = ${a.k} (set for this channel)` : `k = ${a.k} (recommended)`;
  return `recency, frequency and spend (log, standardised), ${k}, analysis date ${asOfWords(reading)}, seed ${a.seed}`;
}

/** The largest countries with their segment sizes, one line each. */
function countryLines({ analysis: a }: OrderSummary, shown = 5): string {
  return a.countryComparison.segmentsByCountry
    .slice(0, shown)
    .map(({ country, counts }) => {
      const total = counts.reduce((x, y) => x + y, 0);
      const split = counts.map((n, i) => `#${i + 1} ${formatCount(n)}`).join(', ');
      return `• ${country}: ${plural(total, 'customer')} (${split})`;
    })
    .join('\n');
}

export function rfmSummaryActions({ analysis: a }: OrderSummary): ReplyAction[] {
  const runnerUp = a.selection.rows
    .filter((row) => row.k !== a.k && Number.isFinite(row.silhouette))
    .sort((x, y) => y.silhouette - x.silhouette || x.k - y.k)[0]?.k;
  return [
    ...(runnerUp === undefined ? [] : [{ label: `Try k = ${runnerUp}`, command: `k ${runnerUp}` }]),
    { label: 'Check assumptions', command: 'check' },
    { label: 'Charts', command: 'eda' },
    { label: 'Export', command: 'export' },
  ];
}

export function rfmSummaryReply(orders: OrderSummary, dataset: ActiveDataset, images: ReplyImage[]): Reply {
  const { reading, analysis: a } = orders;
  // As for customer files: weak structure makes the advice tentative, a segment that does not hold is flagged.
  const tentative = a.structure !== 'clear' && a.k > 1 ? 'Tentative: ' : '';
  const advice = a.segments.map((s) => {
    const flags = [plural(s.size, 'customer'), rfmSegmentDescription(s.code), ...segmentFlags(a, s)];
    return `• *${s.name}* (${flags.join('; ')}): ${tentative}${rfmSegmentHint(s.code)}`;
  });
  const headline = structureWords(a, a.customers, 'RFM segments');
  const firmness = stabilityLine(a);
  return reply({
    title: headline.title,
    text: `${headline.text} Made from ${plural(reading.totalLines, 'order line')}.`,
    sections: [
      {
        heading: 'Based on',
        body: [
          `${datasetWords(dataset)}.`,
          readAsWords(reading),
          bullets(roleItems(reading)),
          `Settings: ${rfmSettingsWords(orders)}.`,
        ].join('\n'),
      },
      { heading: 'Cleaning', body: bullets(cleaningItems(reading)) },
      // How firm the answer is, before any advice rests on it (the figures are in `check`).
      ...(firmness ? [{ body: firmness }] : []),
      { heading: 'What to do with each segment', body: advice.join('\n') },
      { heading: 'Segments or countries?', body: `${countryWords(a)}\n${countryLines(orders)}` },
      {
        heading: 'How',
        body: `${RFM_METHOD} Scores are 1–5 quintiles of all customers (5 = most recent, most orders, biggest spend).`,
      },
    ],
    table: rfmSegmentTable(a),
    actions: rfmSummaryActions(orders),
    images,
    warnings: [...checkDoubts(a.assumptions), ...a.notes.map(noteWords)],
  });
}
