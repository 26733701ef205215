/** How the analysis ran, in words: the notes under a summary, the file report and `--json`'s `notes`. */
import type { AnalysisNote } from '../core/findings.ts';
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
