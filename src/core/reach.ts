/**
 * How far the training data reaches, so a prediction can say when a customer
 * is unlike any it was fitted on. Nearest-centre assignment always names a
 * segment, even for an income of 600 k$ in a file whose highest is 137 k$
 * (513 from the nearest centre, where no training customer is more than 50.5
 * from theirs): these figures let predict() mark such an answer tentative.
 */

import { quantileInPlace } from './order.ts';
import type { Points } from './points.ts';
import type { Feature, FeatureRange, FeatureSummary, PredictionWarning, SegmentModel } from './types.ts';

/** The share of training customers that count as "nearly all" for the distance check. */
export const DISTANCE_QUANTILE = 0.99;

/** Per used feature, the lowest and highest training value, as the EDA already found them. */
export function trainingRanges(
  describe: readonly FeatureSummary[],
  features: readonly Feature[],
): Partial<Record<Feature, FeatureRange>> {
  const ranges: Partial<Record<Feature, FeatureRange>> = {};
  for (const d of describe)
    if (features.includes(d.feature) && d.count > 0) ranges[d.feature] = { min: d.min, max: d.max };
  return ranges;
}

/**
 * The `DISTANCE_QUANTILE` quantile (type 7) of each customer's Euclidean distance
 * to its own centre. `labels` are 1-based segment ids; `centroids` is k×d, row-major.
 */
export function ownCentreDistanceQuantile(
  scaled: Points,
  labels: Int32Array,
  centroids: Float64Array,
): number {
  const { n, d, data } = scaled;
  const distances = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = (labels[i]! - 1) * d;
    let sum = 0;
    for (let j = 0; j < d; j++) sum += (data[i * d + j]! - centroids[c + j]!) ** 2;
    distances[i] = Math.sqrt(sum);
  }
  return quantileInPlace(distances, DISTANCE_QUANTILE);
}

// A customer exactly at the 99th percentile is as typical as the training customer there.
const TOLERANCE = 1e-9;

/**
 * What makes a customer unlike the training data: a used feature outside its
 * training range, or a nearest centre farther than nearly all training
 * customers are from theirs. A check whose figure the model lacks (an older
 * stored model) is skipped.
 */
export function unlikeTraining(
  model: SegmentModel,
  values: readonly number[],
  nearestDistance: number,
): PredictionWarning[] {
  const warnings: PredictionWarning[] = [];
  model.features.forEach((feature, j) => {
    const range = model.ranges?.[feature];
    const value = values[j]!;
    if (!range) return;
    if (value > range.max) warnings.push({ code: 'above_training_range', feature, value, limit: range.max });
    else if (value < range.min)
      warnings.push({ code: 'below_training_range', feature, value, limit: range.min });
  });
  const limit = model.distanceP99;
  if (limit !== undefined && nearestDistance > limit * (1 + TOLERANCE) + TOLERANCE)
    warnings.push({
      code: 'far_from_centres',
      distance: nearestDistance,
      limit,
      quantile: DISTANCE_QUANTILE,
    });
  return warnings;
}
