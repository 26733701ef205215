/** `/segment eda`: descriptive statistics of the channel's data, plus the distribution charts. */

import { featureTitleIn } from '../../core/features.ts';
import { hasGenderColumn } from '../../core/source.ts';
import type { Eda, FeatureSummary, SourceInfo } from '../../core/types.ts';
import { extraColumnLines } from '../../phrases/columns.ts';
import type { CommandContext } from '../context.ts';
import { formatCount, formatFigure, formatMean, formatShare, listWords } from '../format.ts';
import type { Reply, ReplyTable } from '../reply.ts';
import { rfmEdaReply } from '../rfm/eda.ts';
import { analysisRequest, datasetWords, reply } from './shared.ts';

export function describeTable(
  describe: readonly FeatureSummary[],
  source?: Pick<SourceInfo, 'extraRoles'>,
): ReplyTable {
  return {
    // Values past Tukey's fences, per feature; the outlier check counts customers (core/mahalanobis.ts).
    columns: [
      'Feature',
      'Count',
      'Mean',
      'Std',
      'Min',
      'Q1',
      'Median',
      'Q3',
      'Max',
      'Skew',
      'Tukey outliers',
    ],
    rows: describe.map((f) => [
      featureTitleIn(source, f.feature),
      formatCount(f.count),
      formatMean(f.mean),
      formatMean(f.std),
      formatMean(f.min),
      formatMean(f.q1),
      formatMean(f.median),
      formatMean(f.q3),
      formatMean(f.max),
      formatFigure(f.skewness),
      formatCount(f.outliers),
    ]),
    align: ['left', ...Array<'right'>(10).fill('right')],
  };
}

function qualityWords(eda: Eda, source?: Pick<SourceInfo, 'extraRoles'>): string {
  const missing = Object.entries(eda.missing).filter(([, n]) => n > 0);
  const lines = [
    missing.length
      ? `Missing values: ${missing.map(([column, n]) => `${column} ${formatCount(n)}`).join(', ')}.`
      : 'No missing values.',
    `Duplicate ids: ${formatCount(eda.duplicateIds)}; duplicate rows: ${formatCount(eda.duplicateRows)}.`,
  ];
  // What ingest made of the extra columns; a table built without that record calls them all ignored.
  if (source?.extraRoles) lines.push(...extraColumnLines(source));
  else if (eda.extraColumns.length) lines.push(`Ignored columns: ${listWords(eda.extraColumns)}.`);
  return lines.join('\n');
}

function correlationWords(eda: Eda, source?: Pick<SourceInfo, 'extraRoles'>): string {
  const { features, matrix } = eda.correlation;
  const pairs: string[] = [];
  features.forEach((a, i) => {
    features.forEach((b, j) => {
      if (j > i)
        pairs.push(
          `• ${featureTitleIn(source, a)} – ${featureTitleIn(source, b)}: r = ${formatFigure(matrix[i]?.[j] ?? Number.NaN)}`,
        );
    });
  });
  return pairs.join('\n');
}

export function edaReply(
  eda: Eda,
  datasetLine: string,
  images: Reply['images'],
  withGender = true,
  source?: Pick<SourceInfo, 'extraRoles'>,
): Reply {
  const { Female, Male, unknown } = eda.gender;
  const gender =
    `${formatCount(Female)} female (${formatShare(eda.gender.shares.Female)}), ` +
    `${formatCount(Male)} male (${formatShare(eda.gender.shares.Male)})` +
    (unknown ? `, ${formatCount(unknown)} unknown` : '');
  return reply({
    title: 'The data at a glance',
    text: withGender
      ? `${formatCount(eda.rows)} customers: ${gender}.`
      : `${formatCount(eda.rows)} customers (the file has no Gender column).`,
    sections: [
      { heading: 'Based on', body: `${datasetLine}.` },
      { heading: 'Data quality', body: qualityWords(eda, source) },
      { heading: 'Correlation (Pearson)', body: correlationWords(eda, source) },
    ],
    table: describeTable(eda.describe, source),
    images,
  });
}

export async function eda(context: CommandContext): Promise<Reply> {
  const view = context.channel.view();
  const result = await context.runner.analyze(analysisRequest(view, context, 'eda'));
  if (result.kind === 'orders') return rfmEdaReply(result.orders, datasetWords(view.dataset), result.images);
  const { analysis, images } = result;
  return edaReply(
    analysis.eda,
    datasetWords(view.dataset),
    images,
    hasGenderColumn(analysis.source),
    analysis.source,
  );
}
