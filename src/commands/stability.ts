/**
 * Bootstrap stability (core/stability.ts) in words, the same in Slack, the
 * CLI and report.md: one line for a summary, a flag for a segment that does
 * not hold, and the full figures for `check`.
 */
import type { Analysis, Segment, SegmentStability, Stability, StabilityVerdict } from '../core/types.ts';

/** What these words read: a customer Analysis or an RfmAnalysis alike. */
export type Firmness = Pick<Analysis, 'k' | 'stability'> & {
  segments: ReadonlyArray<Pick<Segment, 'id' | 'name'>>;
};

import { formatCount, formatFigure, listWords, plural } from './format.ts';

const VERDICT_WORDS: Record<StabilityVerdict, string> = {
  stable: 'stable',
  fair: 'only fairly stable',
  doubtful: 'unstable',
};

/** Two decimals, rounded down, so "Jaccard ≥ 0.97" is true of the figure it summarises. */
const atLeast = (x: number) => formatFigure(Math.floor(x * 100) / 100);
/**
 * A segment's Jaccard beside its verdict, rounded down (the 1e-9 absorbs float error in x·100),
 * so it sits on the verdict's side of the thresholds the reading gives: 0.848 was "only fairly
 * stable, Jaccard 0.85" under "0.85 or more is stable".
 */
const jaccardFigure = (x: number) => formatFigure(Math.floor(x * 100 + 1e-9) / 100);

/** k → wins, most wins first (ties: smaller k first). */
export function kVotes(stability: Stability): Array<{ k: number; wins: number }> {
  return Object.entries(stability.kFrequency)
    .map(([k, wins]) => ({ k: Number(k), wins }))
    .sort((a, b) => b.wins - a.wins || a.k - b.k);
}

const wins = (s: Stability, k: number) => s.kFrequency[String(k)] ?? 0;

/**
 * "Stable: k = 5 won 15 of 20 resamples", or, when no resample chose the k shown (a user's k
 * the data never picks), "Stable segments, but k = 7 won none of 20 resamples (k = 4 won 20)":
 * the verdict is then about the segments only, and "Stable: k = 7 won 0 of 20" read as if it were about k.
 */
function lead(verdict: string, a: Firmness): string {
  const s = a.stability;
  const top = kVotes(s)[0];
  if (wins(s, a.k) > 0 || !top) return `${verdict}: ${voteWords(a)}`;
  return `${verdict} segments, but k = ${a.k} won none of ${formatCount(s.resamples)} resamples (k = ${top.k} won ${formatCount(top.wins)})`;
}

function voteWords(a: Firmness): string {
  const s = a.stability;
  const top = kVotes(s)[0];
  const own = `k = ${a.k} won ${formatCount(wins(s, a.k))} of ${formatCount(s.resamples)} resamples`;
  if (!top || top.k === a.k) return own;
  return `${own} (k = ${top.k} won ${formatCount(top.wins)})`;
}

/** "⚠️ unstable" by a segment's name (its figure is in the summary line and `check`); empty when stable. */
export function stabilityFlag(figures: SegmentStability | undefined): string {
  if (!figures || figures.verdict === 'stable') return '';
  return `⚠️ ${VERDICT_WORDS[figures.verdict]}`;
}

export const segmentStability = (a: Firmness, segment: Pick<Segment, 'id'>) =>
  a.stability.segments.find((s) => s.id === segment.id);

/** The summary's one line, e.g. "Stable: k = 5 won 15 of 20 resamples; every segment held together (Jaccard ≥ 0.97)." */
export function stabilityLine(a: Firmness): string {
  const s = a.stability;
  if (a.k === 1) {
    const votes = kVotes(s);
    const ks = votes.map((v) => v.k).sort((x, y) => x - y);
    const range = ks.length > 1 ? `between k = ${ks[0]} and k = ${ks.at(-1)}` : `at k = ${ks[0]}`;
    return votes.length
      ? `Stability: across ${formatCount(s.resamples)} resamples the nearest split landed ${range} (most often k = ${votes[0]!.k}, ${formatCount(votes[0]!.wins)} times).`
      : '';
  }
  const weak = s.segments.filter((g) => g.verdict !== 'stable');
  if (!weak.length) {
    const lowest = Math.min(...s.segments.map((g) => g.jaccard));
    // Every resample recovered every segment exactly: "≥ 1.00" would read as a misprint.
    const figure = lowest >= 1 ? 'Jaccard 1.00 each' : `Jaccard ≥ ${atLeast(lowest)}`;
    return `${lead('Stable', a)}; every segment held together (${figure}).`;
  }
  const named = weak.map(
    (g) => `segment ${g.id} (${VERDICT_WORDS[g.verdict]}, Jaccard ${jaccardFigure(g.jaccard)})`,
  );
  const verdict = weak.some((g) => g.verdict === 'doubtful') ? 'Unstable' : 'Fairly stable';
  return `${lead(verdict, a)}; ${formatCount(weak.length)} of ${formatCount(s.segments.length)} segments did not hold firmly: ${listWords(named)}.`;
}

/** The full figures: every k vote and every segment's Jaccard, lowest Jaccard and dissolutions. */
export function stabilityDetails(a: Firmness): {
  heading: string;
  lead: string;
  items: string[];
  reading: string;
} {
  const s = a.stability;
  const votes = kVotes(s)
    .map((v) => `k = ${v.k}: ${formatCount(v.wins)}`)
    .join(', ');
  const name = (id: number) => a.segments.find((g) => g.id === id)?.name ?? `Segment ${id}`;
  const unvoted = s.resamples - Object.values(s.kFrequency).reduce((x, y) => x + y, 0);
  return {
    heading: 'How firm the segments are (bootstrap)',
    lead: `${formatCount(s.resamples)} bootstrap resamples of ${formatCount(s.sampleSize)} customers (repeats dropped), each analysed again. The k rule chose ${votes || 'no k'}.${unvoted ? ` ${plural(unvoted, 'resample')} held too few different customers to choose a k.` : ''}`,
    items:
      a.k === 1
        ? ['There is one group, so there is no segment to test.']
        : s.segments.map(
            (g) =>
              `${g.id}. ${name(g.id)}: Jaccard ${jaccardFigure(g.jaccard)} (lowest ${jaccardFigure(g.min)}, dissolved in ${formatCount(g.dissolved)} of ${formatCount(s.resamples)}), ${VERDICT_WORDS[g.verdict]}.`,
          ),
    reading:
      "Jaccard is how much of a segment a resample finds again as one group (Hennig's clusterboot): 0.85 or more is stable, under 0.6 unstable; 0.5 or less in a resample counts as dissolved.",
  };
}

/** The `check` reply's section. */
export function stabilitySection(a: Firmness): { heading: string; body: string } {
  const d = stabilityDetails(a);
  return { heading: d.heading, body: [d.lead, ...d.items.map((i) => `• ${i}`), d.reading].join('\n') };
}
