/** `/segment k`: how k was chosen; `k 6` fixes it for the channel; `k auto` returns to the recommendation. */
import type { Analysis, SelectionRow } from '../../core/types.ts';
import { SELECTION_TABLE_READING, selectionReason } from '../../phrases/selection.ts';
import type { Command } from '../command.ts';
import type { CommandContext } from '../context.ts';
import { formatCount, formatFigure, formatMeasure } from '../format.ts';
import type { Reply, ReplyTable } from '../reply.ts';
import { refit } from './refit.ts';
import { analysisRequest, reply } from './shared.ts';

/** What the k reply reads: a customer Analysis or an RfmAnalysis alike. */
type KChoice = Pick<Analysis, 'k' | 'kChosenBy' | 'selection'>;

/**
 * k = 1 the recommendation's way: the structure test found no groups, so one group is the
 * answer and the sweep's k only the nearest split (the summary says "k = 1 (recommended)").
 */
const oneGroup = (analysis: KChoice) => analysis.k === 1 && analysis.kChosenBy === 'recommendation';

function note(row: SelectionRow, analysis: KChoice): string {
  const marks: string[] = [];
  if (row.k === analysis.selection.recommendedK)
    marks.push(oneGroup(analysis) ? 'nearest split' : 'recommended');
  if (row.k === analysis.k) marks.push('in use');
  return marks.join(', ');
}

export function selectionTable(analysis: KChoice): ReplyTable {
  return {
    columns: ['k', 'Inertia', 'Silhouette', 'Calinski–Harabasz', 'Davies–Bouldin', 'Note'],
    rows: analysis.selection.rows.map((row) => [
      String(row.k),
      formatMeasure(row.inertia),
      formatFigure(row.silhouette),
      formatMeasure(row.calinskiHarabasz),
      formatFigure(row.daviesBouldin),
      note(row, analysis),
    ]),
    align: ['right', 'right', 'right', 'right', 'right', 'left'],
  };
}

/** Another k the sweep tried, best silhouette first: one the data can take ("`k 6`" was refused on a file of 3 profiles). */
function anotherK(analysis: KChoice): number | undefined {
  const others = analysis.selection.rows.filter((r) => r.k !== analysis.k && Number.isFinite(r.silhouette));
  return others.sort((a, b) => b.silhouette - a.silhouette || a.k - b.k)[0]?.k;
}

function settingWords(analysis: KChoice): string {
  const recommended = analysis.selection.recommendedK;
  if (oneGroup(analysis))
    return `This channel uses one group (k = 1): there are no clear segments. \`/segment k ${recommended}\` shows the nearest split, tentatively.`;
  if (analysis.kChosenBy === 'user') {
    return `This channel uses k = ${analysis.k}, set by hand; \`/segment k auto\` returns to the recommended ${recommended}.`;
  }
  const other = anotherK(analysis);
  const tryOther = other === undefined ? '' : ` Try another with \`/segment k ${other}\`.`;
  return `This channel uses the recommended k = ${recommended}.${tryOther}`;
}

export function kReply(analysis: KChoice, images: Reply['images']): Reply {
  const { sample } = analysis.selection;
  const single = oneGroup(analysis);
  const sections = [
    {
      heading: single ? `Why k = ${analysis.selection.recommendedK} is the nearest split` : 'Why',
      body: selectionReason(analysis.selection),
    },
    { heading: 'In use', body: settingWords(analysis) },
    { heading: 'Reading the table', body: SELECTION_TABLE_READING },
  ];
  if (sample) {
    sections.push({
      heading: 'Sample',
      body: `k was compared on a random sample of ${formatCount(sample.size)} of ${formatCount(sample.of)} customers.`,
    });
  }
  return reply({
    title: 'Choosing the number of segments',
    text: single
      ? `Recommended: one group (k = 1). The data shows no real groups, so the best split in the table, k = ${analysis.selection.recommendedK}, would be an arbitrary cut.`
      : `Recommended: k = ${analysis.selection.recommendedK}.`,
    sections,
    table: selectionTable(analysis),
    images,
  });
}

export async function chooseK(
  command: Extract<Command, { kind: 'k' }>,
  context: CommandContext,
): Promise<Reply> {
  const view = context.channel.view();
  if (command.k !== undefined) {
    const saved = `k = ${command.k}. \`/segment k auto\` returns to the recommendation.`;
    const k = command.k;
    return refit(context, { ...view.settings, k }, () => context.channel.saveK(k), saved);
  }
  if (command.auto) {
    const save = () => context.channel.saveK(null);
    return refit(context, { ...view.settings, k: null }, save, 'k follows the recommendation again.');
  }
  const result = await context.runner.analyze(analysisRequest(view, context, 'k'));
  return kReply(result.kind === 'orders' ? result.orders.analysis : result.analysis, result.images);
}
