/**
 * A CSV shared in a channel: validate and analyse it (through the analyser
 * port, i.e. off the main thread), then save it in one step. A file that
 * cannot be used is answered with the specific reason, and the channel keeps
 * what it had.
 */
import { type InputProblem, isInputError } from '../core/errors.ts';
import { DEFAULT_ANALYSIS_OPTIONS } from '../core/options.ts';
import { inputErrorWords } from '../phrases/errors.ts';
import type {
  ChannelPort,
  ChannelSettings,
  Progress,
  UploadAnalyser,
  UploadedDataset,
  UploadOutcome,
  UploadPort,
} from './context.ts';
import { listWords, plural } from './format.ts';
import { datasetWords } from './handlers/shared.ts';
import { summaryReply } from './handlers/summary.ts';
import { errorReply } from './messages.ts';
import type { Reply } from './reply.ts';
import { rfmSummaryReply } from './rfm/summary.ts';

export interface UploadContext {
  channel: ChannelPort;
  uploads: UploadPort;
  analyser: UploadAnalyser;
  clock: () => Date;
  seed: number;
}

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
  uploadedBy: string;
  /** Which delivery brought it (see NewUpload.sourceKey). */
  sourceKey?: string;
}

export async function ingestUpload(
  context: UploadContext,
  file: UploadedFile,
  onProgress?: Progress,
): Promise<Reply> {
  const before = context.channel.view();
  // k and the analysis date chosen for the old file say nothing about the new one; features and scaling carry over.
  const { asOf: _, ...kept } = before.settings;
  const settings: ChannelSettings = { ...kept, k: null };
  try {
    const request = { fileName: file.name, bytes: file.bytes, settings, seed: context.seed };
    const outcome = await context.analyser.ingest(request, onProgress);
    const facts = {
      fileName: file.name,
      uploadedBy: file.uploadedBy,
      bytes: file.bytes,
      uploadedAt: context.clock(),
      ...(file.sourceKey ? { sourceKey: file.sourceKey } : {}),
    };
    // Saved with k = null and the channel's features and scaling as they are then, not as read above.
    const dataset = await context.uploads.accept({ ...facts, ...pick(outcome) });
    return uploadReply(outcome, dataset, before.settings.k);
  } catch (error) {
    if (!isInputError(error)) throw error;
    const refused = { code: error.code, message: inputErrorWords(error) };
    context.uploads.reject(
      { fileName: file.name, uploadedBy: file.uploadedBy, at: context.clock() },
      refused,
    );
    const kept = `Nothing changed: this channel keeps using ${datasetWords(before.dataset)}.`;
    return errorReply(error, `${kept}${featuresHint(error.problem?.kind, settings.features)}`);
  }
}

/**
 * A file refused for lacking a feature the channel chose by hand: the way out is
 * to choose features the file has first, which the refusal alone does not say.
 * Keyed on the problem, not the code: `feature_has_gaps` shares the code, and that
 * file has the feature (its refusal says to fill the cells or choose others).
 */
function featuresHint(problem: InputProblem['kind'] | undefined, features: readonly string[]): string {
  const defaults = DEFAULT_ANALYSIS_OPTIONS.features;
  const custom = features.length !== defaults.length || features.some((f, i) => f !== defaults[i]);
  if (problem !== 'feature_not_in_file' || !custom) return '';
  return (
    ` This channel segments on ${listWords(features)} (set with \`/segment features\`); to use this file, ` +
    `first choose features it has, such as \`/segment features ${defaults.join(' ')}\`, then share it again.`
  );
}

const pick = ({ sha256, rows, skippedRows, holds }: UploadOutcome) => ({ sha256, rows, skippedRows, holds });

/** The k the new file uses, whichever data it holds. */
const outcomeK = (outcome: UploadOutcome) =>
  outcome.kind === 'orders' ? outcome.orders.analysis.k : outcome.analysis.k;

function uploadWarnings(outcome: UploadOutcome, previousK: number | null): string[] {
  const warnings: string[] = [];
  if (outcome.skippedRows > 0) {
    const first = outcome.skipped.map((p) => `  • ${p}`).join('\n');
    const unit = outcome.kind === 'orders' ? 'order line' : 'row';
    warnings.push(`${plural(outcome.skippedRows, unit)} skipped:\n${first}`);
  }
  if (outcome.notedRows > 0) {
    warnings.push(`${plural(outcome.notedRows, 'row')} kept with notes, e.g. ${outcome.notes.join('; ')}.`);
  }
  if (outcome.duplicateIdCount > 0) {
    warnings.push(
      `${plural(outcome.duplicateIdCount, 'customer id')} occur more than once; those rows were kept.`,
    );
  }
  if (previousK !== null && previousK !== outcomeK(outcome)) {
    warnings.push(
      `k was ${previousK} for the previous data; this file uses its recommended k = ${outcomeK(outcome)}. ` +
        `\`/segment k ${previousK}\` sets it again.`,
    );
  }
  return warnings;
}

export function uploadReply(
  outcome: UploadOutcome,
  dataset: UploadedDataset,
  previousK: number | null,
): Reply {
  const summary =
    outcome.kind === 'orders'
      ? rfmSummaryReply(outcome.orders, dataset, outcome.images)
      : summaryReply(outcome.analysis, dataset, outcome.images);
  return {
    ...summary,
    title: `New data: ${dataset.fileName}`,
    text: `${dataset.fileName} is now this channel's data. ${summary.text}`,
    warnings: [...uploadWarnings(outcome, previousK), ...summary.warnings],
  };
}
