/**
 * The analysis in words and tables: what a marketer reads first. Shared by the
 * CLI's terminal output and report.md.
 */

import {
  formatCount,
  formatDecimal,
  formatFigure,
  formatMean,
  formatShare,
  formatWholeShare,
  separationWords,
  sourceNotes,
  VERDICT_MARK,
} from '../commands/format.ts';
import { segmentFlags } from '../commands/handlers/summary.ts';
import { remedySentence } from '../commands/remedy.ts';
import { segmentStability, stabilityDetails, stabilityFlag, stabilityLine } from '../commands/stability.ts';
import { featureTitleIn } from '../core/features.ts';
import { hasAgeColumn, hasGenderColumn } from '../core/source.ts';
import { type Analysis, isCatalogueFeature, type RemedyAction } from '../core/types.ts';
import { describeProblem, type RowProblem } from '../ingest/csv.ts';
import { wordCheck } from '../phrases/checks.ts';
import {
  differenceLines,
  extraColumnHeader,
  extraColumnLines,
  featuresHint,
  noDifferenceWords,
  shownShares,
} from '../phrases/columns.ts';
import { noteWords, scalingLine, scalingReason } from '../phrases/notes.ts';
import { segmentHint, tooFewProfilesWords } from '../phrases/segments.ts';
import { selectionReason } from '../phrases/selection.ts';
import type { Block } from './document.ts';

export function segmentsTable(a: Analysis): Block {
  // A file without a Gender column has no gender shares to show, one without an Age column no mean age.
  const gender = hasGenderColumn(a.source);
  const age = hasAgeColumn(a.source);
  // The file's own columns clustered on ("Mean visits"), after the catalogue's.
  const extras = a.features.filter((f) => !isCatalogueFeature(f));
  return {
    kind: 'table',
    columns: [
      '#',
      'Segment',
      'Customers',
      'Share',
      ...(age ? ['Mean age'] : []),
      'Income k$',
      'Spending',
      ...extras.map((f) => extraColumnHeader(a.source, f)),
      ...(gender ? ['Female / Male'] : []),
    ],
    align: [
      'right',
      'left',
      'right',
      'right',
      ...(age ? ['right' as const] : []),
      'right',
      'right',
      ...extras.map(() => 'right' as const),
      ...(gender ? ['right' as const] : []),
    ],
    rows: a.segments.map((s) => [
      String(s.id),
      [s.name, stabilityFlag(segmentStability(a, s))].filter(Boolean).join(' '),
      formatCount(s.size),
      formatShare(s.share),
      ...(age ? [formatMean(s.meanAge ?? Number.NaN)] : []),
      formatMean(s.meanIncome),
      formatMean(s.meanSpending),
      ...extras.map((f) => formatMean(s.centroid[f] ?? Number.NaN)),
      ...(gender ? [`${formatShare(s.genderShares.Female)} / ${formatShare(s.genderShares.Male)}`] : []),
    ]),
  };
}

export function overview(a: Analysis): Block[] {
  const firmness = stabilityLine(a);
  const features = a.features.map((f) => featureTitleIn(a.source, f).toLowerCase()).join(' × ');
  // The reason, when there is one, in the same words as Slack's settings line.
  const scaled = scalingReason(a)
    ? scalingLine(a)
    : a.scaling === 'none'
      ? 'unscaled'
      : `${a.scaling}-scaled`;
  return [
    { kind: 'heading', text: 'Segments' },
    {
      kind: 'para',
      text:
        a.k === 1
          ? `${formatCount(a.rows)} customers from ${a.source.fileName} form one continuous group on ${features} (${scaled}): there are no clear segments, and any split would be an arbitrary cut. The nearest split, tentatively, is k = ${a.structureTest.k} (\`--k ${a.structureTest.k}\`).`
          : a.structure === 'untested'
            ? // Repeated profiles score a high silhouette by construction: no separation words here.
              `${formatCount(a.rows)} customers from ${a.source.fileName} fall into ${a.k} segments on ${features} (${scaled}). The customers have ${tooFewProfilesWords(a.structureTest.sampleSize, a.k)}`
            : `${formatCount(a.rows)} customers from ${a.source.fileName} fall into ${a.k} segments on ${features} (${scaled}); they are ${separationWords(a.silhouette, a.structure)} (silhouette ${formatFigure(a.silhouette)}).${a.structure === 'weak' ? ' The structure is weak: the groups are only a little more distinct than cuts through groupless data, so read the advice as tentative.' : a.structure === 'none' ? (a.kChosenBy === 'user' && a.k !== a.selection.recommendedK ? ` At k = ${a.k} these segments are no more distinct than cuts through groupless data, so they are arbitrary cuts; that says nothing of other k (without \`--k\` the recommended k = ${a.selection.recommendedK} is tested).` : ' The data shows no real groups, so these segments are arbitrary cuts.') : ''}`,
    },
    ...(firmness ? [{ kind: 'para' as const, text: firmness }] : []),
    segmentsTable(a),
    { kind: 'heading', text: 'What to do with each segment' },
    // As the summary reply: advice on segments that are not clearly real is tentative, doubtful ones are flagged.
    {
      kind: 'list',
      items: a.segments.map((s) => {
        const flags = segmentFlags(a, s);
        const tentative = a.structure !== 'clear' && a.k > 1 ? 'Tentative: ' : '';
        return `${s.name}${flags.length ? ` (${flags.join('; ')})` : ''}: ${tentative}${segmentHint(s.advice)}`;
      }),
    },
    ...breakdownBlocks(a),
  ];
}

/** Where segments differ on the file's breakdown columns, then a share table per column. */
export function breakdownBlocks(a: Analysis): Block[] {
  if (a.breakdowns.length === 0) return [];
  const differences = differenceLines(a);
  return [
    { kind: 'heading', text: 'Breakdowns' },
    differences.length > 0
      ? { kind: 'list', items: differences.map((line) => `${line}.`) }
      : {
          kind: 'para',
          text: noDifferenceWords(a.breakdowns),
        },
    ...a.breakdowns.map((b): Block => {
      const cells = (shares: Record<string, number> | null) =>
        shownShares(b, shares).map((p) => formatWholeShare(p.share));
      const columns = [b.column, ...shownShares(b, null).map((p) => p.level)];
      return {
        kind: 'table',
        columns,
        align: ['left', ...columns.slice(1).map(() => 'right' as const)],
        rows: [
          ...b.bySegment.map((s) => [
            `${s.id}. ${a.segments.find((x) => x.id === s.id)?.name ?? ''}`,
            ...cells(s.shares),
          ]),
          ['All customers', ...cells(null)],
        ],
      };
    }),
  ];
}

export function kChoice(a: Analysis): Block[] {
  const chosen =
    a.kChosenBy === 'user'
      ? `k = ${a.k} was set by you; the recommendation is k = ${a.selection.recommendedK}.`
      : '';
  const sample = a.selection.sample
    ? `Computed on a random sample of ${formatCount(a.selection.sample.size)} of ${formatCount(a.selection.sample.of)} customers.`
    : '';
  return [
    { kind: 'heading', text: 'Choosing the number of segments' },
    { kind: 'para', text: [selectionReason(a.selection), chosen, sample].filter(Boolean).join(' ') },
    {
      kind: 'table',
      columns: ['k', 'Inertia', 'Silhouette', 'Calinski–Harabasz', 'Davies–Bouldin'],
      align: ['right', 'right', 'right', 'right', 'right'],
      rows: a.selection.rows.map((r) => [
        r.k === a.k ? `${r.k} ◀` : String(r.k),
        formatMean(r.inertia),
        formatDecimal(r.silhouette, 3),
        formatMean(r.calinskiHarabasz),
        formatDecimal(r.daviesBouldin, 3),
      ]),
    },
  ];
}

export function checks(a: Analysis): Block[] {
  const stable = stabilityDetails(a);
  return [
    { kind: 'heading', text: 'K-means assumption checks' },
    {
      kind: 'list',
      items: a.assumptions
        .map(wordCheck)
        .map(
          (c) =>
            `${VERDICT_MARK[c.status]} ${c.title}: ${c.message}${c.advice ? ` Remedy: ${remedySentence(c, cliSetting)}` : ''}`,
        ),
    },
    { kind: 'heading', text: stable.heading },
    { kind: 'para', text: stable.lead },
    { kind: 'list', items: stable.items },
    { kind: 'para', text: stable.reading },
  ];
}

/** How the user changes a setting on the command line. */
export function cliSetting(a: RemedyAction): string {
  switch (a.action) {
    case 'scale':
      return `\`--scale ${a.to}\``;
    case 'features':
      return '`--features …`';
    case 'k':
      return `\`--k ${a.k}\``;
    case 'fewer-k':
      return `\`--k ${a.k}\``;
    case 'k-table':
      return 'the table of k values';
  }
}

const SHOWN_PROBLEMS = 10;

export function dataNotes(a: Analysis, problems: RowProblem[], problemCount: number): Block[] {
  const items = [
    `${formatCount(a.source.totalRows)} rows read, ${formatCount(a.rows)} used, ${formatCount(a.source.skippedRows)} skipped.`,
    ...sourceNotes(a.source),
    // What ingest made of the extra columns; a table built without that record calls them all ignored.
    ...(a.source.extraRoles
      ? extraColumnLines(
          a.source,
          featuresHint(a, (f) => `\`--features ${f.join(',')}\``),
        )
      : a.eda.extraColumns.length
        ? [`Ignored columns: ${a.eda.extraColumns.join(', ')}.`]
        : []),
    ...(a.eda.duplicateIds ? [`${formatCount(a.eda.duplicateIds)} repeated customer ids (rows kept).`] : []),
    ...problems.slice(0, SHOWN_PROBLEMS).map((p) => `${p.kept ? 'Kept' : 'Skipped'}: ${describeProblem(p)}.`),
    ...(problemCount > SHOWN_PROBLEMS
      ? [
          `… and ${formatCount(problemCount - SHOWN_PROBLEMS)} more row notes (all of them are in the --json output).`,
        ]
      : []),
    ...a.notes.map(noteWords),
  ];
  return [
    { kind: 'heading', text: 'About the data' },
    { kind: 'list', items },
  ];
}

export function edaTable(a: Analysis): Block[] {
  return [
    { kind: 'heading', text: 'Descriptive statistics' },
    {
      kind: 'table',
      // Values past Tukey's fences, per feature; the outlier check counts customers (core/mahalanobis.ts).
      columns: ['Feature', 'Mean', 'Std', 'Min', 'Q1', 'Median', 'Q3', 'Max', 'Skew', 'Tukey outliers'],
      align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
      rows: a.eda.describe.map((d) => [
        featureTitleIn(a.source, d.feature),
        formatFigure(d.mean),
        formatFigure(d.std),
        formatMean(d.min),
        formatMean(d.q1),
        formatMean(d.median),
        formatMean(d.q3),
        formatMean(d.max),
        formatFigure(d.skewness),
        formatCount(d.outliers),
      ]),
    },
    ...(hasGenderColumn(a.source) ? [genderLine(a)] : []),
  ];
}

function genderLine(a: Analysis): Block {
  return {
    kind: 'para',
    text: `Gender: ${formatCount(a.eda.gender.Female)} female (${formatShare(a.eda.gender.shares.Female)}), ${formatCount(a.eda.gender.Male)} male (${formatShare(a.eda.gender.shares.Male)})${a.eda.gender.unknown ? `, ${formatCount(a.eda.gender.unknown)} not stated` : ''}.`,
  };
}

export type SummarySection = 'segments' | 'k' | 'checks' | 'eda';

/** The whole summary; `figures` are placed at the end of their section (report.md's charts). */
export function fullSummary(
  a: Analysis,
  problems: RowProblem[],
  problemCount: number,
  figures: Partial<Record<SummarySection, Block[]>> = {},
): Block[] {
  return [
    ...overview(a),
    ...(figures.segments ?? []),
    ...kChoice(a),
    ...(figures.k ?? []),
    ...checks(a),
    ...(figures.checks ?? []),
    ...edaTable(a),
    ...(figures.eda ?? []),
    ...dataNotes(a, problems, problemCount),
  ];
}
