/** `/segment help`: every command with an example, only for the person who asked. */
import { COMMAND_HELP, example } from '../help.ts';
import type { Reply } from '../reply.ts';
import { reply } from './shared.ts';

export function helpReply(): Reply {
  const lines = COMMAND_HELP.map((c) => `• ${c.examples.map(example).join(' · ')} — ${c.what}`);
  return reply({
    title: 'segment-bot: customer segments with k-means',
    text: 'Type `/segment summary` to see the segments, or share a CSV of customers in this channel to analyse your own.',
    sections: [
      { heading: 'Commands', body: lines.join('\n') },
      {
        heading: 'Your own data',
        body: 'Share a CSV with the columns CustomerID, Gender, Age, Annual Income (k$) and Spending Score (1-100) in this channel. Until then the bundled sample data is used.\nOr share order lines (one row per product line of an invoice: InvoiceNo, CustomerID, InvoiceDate, Quantity and UnitPrice or a line total, Country), as the UCI Online Retail files or a shop export have them: they are turned into one row per customer and segmented on recency, frequency and spend (RFM).',
      },
    ],
    visibility: 'ephemeral',
  });
}
