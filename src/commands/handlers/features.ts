/** `/segment features …` and `/segment scale …`: change what is clustered and how it is scaled. */
import type { Command } from '../command.ts';
import { type ChannelSettings, type CommandContext, datasetHolds } from '../context.ts';
import { listWords } from '../format.ts';
import { fixedRfmFeatures } from '../messages.ts';
import type { Reply } from '../reply.ts';
import { refit } from './refit.ts';
import { scalingWords } from './shared.ts';

function savedWords(settings: ChannelSettings): string {
  const scaling = settings.scaling ? scalingWords(settings.scaling) : 'the scaling that suits them';
  const k = settings.k === null ? 'the recommended k' : `k = ${settings.k}`;
  return `Segments use ${listWords(settings.features)}, with ${scaling} and ${k}.`;
}

export async function features(
  command: Extract<Command, { kind: 'features' }>,
  context: CommandContext,
): Promise<Reply> {
  const view = context.channel.view();
  if (datasetHolds(view.dataset) === 'orders') throw fixedRfmFeatures();
  const current = view.settings;
  const settings: ChannelSettings = {
    ...current,
    features: command.features ?? current.features,
    scaling: command.scaling ?? current.scaling,
  };
  const save = () => context.channel.saveFeatures(settings.features, settings.scaling);
  return refit(context, settings, save, savedWords(settings));
}
