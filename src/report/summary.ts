/**
 * The analysis in words and tables: what a marketer reads first. Shared by the
 * CLI's terminal output and report.md.
 */
import type { Analysis } from '../core/types.ts';
import type { RowProblem } from '../ingest/csv.ts';
import type { Block } from './document.ts';
import { FEATURE_TITLES, num, pct, separationWords, VERDICT_ICON } from './format.ts';

export function segmentsTable(a: Analysis): Block {
  return {
    kind: 'table',
    columns: ['#', 'Segment', 'Customers', 'Share', 'Mean age', 'Income k$', 'Spending', 'Female / Male'],
    align: ['right', 'left', 'right', 'right', 'right', 'right', 'right', 'right'],
    rows: a.segments.map((s) => [
      String(s.id),
      s.name,
      num(s.size),
      pct(s.share),
      num(s.meanAge, 1),
      num(s.meanIncome, 1),
      num(s.meanSpending, 1),
      `${pct(s.genderShares.Female)} / ${pct(s.genderShares.Male)}`,
    ]),
  };
}

export function overview(a: Analysis): Block[] {
  const features = a.features.map((f) => FEATURE_TITLES[f].toLowerCase()).join(' × ');
  const scaled = a.scaling === 'none' ? 'unscaled' : `${a.scaling}-scaled`;
  return [
    { kind: 'heading', text: 'Segments' },
    {
      kind: 'para',
      text: `${num(a.rows)} customers from ${a.source.fileName} fall into ${a.k} segments on ${features} (${scaled}); they are ${separationWords(a.silhouette)} (silhouette ${num(a.silhouette, 2)}).`,
    },
    segmentsTable(a),
    { kind: 'heading', text: 'What to do with each segment' },
    { kind: 'list', items: a.segments.map((s) => `${s.name}: ${s.hint}`) },
  ];
}

export function kChoice(a: Analysis): Block[] {
  const chosen =
    a.kChosenBy === 'user'
      ? `k = ${a.k} was set by you; the recommendation is k = ${a.selection.recommendedK}.`
      : '';
  const sample = a.selection.sample
    ? `Computed on a random sample of ${num(a.selection.sample.size)} of ${num(a.selection.sample.of)} customers.`
    : '';
  return [
    { kind: 'heading', text: 'Choosing the number of segments' },
    { kind: 'para', text: [a.selection.reason, chosen, sample].filter(Boolean).join(' ') },
    {
      kind: 'table',
      columns: ['k', 'Inertia', 'Silhouette', 'Calinski–Harabasz', 'Davies–Bouldin'],
      align: ['right', 'right', 'right', 'right', 'right'],
      rows: a.selection.rows.map((r) => [
        r.k === a.k ? `${r.k} ◀` : String(r.k),
        num(r.inertia, 1),
        num(r.silhouette, 3),
        num(r.calinskiHarabasz, 1),
        num(r.daviesBouldin, 3),
      ]),
    },
  ];
}

export function checks(a: Analysis): Block[] {
  return [
    { kind: 'heading', text: 'K-means assumption checks' },
    {
      kind: 'list',
      items: a.assumptions.map(
        (c) => `${VERDICT_ICON[c.status]} ${c.title}: ${c.message}${c.remedy ? ` Remedy: ${c.remedy}` : ''}`,
      ),
    },
  ];
}

export function dataNotes(a: Analysis, problems: RowProblem[], problemCount: number): Block[] {
  const skipped = problems.filter((p) => !p.kept);
  const items = [
    `${num(a.source.totalRows)} rows read, ${num(a.rows)} used, ${num(a.source.skippedRows)} skipped.`,
    ...(a.eda.extraColumns.length ? [`Ignored columns: ${a.eda.extraColumns.join(', ')}.`] : []),
    ...(a.eda.duplicateIds ? [`${num(a.eda.duplicateIds)} repeated customer ids (rows kept).`] : []),
    ...skipped
      .slice(0, 10)
      .map((p) => `Skipped line ${p.line}, column ${p.column}: "${p.value}" — ${p.reason}.`),
    ...(problemCount > 10
      ? [`… ${num(problemCount - Math.min(10, skipped.length))} more row notes in report.json.`]
      : []),
    ...a.notes,
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
      columns: ['Feature', 'Mean', 'Std', 'Min', 'Q1', 'Median', 'Q3', 'Max', 'Skew', 'Outliers'],
      align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
      rows: a.eda.describe.map((d) => [
        FEATURE_TITLES[d.feature],
        num(d.mean, 2),
        num(d.std, 2),
        num(d.min, 0),
        num(d.q1, 1),
        num(d.median, 1),
        num(d.q3, 1),
        num(d.max, 0),
        num(d.skewness, 2),
        num(d.outliers),
      ]),
    },
    {
      kind: 'para',
      text: `Gender: ${num(a.eda.gender.Female)} female (${pct(a.eda.gender.shares.Female)}), ${num(a.eda.gender.Male)} male (${pct(a.eda.gender.shares.Male)})${a.eda.gender.unknown ? `, ${num(a.eda.gender.unknown)} not stated` : ''}.`,
    },
  ];
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
