/** Pieces every handler uses: building a Reply, asking for an analysis, naming the data. */
import type { Analysis } from '../../core/types.ts';
import { scalingLine, scalingReason, scalingWords } from '../../phrases/notes.ts';
import type { CustomerInput } from '../command.ts';
import type { ActiveDataset, AnalysisRequest, ChannelView, ChartGroup, CommandContext } from '../context.ts';
import { formatCount, formatDate, listWords } from '../format.ts';
import type { Reply } from '../reply.ts';

export function reply(parts: Pick<Reply, 'title' | 'text'> & Partial<Reply>): Reply {
  return {
    sections: [],
    images: [],
    files: [],
    warnings: [],
    visibility: 'in_channel',
    isError: false,
    ...parts,
  };
}

export function analysisRequest(
  view: ChannelView,
  context: CommandContext,
  charts?: ChartGroup,
  customer?: CustomerInput,
): AnalysisRequest {
  return {
    dataset: view.dataset,
    settings: view.settings,
    seed: context.seed,
    ...(charts ? { charts } : {}),
    ...(customer ? { customer } : {}),
  };
}

export const SAMPLE_WORDS = 'bundled sample data — upload a CSV to this channel to use your own';
export const ORDER_SAMPLE_WORDS =
  'bundled sample order lines (orders.csv: 200 synthetic customers’ purchases) — upload a file to this channel to use your own';

/** "sales.csv uploaded by <@U123> on 2026-11-29, 200 rows, 0 skipped" or the sample sentence. */
export function datasetWords(dataset: ActiveDataset): string {
  if (dataset.kind === 'sample') return dataset.holds === 'orders' ? ORDER_SAMPLE_WORDS : SAMPLE_WORDS;
  return (
    `${dataset.fileName} uploaded by <@${dataset.uploadedBy}> on ${formatDate(dataset.uploadedAt)}, ` +
    `${formatCount(dataset.rows)} ${dataset.holds === 'orders' ? 'order lines' : 'rows'}, ${formatCount(dataset.skippedRows)} skipped`
  );
}

export { scalingWords };

/** "income and spending, no scaling, k = 5 (recommended), seed 42"; with a reason, "…, z-score scaling, because …; k = 5 …". */
export function settingsWords(analysis: Analysis): string {
  const k =
    analysis.kChosenBy === 'user'
      ? `k = ${analysis.k} (set for this channel)`
      : `k = ${analysis.k} (recommended)`;
  // A reason carries a comma of its own, so a semicolon ends the scaling part.
  const sep = scalingReason(analysis) ? ';' : ',';
  return `${listWords(analysis.features)}, ${scalingLine(analysis)}${sep} ${k}, seed ${analysis.seed}`;
}
