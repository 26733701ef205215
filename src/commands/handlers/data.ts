/** `/segment data`: which data the channel uses and with which settings. No analysis needed. */

import type { Command } from '../command.ts';
import { type ActiveDataset, type ChannelSettings, type CommandContext, datasetHolds } from '../context.ts';
import { formatCount, formatDate, listWords } from '../format.ts';
import { example } from '../help.ts';
import type { Reply } from '../reply.ts';
import { datasetWords, ORDER_SAMPLE_WORDS, reply, scalingWords } from './shared.ts';

function settingsLines(settings: ChannelSettings, dataset: ActiveDataset): string {
  const k = `k: ${settings.k === null ? 'recommended for the data' : `${settings.k}, set by hand`}`;
  if (datasetHolds(dataset) === 'orders')
    return [
      'Data: order lines, one row per customer made from them',
      'Features: recency, frequency and spend, log(1 + x) and standardised (fixed for order data)',
      `Analysis date: ${settings.asOf ?? 'the day after the last invoice'}`,
      k,
    ].join('\n');
  const scaling = settings.scaling
    ? scalingWords(settings.scaling)
    : 'automatic (z-score when age is among the features, otherwise none)';
  return [`Features: ${listWords(settings.features)}`, `Scaling: ${scaling}`, k].join('\n');
}

export async function data(context: CommandContext): Promise<Reply> {
  const { dataset, settings } = context.channel.view();
  const sections = [{ heading: 'Settings', body: settingsLines(settings, dataset) }];
  const text = `This channel uses ${dataset.kind === 'sample' ? 'the ' : ''}${datasetWords(dataset)}.`;
  if (dataset.kind === 'sample') return reply({ title: 'Data for this channel', text, sections });
  return reply({
    title: 'Data for this channel',
    text,
    sections,
    table: {
      // No uploader column: a mention does not render inside the monospace table, and the text names them.
      columns: ['File', 'On', dataset.holds === 'orders' ? 'Order lines' : 'Rows', 'Skipped'],
      rows: [
        [
          dataset.fileName,
          formatDate(dataset.uploadedAt),
          formatCount(dataset.rows),
          formatCount(dataset.skippedRows),
        ],
      ],
      align: ['left', 'left', 'right', 'right'],
    },
  });
}

export async function reset(
  command: Extract<Command, { kind: 'reset' }>,
  context: CommandContext,
): Promise<Reply> {
  if (command.sample === 'orders') {
    context.channel.reset('orders');
    return reply({
      title: 'Back to the sample order lines',
      text: `This channel uses the ${ORDER_SAMPLE_WORDS} now, with the default settings.`,
      sections: [
        {
          body: `Try ${example('summary')} for the RFM segments, or ${example('reset')} for the sample customers. Share a CSV or .xlsx in this channel to analyse your own data again.`,
        },
      ],
    });
  }
  context.channel.reset();
  return reply({
    title: 'Back to the sample data',
    text: 'This channel uses the bundled sample data again, with the default settings.',
    sections: [{ body: 'Share a CSV in this channel to analyse your own customers again.' }],
  });
}
