import { z } from 'zod';
import { inputProblem, type OptionRule } from './errors.ts';
import { FEATURE_COUNT, FEATURE_NAME_PATTERN, K_LIMITS } from './features.ts';
import { type AnalysisOptions, isCatalogueFeature, SCALINGS, type ScalingChoice } from './types.ts';

/**
 * Analysis settings with their defaults. Income × spending unscaled is the
 * classic Mall segmentation (both run over a 0–100-ish range); when age is
 * added its narrower spread would be under-weighted, so z-scoring becomes the
 * default unless the caller chose a scaling.
 */
export const DEFAULT_ANALYSIS_OPTIONS: AnalysisOptions = {
  features: ['income', 'spending'],
  scaling: 'none',
  kRange: { min: 2, max: 10 },
  seed: 42,
  restarts: 10,
  maxIterations: 300,
  tolerance: 1e-6,
  sweepSampleSize: 10_000,
  silhouetteSampleSize: 3_000,
};

const optionsSchema = z
  .object({
    features: z
      // Catalogue names or a file's candidate columns; analyze() checks them against the file.
      .array(z.string().regex(FEATURE_NAME_PATTERN))
      .min(FEATURE_COUNT.min, 'too_few_features' satisfies OptionRule)
      .max(FEATURE_COUNT.max, 'too_many_features' satisfies OptionRule)
      .refine((f) => new Set(f).size === f.length, 'repeated_feature' satisfies OptionRule),
    scaling: z.enum(SCALINGS),
    k: z
      .number()
      .int()
      .min(K_LIMITS.min, 'k_below_min' satisfies OptionRule)
      .max(K_LIMITS.max, 'k_above_max' satisfies OptionRule)
      .optional(),
    kRange: z
      .object({ min: z.number().int().min(K_LIMITS.min), max: z.number().int().max(K_LIMITS.max) })
      .refine((r) => r.min <= r.max, 'k_range_reversed' satisfies OptionRule),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1),
    restarts: z.number().int().min(1).max(100),
    maxIterations: z.number().int().min(1).max(10_000),
    tolerance: z.number().min(0),
    sweepSampleSize: z.number().int().min(100),
    silhouetteSampleSize: z.number().int().min(50).max(20_000),
  })
  .strict();

const OPTION_RULES: readonly OptionRule[] = [
  'too_few_features',
  'too_many_features',
  'repeated_feature',
  'k_below_min',
  'k_above_max',
  'k_range_reversed',
];

/**
 * Why the analysis scales as it does: asked for, z-scores because the features
 * are in different units, or the plain default. Age, or any column of the file
 * beyond the catalogue, has its own unit: z-scores weigh them alike.
 */
export function scalingChoice(partial: Partial<AnalysisOptions> = {}): ScalingChoice {
  if (partial.scaling !== undefined) return 'user';
  const mixed = partial.features?.some((f) => f === 'age' || !isCatalogueFeature(f));
  return mixed ? 'mixedUnits' : 'default';
}

/** Defaults filled in and every value checked; a bad option is an InputError naming it. */
export function resolveOptions(partial: Partial<AnalysisOptions> = {}): AnalysisOptions {
  const defined = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined));
  const choice = scalingChoice(partial);
  const scaling = defined.scaling ?? (choice === 'mixedUnits' ? 'zscore' : DEFAULT_ANALYSIS_OPTIONS.scaling);
  const parsed = optionsSchema.safeParse({ ...DEFAULT_ANALYSIS_OPTIONS, ...defined, scaling });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const option = issue.path.join('.') || 'value';
    // The rules above carry their code as their message; any other is zod's own text.
    const rule = OPTION_RULES.find((r) => r === issue.message);
    throw inputProblem(
      rule
        ? { kind: 'invalid_option', option, rule }
        : { kind: 'invalid_option', option, rule: 'invalid', detail: issue.message },
    );
  }
  return parsed.data as AnalysisOptions;
}
