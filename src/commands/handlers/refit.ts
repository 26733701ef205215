/**
 * Settings commands (`k 6`, `features …`, `scale …`) analyse with the new
 * settings first and save them only when that worked, so a setting that does
 * not fit the data (k larger than the customers) never sticks. `save` writes
 * only the setting the command changed, so a command that ran meanwhile (or
 * an upload saved meanwhile) is not undone by the settings read here.
 */
import type { ChannelSettings, CommandContext } from '../context.ts';
import type { Reply } from '../reply.ts';
import { rfmSummaryReply } from '../rfm/summary.ts';
import { analysisRequest } from './shared.ts';
import { summaryReply } from './summary.ts';

export async function refit(
  context: CommandContext,
  settings: ChannelSettings,
  save: () => void,
  saved: string,
): Promise<Reply> {
  const view = context.channel.view();
  const result = await context.runner.analyze(analysisRequest({ ...view, settings }, context, 'summary'));
  save();
  const summary =
    result.kind === 'orders'
      ? rfmSummaryReply(result.orders, view.dataset, result.images)
      : summaryReply(result.analysis, view.dataset, result.images);
  return { ...summary, sections: [{ heading: 'Saved for this channel', body: saved }, ...summary.sections] };
}
