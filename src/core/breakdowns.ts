/**
 * Breakdowns: how each segment splits over a text column with few levels
 * (Region, LoyaltyTier), against all customers. They describe segments and
 * never form them. A segment "differs" on a level when the segments and the
 * column are not independent (chi-square test of the segment × level counts,
 * p < DIFFERENCE.p) and the segment's share of the level is at least
 * DIFFERENCE.points above the share among all customers; on a big file the
 * test alone would call every wobble significant, so both must hold. The
 * table-wide test only says that some segment differs somewhere, so each named
 * cell must also stand out on its own: its adjusted standardised residual
 * (Haberman 1973) is at least DIFFERENCE.residual, about p < 0.01 per cell.
 * Without it, once one segment was strongly Gold, a 35-customer segment at 40 %
 * Silver (all: 27 %, residual 1.9) was named too, though chance alone gives that.
 * Shares are of the customers with a stated level (empty cells left out).
 */
import { chiSquareCdf } from './chi-square.ts';
import type { Breakdown, BreakdownDifference, CategoryColumn } from './types.ts';

export const DIFFERENCE = { p: 0.01, points: 0.1, minCustomers: 5, residual: 2.576 } as const;

/** `labels` are 1-based segment ids per row, `k` the number of segments. */
export function computeBreakdowns(
  columns: readonly CategoryColumn[],
  labels: Int32Array,
  k: number,
): Breakdown[] {
  return columns.map((column) => breakdown(column, labels, k));
}

function breakdown(column: CategoryColumn, labels: Int32Array, k: number): Breakdown {
  const L = column.levels.length;
  const counts = new Float64Array(k * L);
  for (let i = 0; i < labels.length; i++) {
    const code = column.codes[i]!;
    if (code >= 0) counts[(labels[i]! - 1) * L + code]!++;
  }
  const levelTotals = Array.from({ length: L }, (_, l) => {
    let sum = 0;
    for (let s = 0; s < k; s++) sum += counts[s * L + l]!;
    return sum;
  });
  const segmentTotals = Array.from({ length: k }, (_, s) => {
    let sum = 0;
    for (let l = 0; l < L; l++) sum += counts[s * L + l]!;
    return sum;
  });
  const stated = levelTotals.reduce((a, b) => a + b, 0);
  const order = Array.from({ length: L }, (_, l) => l)
    .filter((l) => levelTotals[l]! > 0)
    .sort((a, b) => levelTotals[b]! - levelTotals[a]! || compare(column.levels[a]!, column.levels[b]!));
  const share = (n: number, of: number) => (of > 0 ? n / of : 0);
  const levels = order.map((l) => ({
    value: column.levels[l]!,
    share: share(levelTotals[l]!, stated),
    count: levelTotals[l]!,
  }));
  const bySegment = segmentTotals.map((total, s) => ({
    id: s + 1,
    stated: total,
    shares: Object.fromEntries(order.map((l) => [column.levels[l]!, share(counts[s * L + l]!, total)])),
  }));
  const test = independence(counts, segmentTotals, levelTotals, order, stated, L);
  const differences: BreakdownDifference[] = [];
  if (test.p < DIFFERENCE.p) {
    bySegment.forEach((segment, s) => {
      if (segment.stated < DIFFERENCE.minCustomers) return;
      let best: BreakdownDifference | null = null;
      for (const [l, level] of order.map((l, at) => [l, levels[at]!] as const)) {
        const own = share(counts[s * L + l]!, segment.stated);
        if (own - level.share < DIFFERENCE.points) continue;
        if (adjustedResidual(counts[s * L + l]!, segment.stated, level.count, stated) < DIFFERENCE.residual)
          continue;
        if (best === null || own - level.share > best.share - best.overall)
          best = { id: segment.id, value: level.value, share: own, overall: level.share };
      }
      if (best) differences.push(best);
    });
    differences.sort((a, b) => b.share - b.overall - (a.share - a.overall) || a.id - b.id);
  }
  return { column: column.header, levels, stated, bySegment, test, differences };
}

/** (observed − expected) / its standard error under independence, for one segment × level cell. */
function adjustedResidual(observed: number, segmentTotal: number, levelTotal: number, total: number): number {
  const expected = (segmentTotal * levelTotal) / total;
  const variance = expected * (1 - segmentTotal / total) * (1 - levelTotal / total);
  return variance > 0 ? (observed - expected) / Math.sqrt(variance) : 0;
}

function independence(
  counts: Float64Array,
  segmentTotals: number[],
  levelTotals: number[],
  order: number[],
  stated: number,
  L: number,
): Breakdown['test'] {
  const rows = segmentTotals.filter((t) => t > 0).length;
  const df = (rows - 1) * (order.length - 1);
  if (df <= 0 || stated === 0) return { statistic: 0, df: 0, p: 1 };
  let statistic = 0;
  segmentTotals.forEach((total, s) => {
    if (total === 0) return;
    for (const l of order) {
      const expected = (total * levelTotals[l]!) / stated;
      statistic += (counts[s * L + l]! - expected) ** 2 / expected;
    }
  });
  return { statistic, df, p: 1 - chiSquareCdf(statistic, df) };
}

/** Deterministic, locale-free ordering of level names. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
