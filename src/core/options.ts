import { z } from 'zod';
import { InputError } from './errors.ts';
import { FEATURE_COUNT, K_LIMITS } from './features.ts';
import { type AnalysisOptions, FEATURES, SCALINGS } from './types.ts';

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
      .array(z.enum(FEATURES))
      .min(FEATURE_COUNT.min, `choose at least ${FEATURE_COUNT.min} features`)
      .refine((f) => new Set(f).size === f.length, 'a feature is listed twice'),
    scaling: z.enum(SCALINGS),
    k: z
      .number()
      .int()
      .min(K_LIMITS.min, `k must be at least ${K_LIMITS.min}`)
      .max(K_LIMITS.max, `k can be at most ${K_LIMITS.max}`)
      .optional(),
    kRange: z
      .object({ min: z.number().int().min(K_LIMITS.min), max: z.number().int().max(K_LIMITS.max) })
      .refine((r) => r.min <= r.max, 'the k range must run from low to high'),
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

/** Defaults filled in and every value checked; a bad option is an InputError naming it. */
export function resolveOptions(partial: Partial<AnalysisOptions> = {}): AnalysisOptions {
  const defined = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined));
  const scaling =
    defined.scaling ?? (partial.features?.includes('age') ? 'zscore' : DEFAULT_ANALYSIS_OPTIONS.scaling);
  const parsed = optionsSchema.safeParse({ ...DEFAULT_ANALYSIS_OPTIONS, ...defined, scaling });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError('invalid_option', `option ${issue.path.join('.') || 'value'}: ${issue.message}`);
  }
  return parsed.data as AnalysisOptions;
}
