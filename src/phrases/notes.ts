/** How the analysis ran, in words: the notes under a summary, the file report and `--json`'s `notes`. */
import type { AnalysisNote } from '../core/findings.ts';
import type { Analysis, Scaling, ScalingChoice } from '../core/types.ts';
import { formatCount } from '../words.ts';

export function noteWords(note: AnalysisNote): string {
  switch (note.code) {
    case 'sweep_sampled':
      return `k was chosen on a random sample of ${formatCount(note.size)} of ${formatCount(note.of)} customers; the segments use every customer.`;
    case 'income_in_dollars':
      return `Annual income is expected in thousands of dollars (k$), but its median is ${formatCount(note.median)}: the file probably gives dollars. Divide that column by 1,000 for readable segment profiles.`;
    case 'not_converged':
      return `k-means stopped after ${note.iterations} iterations before fully settling.`;
  }
}

const SCALING_WORDS: Record<Scaling, string> = {
  zscore: 'z-score scaling',
  minmax: 'min–max scaling',
  none: 'no scaling',
};
export const scalingWords = (scaling: Scaling) => SCALING_WORDS[scaling];

/** Why the scaling, when it is not the user's choice nor the plain default. */
const SCALING_REASONS: Partial<Record<ScalingChoice, string>> = {
  mixedUnits: 'because the features are in different units',
};

/** Why core chose the scaling ("because the features are in different units"), when that choice has a reason to give. */
export const scalingReason = (a: Pick<Analysis, 'scalingChosenBy'>): string | undefined =>
  SCALING_REASONS[a.scalingChosenBy];

/** "z-score scaling, because the features are in different units", or just "no scaling". */
export function scalingLine(a: Pick<Analysis, 'scaling' | 'scalingChosenBy'>): string {
  const reason = scalingReason(a);
  return reason ? `${scalingWords(a.scaling)}, ${reason}` : scalingWords(a.scaling);
}
