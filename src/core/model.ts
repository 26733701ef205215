/**
 * The fitted model as plain data: what is saved, and all predict() needs.
 * Versioned and validated on load so a stored model from another version is a
 * clear error, not a wrong answer.
 */
import { z } from 'zod';
import { inputProblem } from './errors.ts';
import { boundedNumber, FEATURE_CATALOGUE } from './features.ts';
import { unlikeTraining } from './reach.ts';
import { scaleVector } from './scale.ts';
import {
  type CatalogueFeature,
  FEATURES,
  type Feature,
  isCatalogueFeature,
  type Prediction,
  SCALINGS,
  type SegmentModel,
} from './types.ts';

export interface NewCustomer {
  age: number;
  gender?: 'Female' | 'Male' | undefined;
  income: number;
  spending: number;
  /** Values for the file's candidate columns the segments use (`visits=12`), by feature name. */
  extra?: Record<string, number> | undefined;
}

// The catalogue's plausible bounds, the same ones ingest and both grammars apply; the issue names the feature.
const bounded = (feature: CatalogueFeature) => boundedNumber(FEATURE_CATALOGUE[feature].bounds, feature);
const customerSchema = z.object({
  age: bounded('age'),
  gender: z.enum(['Female', 'Male']).optional(),
  income: bounded('income'),
  spending: bounded('spending'),
  // A candidate column has no catalogue bounds; the training ranges say when a value is unlike the data.
  extra: z.record(z.string(), z.number().finite()).optional(),
});

const level = z.enum(['Low', 'Mid', 'High']);
const segmentAdvice = z.discriminatedUnion('code', [
  z.object({ code: z.literal('levels'), income: level, spending: level }),
  z.object({ code: z.literal('one_group') }),
]);

const modelSchema = z.object({
  version: z.literal(1),
  features: z.array(z.string()).min(1),
  scaler: z.object({ kind: z.enum(SCALINGS), shift: z.array(z.number()), divisor: z.array(z.number()) }),
  centroids: z.array(z.array(z.number())).min(1),
  segments: z.array(z.object({ id: z.number().int(), name: z.string(), advice: segmentAdvice })),
  training: z.object({
    rows: z.number(),
    k: z.number(),
    seed: z.number(),
    inertia: z.number(),
    silhouette: z.number(),
    restarts: z.number(),
  }),
  // Added after version 1 shipped: optional, so a model stored without them still loads and predicts.
  ranges: z.record(z.string(), z.object({ min: z.number(), max: z.number() })).optional(),
  distanceP99: z.number().min(0).optional(),
});

export const serializeModel = (model: SegmentModel): string => JSON.stringify(model);

export function parseModel(json: string): SegmentModel {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw inputProblem({ kind: 'model_not_json' });
  }
  const parsed = modelSchema.safeParse(raw);
  if (!parsed.success)
    throw inputProblem({ kind: 'model_not_version_1', detail: parsed.error.issues[0]!.message });
  return parsed.data as SegmentModel;
}

export function validateCustomer(customer: NewCustomer): NewCustomer {
  const parsed = customerSchema.safeParse(customer);
  if (!parsed.success) {
    const column = String(parsed.error.issues[0]!.path[0] ?? '');
    const feature = FEATURES.find((f) => f === column);
    // Gender is an enum the grammar checks first; a bad one here is a caller's bug, not the user's.
    if (!feature) throw new Error(`validateCustomer: invalid ${column}`);
    throw inputProblem({ kind: 'customer_out_of_bounds', feature }, { column });
  }
  // -0 passes `>= 0` but would be worded "-0.0"; it is the customer's 0.
  const { age, income, spending } = parsed.data;
  return { ...parsed.data, age: age + 0, income: income + 0, spending: spending + 0 };
}

/**
 * Nearest centre after the model's own scaling; margin = (d₂ − d₁) / (d₂ + d₁), 0 on a border, 1 at a centre.
 * A customer unlike the training data (core/reach.ts) still gets the nearest segment, marked tentative.
 */
export function predict(model: SegmentModel, customer: NewCustomer): Prediction {
  const valid = validateCustomer(customer);
  const missing = model.features.filter((f) => !isCatalogueFeature(f) && valid.extra?.[f] === undefined);
  if (missing.length > 0) throw inputProblem({ kind: 'customer_missing_feature', missing });
  const unknown = Object.keys(valid.extra ?? {}).filter((f) => !model.features.includes(f));
  if (unknown.length > 0)
    throw inputProblem({ kind: 'customer_unknown_feature', unknown, features: [...model.features] });
  const values = model.features.map((f: Feature) => (isCatalogueFeature(f) ? valid[f] : valid.extra![f]!));
  const x = scaleVector(values, model.scaler);
  const distances = model.centroids.map((c, i) => ({
    id: model.segments[i]!.id,
    name: model.segments[i]!.name,
    distance: Math.sqrt(c.reduce((s, v, j) => s + (v - x[j]!) ** 2, 0)),
  }));
  const ranked = [...distances].sort((a, b) => a.distance - b.distance || a.id - b.id);
  const [first, second] = [ranked[0]!, ranked[1] ?? ranked[0]!];
  const sum = first.distance + second.distance;
  const margin = sum > 0 ? (second.distance - first.distance) / sum : 1;
  const segment = model.segments.find((s) => s.id === first.id)!;
  const warnings = unlikeTraining(model, values, first.distance);
  return {
    segment,
    distances,
    margin,
    clarity: margin >= 0.3 ? 'clear' : margin >= 0.1 ? 'fairly clear' : 'borderline',
    tentative: warnings.length > 0,
    warnings,
  };
}
