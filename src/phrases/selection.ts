/**
 * Why the rule chose its k, in words, from the sweep's own figures
 * (core/selection.ts recommendK): every clause is a fact about a figure it
 * quotes. The one wording, for the k reply, the file report, the choose-k
 * chart and `--json`'s `recommendation.reason`.
 */
import type { Selection, SelectionRow } from '../core/types.ts';

const sil = (r: SelectionRow) => r.silhouette.toFixed(2);

/** With three or more features any CH rise moves k, so a rise under 1 % is said as such, not as "0 % higher". */
function howMuchHigher(ratio: number): string {
  const percent = Math.round((ratio - 1) * 100);
  return percent >= 1 ? `${percent} % higher` : 'slightly higher (by under 1 %)';
}

export function selectionReason(selection: Selection): string {
  const row = (k: number) => selection.rows.find((r) => r.k === k)!;
  const chosen = row(selection.recommendedK);
  const best = row(selection.startK);
  const peak = row(selection.silhouetteK);
  const among =
    (selection.scatterK ?? []).length > 0 ? 'of the k tried without a thin scatter' : 'of all k tried';
  const main =
    chosen === best
      ? `k = ${chosen.k} has the highest silhouette ${among} (${sil(chosen)}), and no larger k among them separates clearly more groups.`
      : `k = ${chosen.k}: its Calinski–Harabasz score is ${howMuchHigher(chosen.calinskiHarabasz / best.calinskiHarabasz)} than at k = ${best.k}, which has the highest silhouette ${among} (${sil(best)}), while its own silhouette (${sil(chosen)}) is nearly as high: the extra segments tighten the groups while they stay about as well separated.`;
  if (!peak.scatter || peak === chosen) return main;
  const sampled = selection.sample?.size;
  const n = Math.round(peak.scatter.size);
  const who = sampled
    ? `about ${Math.max(1, Math.round((100 * n) / sampled))} % of the customers`
    : `only ${n} customer${n === 1 ? '' : 's'}`;
  return `${main} k = ${peak.k} scores higher (${sil(peak)}), but one of its segments holds ${who} spread ${peak.scatter.spreadRatio.toFixed(1)} times as wide as a typical segment: scattered outliers, not a group.`;
}

/**
 * What the k table's columns mean, for readers with no statistics: the reason above quotes
 * silhouette and Calinski–Harabasz by name, and neither was glossed anywhere a marketer sees.
 */
export const SELECTION_TABLE_READING =
  'Silhouette: how much closer customers are to their own segment than to the next one (−1 to 1; 0.5 or more is well separated, under 0.25 barely). ' +
  'Calinski–Harabasz: how far apart the segments are compared with how spread out each one is (higher is better; compare it only within this table). ' +
  'Davies–Bouldin: how much each segment overlaps its closest neighbour (lower is better). ' +
  'Inertia: how far customers are from their segment centres in total; it always falls as k grows, so it cannot choose k alone.';
