/** `/segment asof 2011-12-10`: the date recency is counted to, for order data; `asof auto` returns to the default. */
import type { Command } from '../command.ts';
import { type CommandContext, datasetHolds } from '../context.ts';
import { asOfOnCustomers } from '../messages.ts';
import type { Reply } from '../reply.ts';
import { refit } from './refit.ts';

export async function asOf(
  command: Extract<Command, { kind: 'asof' }>,
  context: CommandContext,
): Promise<Reply> {
  const view = context.channel.view();
  if (datasetHolds(view.dataset) === 'customers') throw asOfOnCustomers();
  const { date } = command;
  const { asOf: _, ...rest } = view.settings;
  const settings = date === null ? rest : { ...rest, asOf: date };
  const saved =
    date === null
      ? 'Recency is counted to the day after the last invoice again.'
      : `Recency is counted to ${date}. \`/segment asof auto\` returns to the day after the last invoice.`;
  return refit(context, settings, () => context.channel.saveAsOf(date), saved);
}
