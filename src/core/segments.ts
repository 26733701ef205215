/**
 * Segment profiles: stable ids, sizes, centres in original units, gender mix,
 * names and advice. Ids follow size (1 = largest) with ties broken by the
 * centre's coordinates, so the same data and seed always give the same ids
 * whatever order k-means found the clusters in.
 */
import { featureColumn } from './features.ts';
import { levelOf, segmentName } from './naming.ts';
import type { Points } from './points.ts';
import {
  type CustomerTable,
  type Eda,
  FEATURES,
  type Feature,
  GENDER_CODE,
  isCatalogueFeature,
  type Level,
  type Segment,
} from './types.ts';

/** old cluster index → new 0-based position. */
export function stableOrder(labels: Int32Array, centroids: Float64Array, k: number, d: number): Int32Array {
  const sizes = new Float64Array(k);
  for (const l of labels) sizes[l]! += 1;
  const order = Array.from({ length: k }, (_, c) => c).sort((a, b) => {
    if (sizes[b] !== sizes[a]) return sizes[b]! - sizes[a]!;
    for (let j = 0; j < d; j++) {
      const diff = centroids[a * d + j]! - centroids[b * d + j]!;
      if (diff !== 0) return diff;
    }
    return a - b;
  });
  const rank = new Int32Array(k);
  order.forEach((c, position) => {
    rank[c] = position;
  });
  return rank;
}

interface Accumulator {
  size: number;
  sums: Record<(typeof FEATURES)[number], number>;
  /** Per candidate column clustered on, in `extras` order. */
  extraSums: number[];
  gender: [number, number, number];
  spread: number;
}

function accumulate(
  table: CustomerTable,
  labels: Int32Array,
  k: number,
  scaled: Points,
  centroids: Float64Array,
  extras: readonly Float64Array[],
) {
  const acc: Accumulator[] = Array.from({ length: k }, () => ({
    size: 0,
    sums: { age: 0, income: 0, spending: 0 },
    extraSums: extras.map(() => 0),
    gender: [0, 0, 0],
    spread: 0,
  }));
  const { d, data } = scaled;
  for (let i = 0; i < table.length; i++) {
    const c = labels[i]! - 1;
    const a = acc[c]!;
    a.size++;
    for (const f of FEATURES) a.sums[f] += table[f][i]!;
    for (let e = 0; e < extras.length; e++) a.extraSums[e]! += extras[e]![i]!;
    a.gender[table.gender[i]!]! += 1;
    for (let j = 0; j < d; j++) a.spread += (data[i * d + j]! - centroids[c * d + j]!) ** 2;
  }
  return acc;
}

export interface ProfileInput {
  table: CustomerTable;
  /** 1-based segment ids per row, already in stable order. */
  labels: Int32Array;
  k: number;
  scaled: Points;
  /** Scaled-space centroids in stable order. */
  centroids: Float64Array;
  features: Feature[];
  eda: Eda;
  silhouetteBySegment: number[];
  /** A candidate column's noun in a segment name ("visits"); from the source's record of it. */
  noun?: (feature: Feature) => string;
}

export function profileSegments(input: ProfileInput): Segment[] {
  const { table, k, eda, features } = input;
  // Candidate columns clustered on are profiled like the catalogue's features.
  const extras = features.filter((f) => !isCatalogueFeature(f));
  const extraColumns = extras.map((f) => featureColumn(table, f));
  const acc = accumulate(table, input.labels, k, input.scaled, input.centroids, extraColumns);
  const stats = Object.fromEntries(eda.describe.map((d) => [d.feature, d]));
  // The features the file has (eda.describe leaves out age without an Age column, whose values are NaN).
  const present = eda.describe.map((d) => d.feature);
  const withAge = present.includes('age');
  const segments = acc.map((a, c): Segment => {
    const means: Record<Feature, number> = {
      age: a.sums.age / a.size,
      income: a.sums.income / a.size,
      spending: a.sums.spending / a.size,
      ...Object.fromEntries(extras.map((f, e) => [f, a.extraSums[e]! / a.size])),
    };
    const levels = Object.fromEntries(
      present.map((f) => [f, levelOf(means[f]!, stats[f]!.mean, stats[f]!.std)]),
    ) as Record<Feature, Level>;
    return {
      id: c + 1,
      name: segmentName(levels, features, input.noun),
      // Income and spending are required columns, so both always have a level.
      advice: { code: 'levels', income: levels.income ?? 'Mid', spending: levels.spending ?? 'Mid' },
      size: a.size,
      share: a.size / table.length,
      centroid: Object.fromEntries(features.map((f) => [f, means[f]])),
      levels: Object.fromEntries(features.map((f) => [f, levels[f]])),
      ...(withAge ? { meanAge: means.age! } : {}),
      meanIncome: means.income!,
      meanSpending: means.spending!,
      genderShares: {
        Female: a.gender[GENDER_CODE.Female] / a.size,
        Male: a.gender[GENDER_CODE.Male] / a.size,
        unknown: a.gender[GENDER_CODE.unknown] / a.size,
      },
      silhouette: input.silhouetteBySegment[c] ?? 0,
      spread: a.spread / a.size,
    };
  });
  return disambiguate(segments, present, input.noun ?? ((f) => f.replace(/_/g, ' ')));
}

const RANK_WORDS: Record<number, string[]> = { 2: ['lower', 'higher'], 3: ['lower', 'middle', 'higher'] };
const MEAN_OF = { age: 'meanAge', income: 'meanIncome', spending: 'meanSpending' } as const;
const FEATURE_NOUN = { age: 'age', income: 'income', spending: 'spending' } as const;

/**
 * Segments that share a name are told apart by the feature on which their
 * centres differ most ("… · lower income" / "… · higher income"); ids are the
 * last resort for four or more look-alikes.
 */
function disambiguate(
  segments: Segment[],
  present: readonly Feature[],
  noun: (feature: Feature) => string,
): Segment[] {
  const groups = new Map<string, Segment[]>();
  for (const s of segments) groups.set(s.name, [...(groups.get(s.name) ?? []), s]);
  const renamed = new Map<number, string>();
  for (const [name, group] of groups) {
    if (group.length < 2) continue;
    const words = RANK_WORDS[group.length];
    // Only the features the file has: a missing mean age would make every comparison false.
    const mean = (s: Segment, f: Feature) =>
      (isCatalogueFeature(f) ? s[MEAN_OF[f]] : s.centroid[f]) ?? Number.NaN;
    const spread = (f: Feature) =>
      Math.max(...group.map((s) => mean(s, f))) - Math.min(...group.map((s) => mean(s, f)));
    const feature = present.reduce((a, b) => (spread(b) > spread(a) ? b : a));
    const ranked = [...group].sort((a, b) => mean(a, feature) - mean(b, feature));
    ranked.forEach((s, i) => {
      renamed.set(
        s.id,
        words
          ? `${name} · ${words[i]} ${isCatalogueFeature(feature) ? FEATURE_NOUN[feature] : noun(feature)}`
          : `${name} (${s.id})`,
      );
    });
  }
  return segments.map((s) => ({ ...s, name: renamed.get(s.id) ?? s.name }));
}
