/** `/segment check`: each k-means assumption with its verdict, figure, threshold and remedy. */

import type { AssumptionCheck, Verdict } from '../../core/types.ts';
import { checkTitle, findingWords } from '../../phrases/checks.ts';
import type { CommandContext } from '../context.ts';
import { formatFigure, listWords, VERDICT_MARK } from '../format.ts';
import { remedySentence } from '../remedy.ts';
import type { Reply, ReplySection, ReplyTable } from '../reply.ts';
import { rfmCheckReply } from '../rfm/check.ts';
import { stabilitySection } from '../stability.ts';
import { analysisRequest, datasetWords, reply, settingsWords } from './shared.ts';

const VERDICT_WORD: Record<Verdict, string> = { pass: 'passes', warn: 'borderline', fail: 'fails' };

export function checkTable(checks: readonly AssumptionCheck[]): ReplyTable {
  return {
    columns: ['Check', 'Verdict', 'Figure', 'Threshold'],
    rows: checks.map((c) => [
      checkTitle(c),
      `${VERDICT_MARK[c.status]} ${VERDICT_WORD[c.status]}`,
      formatFigure(c.value),
      formatFigure(c.threshold),
    ]),
    align: ['left', 'left', 'right', 'right'],
  };
}

export function checkSection(check: AssumptionCheck): ReplySection {
  const lines = [
    findingWords(check.finding, check.status),
    `Figure ${formatFigure(check.value)}, threshold ${formatFigure(check.threshold)}.`,
  ];
  const remedy = remedySentence(check);
  if (remedy && check.status !== 'pass') lines.push(`What to do: ${remedy}`);
  return { heading: `${VERDICT_MARK[check.status]} ${checkTitle(check)}`, body: lines.join('\n') };
}

export function tally(checks: readonly AssumptionCheck[]): string {
  const count = (status: Verdict) => checks.filter((c) => c.status === status).length;
  const parts = [`${count('pass')} of ${checks.length} checks pass`];
  if (count('warn')) parts.push(`${count('warn')} borderline`);
  if (count('fail')) parts.push(`${count('fail')} ${count('fail') === 1 ? 'fails' : 'fail'}`);
  return `${listWords(parts)}.`;
}

export async function check(context: CommandContext): Promise<Reply> {
  const view = context.channel.view();
  const result = await context.runner.analyze(analysisRequest(view, context, 'check'));
  if (result.kind === 'orders')
    return rfmCheckReply(result.orders, datasetWords(view.dataset), result.images);
  const { analysis, images } = result;
  return reply({
    title: 'Does k-means suit this data?',
    text: tally(analysis.assumptions),
    sections: [
      { heading: 'Based on', body: `${datasetWords(view.dataset)}.\nSettings: ${settingsWords(analysis)}.` },
      ...analysis.assumptions.map(checkSection),
      stabilitySection(analysis),
    ],
    table: checkTable(analysis.assumptions),
    images,
  });
}
