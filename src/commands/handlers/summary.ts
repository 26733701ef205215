/** `/segment summary`: the segments as a table, in words, and as charts. */
import { tooFewToRelyOn } from '../../core/assumptions/size-balance.ts';
import { hasGenderColumn } from '../../core/source.ts';
import {
  type Analysis,
  isCatalogueFeature,
  type Segment,
  type SegmentStability,
  type SourceInfo,
} from '../../core/types.ts';
import { wordCheck } from '../../phrases/checks.ts';
import {
  columnNoun,
  differenceLines,
  extraColumnHeader,
  extraColumnLines,
  featuresHint,
  noDifferenceWords,
  sharesWords,
} from '../../phrases/columns.ts';
import { noteWords } from '../../phrases/notes.ts';
import { segmentHint, tooFewProfilesWords } from '../../phrases/segments.ts';
import type { ActiveDataset, CommandContext } from '../context.ts';
import {
  formatCount,
  formatMean,
  formatShare,
  plural,
  segmentsInWords,
  sourceNotes,
  VERDICT_MARK,
} from '../format.ts';
import type { Reply, ReplyAction, ReplyImage, ReplySection, ReplyTable } from '../reply.ts';
import { rfmSummaryReply } from '../rfm/summary.ts';
import { type Firmness, segmentStability, stabilityFlag, stabilityLine } from '../stability.ts';
import { analysisRequest, datasetWords, reply, settingsWords } from './shared.ts';

const percent = (share: number) => String(Math.round(share * 100));

/**
 * The segments as a table; `withGender` false for a file without a Gender
 * column. A segment that does not hold across resamples is flagged by its name.
 */
export function segmentTable(
  segments: readonly Segment[],
  withGender = true,
  stability: (s: Segment) => SegmentStability | undefined = () => undefined,
  source?: Pick<SourceInfo, 'extraRoles'>,
): ReplyTable {
  // Customers whose gender was not stated are kept; their share shows only when there are any.
  const unstated = segments.some((s) => percent(s.genderShares.unknown) !== '0');
  const gender = (s: Segment) => {
    const shares = `${percent(s.genderShares.Female)}/${percent(s.genderShares.Male)}`;
    return unstated ? `${shares}/${percent(s.genderShares.unknown)}` : shares;
  };
  // A file without an Age column profiles no mean age (core leaves meanAge out).
  const withAge = segments.every((s) => s.meanAge !== undefined);
  const columns = [
    'Segment',
    'Customers',
    'Share',
    ...(withAge ? ['Mean age'] : []),
    'Income k$',
    'Spending',
  ];
  const rows = segments.map((s) => [
    [`${s.id}. ${s.name}`, stabilityFlag(stability(s))].filter(Boolean).join(' '),
    formatCount(s.size),
    formatShare(s.share),
    ...(withAge ? [formatMean(s.meanAge ?? Number.NaN)] : []),
    formatMean(s.meanIncome),
    formatMean(s.meanSpending),
  ]);
  // The file's own columns clustered on ("Mean visits"), after the catalogue's.
  const extras = Object.keys(segments[0]?.centroid ?? {}).filter((f) => !isCatalogueFeature(f));
  columns.push(...extras.map((f) => extraColumnHeader(source, f)));
  rows.forEach((row, i) => {
    row.push(...extras.map((f) => formatMean(segments[i]!.centroid[f] ?? Number.NaN)));
  });
  const align = ['left' as const, ...columns.slice(1).map(() => 'right' as const)];
  if (!withGender) return { columns, rows, align };
  return {
    columns: [...columns, unstated ? 'Female/Male/not stated %' : 'Female/Male %'],
    rows: rows.map((row, i) => [...row, gender(segments[i]!)]),
    align: [...align, 'right'],
  };
}

/** Every failed and borderline check, fails first, each pointing to `check`. */
export function checkDoubts(assumptions: Analysis['assumptions']): string[] {
  return assumptions
    .filter((check) => check.status !== 'pass')
    .sort((a, b) => (a.status === b.status ? 0 : a.status === 'fail' ? -1 : 1))
    .map(wordCheck)
    .map(
      (check) => `${VERDICT_MARK[check.status]} ${check.title}: ${check.message} (see \`/segment check\`)`,
    );
}

/** Every failed and borderline check and the core's notes, so a summary never hides a reason to doubt it. */
export function analysisWarnings(analysis: Analysis): string[] {
  return [...checkDoubts(analysis.assumptions), ...analysis.notes.map(noteWords)];
}

/** What the headline reads, for customer and RFM analyses alike. */
type StructureView = Pick<
  Analysis,
  'k' | 'structure' | 'structureTest' | 'silhouette' | 'kChosenBy' | 'selection'
>;

/** The headline says what the structure test found: no groups, weak groups, too few profiles to test, or segments. */
export function structureWords(
  analysis: StructureView,
  rows: number,
  label = 'Customer segments',
): { title: string; text: string } {
  const customers = plural(rows, 'customer');
  if (analysis.k === 1)
    return {
      title: `${label}: no clear segments`,
      text: `These ${customers} form one continuous group: any split into segments would be an arbitrary cut. The nearest split, tentatively, is k = ${analysis.structureTest.k} (\`/segment k ${analysis.structureTest.k}\`).`,
    };
  if (analysis.structure === 'untested')
    // The silhouette of repeated profiles is high by construction, so it is not quoted as strength here.
    return {
      title: `${label}: ${plural(analysis.k, 'tentative segment')}`,
      text: `${plural(analysis.k, 'segment')} from ${customers}, who have ${tooFewProfilesWords(analysis.structureTest.sampleSize, analysis.k)}`,
    };
  const words = `${segmentsInWords(analysis.k, analysis.silhouette, analysis.structure)}, from ${customers}.`;
  if (analysis.structure === 'weak')
    return {
      title: `${label}: ${plural(analysis.k, 'tentative segment')}`,
      text: `Weak structure: ${words} The groups are only a little more distinct than cuts through groupless data, so read the advice as tentative.`,
    };
  if (analysis.structure === 'none') {
    // The test ran at the user's k: it says these k segments are arbitrary, not that the data has
    // no groups ("no real groups … one continuous group" was said of 3 clear groups cut into 7).
    const recommended = analysis.selection.recommendedK;
    const why =
      analysis.kChosenBy === 'user' && analysis.k !== recommended
        ? `At k = ${analysis.k} the segments are no more distinct than cuts through groupless data, so they are arbitrary cuts. That says nothing of other k: \`/segment k auto\` tests the recommended k = ${recommended}.`
        : `The data shows no real groups, so these ${analysis.k} segments are arbitrary cuts through one continuous group.`;
    return { title: `${label}: ${plural(analysis.k, 'segment')} (arbitrary cuts)`, text: `${words} ${why}` };
  }
  return { title: `${label}: ${plural(analysis.k, 'segment')}`, text: words };
}

/** The k that scored next best (silhouette) after the one shown, if the sweep tried another. */
export function runnerUpK(analysis: Analysis): number | undefined {
  const others = analysis.selection.rows.filter(
    (row) => row.k !== analysis.k && Number.isFinite(row.silhouette),
  );
  return others.sort((a, b) => b.silhouette - a.silhouette || a.k - b.k)[0]?.k;
}

/** Next steps under a summary: the runner-up k, the assumption checks, the charts, the export. */
export function summaryActions(analysis: Analysis): ReplyAction[] {
  const runnerUp = runnerUpK(analysis);
  return [
    ...(runnerUp === undefined ? [] : [{ label: `Try k = ${runnerUp}`, command: `k ${runnerUp}` }]),
    { label: 'Check assumptions', command: 'check' },
    { label: 'Charts', command: 'eda' },
    { label: 'Export', command: 'export' },
  ];
}

/** Breakdown sections shown in one answer; the rest are in the export and the file report. */
const BREAKDOWNS_SHOWN = 4;

/** Where segments differ from all customers, then each breakdown's shares per segment. */
export function breakdownSections(analysis: Analysis): ReplySection[] {
  if (analysis.breakdowns.length === 0) return [];
  const differences = differenceLines(analysis);
  const shown = analysis.breakdowns.slice(0, BREAKDOWNS_SHOWN);
  const more = analysis.breakdowns.length - shown.length;
  return [
    {
      heading: 'Where segments differ',
      body:
        differences.length > 0
          ? differences.map((line) => `• ${line}`).join('\n')
          : noDifferenceWords(analysis.breakdowns),
    },
    ...shown.map((b) => ({
      heading: `By ${columnNoun(b.column)}`,
      body: [
        `• All customers: ${sharesWords(b, null)}`,
        ...b.bySegment.map((s) => {
          const name = analysis.segments.find((x) => x.id === s.id)?.name ?? '';
          return `• ${s.id}. ${name}: ${sharesWords(b, s.shares)}`;
        }),
        ...(b === shown[shown.length - 1] && more > 0
          ? [`_${plural(more, 'more breakdown')} in the export (\`/segment export\`)._`]
          : []),
      ].join('\n'),
    })),
  ];
}

/**
 * What to doubt about one segment, by its advice: it does not hold across resamples, or it is
 * too small to rely on (the size check fails on it; its advice otherwise read as firm as any).
 */
export function segmentFlags(a: Firmness, segment: Pick<Segment, 'id' | 'size' | 'share'>): string[] {
  return [
    stabilityFlag(segmentStability(a, segment)),
    a.k > 1 && tooFewToRelyOn(segment) ? '⚠️ too few to rely on' : '',
  ].filter(Boolean);
}

export function summaryReply(analysis: Analysis, dataset: ActiveDataset, images: ReplyImage[]): Reply {
  const tentative = analysis.structure !== 'clear' && analysis.k > 1 ? 'Tentative: ' : '';
  const hints = analysis.segments.map((s) => {
    const flags = [plural(s.size, 'customer'), ...segmentFlags(analysis, s)].join('; ');
    return `• *${s.name}* (${flags}): ${tentative}${segmentHint(s.advice)}`;
  });
  const firmness = stabilityLine(analysis);
  const sections: ReplySection[] = [
    {
      heading: 'Based on',
      body: [
        `${datasetWords(dataset)}.`,
        ...sourceNotes(analysis.source),
        ...extraColumnLines(
          analysis.source,
          featuresHint(analysis, (f) => `\`/segment features ${f.join(' ')}\``),
        ),
        `Settings: ${settingsWords(analysis)}.`,
      ].join('\n'),
    },
    // How firm the answer is, before any advice rests on it (the figures are in `check`).
    ...(firmness ? [{ body: firmness }] : []),
    { heading: 'What to do with each segment', body: hints.join('\n') },
    ...breakdownSections(analysis),
  ];
  return reply({
    ...structureWords(analysis, analysis.rows),
    sections,
    table: segmentTable(
      analysis.segments,
      hasGenderColumn(analysis.source),
      (s) => segmentStability(analysis, s),
      analysis.source,
    ),
    actions: summaryActions(analysis),
    images,
    warnings: analysisWarnings(analysis),
  });
}

export async function summary(context: CommandContext): Promise<Reply> {
  const view = context.channel.view();
  const result = await context.runner.analyze(analysisRequest(view, context, 'summary'));
  if (result.kind === 'orders') return rfmSummaryReply(result.orders, view.dataset, result.images);
  return summaryReply(result.analysis, view.dataset, result.images);
}
