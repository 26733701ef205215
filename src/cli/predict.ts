import { fileURLToPath } from 'node:url';
import { formatCount, formatFigure } from '../commands/format.ts';
import { analyze } from '../core/analyze.ts';
import { predict } from '../core/model.ts';
import { readCustomerFile } from '../ingest/file.ts';
import { toJson } from '../report/json.ts';
import type { PredictArgs } from './args.ts';

export const BUNDLED_SAMPLE = fileURLToPath(new URL('../../data/customers.csv', import.meta.url));

const CLARITY_WORDS = {
  clear: 'a clear fit',
  'fairly clear': 'a fairly clear fit',
  borderline: 'borderline: close to the next segment too',
} as const;

export async function runPredict(args: PredictArgs): Promise<string> {
  const ingest = await readCustomerFile(args.data ?? BUNDLED_SAMPLE);
  const analysis = analyze(ingest.table, args.seed === undefined ? {} : { seed: args.seed }, ingest.source);
  const result = predict(analysis.model, args.customer);
  if (args.json) {
    return toJson({ customer: args.customer, data: ingest.source.fileName, ...result });
  }
  const c = args.customer;
  const lines = [
    `A ${c.age}-year-old ${c.gender ? `${c.gender.toLowerCase()} ` : ''}customer earning ${formatCount(c.income)} k$ with spending score ${formatCount(c.spending)}`,
    `belongs to segment ${result.segment.id}: ${result.segment.name} (${CLARITY_WORDS[result.clarity]}, margin ${formatFigure(result.margin)}).`,
    result.segment.hint,
    '',
    'Distance to each segment centre:',
    ...[...result.distances]
      .sort((a, b) => a.distance - b.distance)
      .map(
        (d) => `  ${String(d.id).padStart(2)}  ${d.name.padEnd(34)} ${formatFigure(d.distance).padStart(8)}`,
      ),
    '',
    `Segments fitted on ${ingest.source.fileName} (${formatCount(analysis.rows)} customers, k = ${analysis.k}).`,
  ];
  return `${lines.join('\n')}\n`;
}
