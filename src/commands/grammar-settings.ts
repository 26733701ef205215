/**
 * Arguments of the settings commands: `k …`, `features …` and `scale …`.
 * Aliases follow the words people use for the Mall columns ("spend", "score",
 * "salary"); canonical names come out.
 */
import { InputError } from '../core/errors.ts';
import { FEATURE_COUNT, FEATURE_NAME_PATTERN, featureForWord, K_LIMITS } from '../core/features.ts';
import { FEATURES, type Feature, type Scaling } from '../core/types.ts';
import { listWords } from '../words.ts';
import type { Command } from './command.ts';
import { USAGE } from './help.ts';

export const K_MIN = K_LIMITS.min;
export const K_MAX = K_LIMITS.max;

const SCALING_ALIASES: Record<string, Scaling> = {
  zscore: 'zscore',
  'z-score': 'zscore',
  z: 'zscore',
  standard: 'zscore',
  standardize: 'zscore',
  standardise: 'zscore',
  minmax: 'minmax',
  'min-max': 'minmax',
  range: 'minmax',
  none: 'none',
  off: 'none',
  raw: 'none',
};

const invalid = (message: string, usage: string) =>
  new InputError('invalid_option', message, {}, [`Try ${usage}.`]);

export function parseK(args: readonly string[]): Command {
  if (args.length === 0) return { kind: 'k' };
  const [value = ''] = args;
  if (args.length > 1) throw invalid(`k takes one value (got "${args.join(' ')}")`, USAGE.k);
  if (value.toLowerCase() === 'auto') return { kind: 'k', auto: true };
  const k = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(k >= K_MIN && k <= K_MAX)) {
    throw invalid(`k must be a whole number from ${K_MIN} to ${K_MAX}, or "auto" (got "${value}")`, USAGE.k);
  }
  return { kind: 'k', k };
}

export function parseScaling(args: readonly string[]): Scaling {
  const [value] = args;
  if (value === undefined) throw invalid('scale needs one of zscore, minmax or none', USAGE.scale);
  if (args.length > 1) throw invalid(`scale takes one value (got "${args.join(' ')}")`, USAGE.scale);
  const scaling = SCALING_ALIASES[value.toLowerCase()];
  if (!scaling) throw invalid(`scale must be zscore, minmax or none (got "${value}")`, USAGE.scale);
  return scaling;
}

/** `features a b [c] [scale s]`; a bare `features scale s` changes only the scaling. */
export function parseFeatures(args: readonly string[]): Command {
  const scaleAt = args.findIndex((a) => a.toLowerCase() === 'scale' || a.toLowerCase() === 'scaling');
  const names = scaleAt === -1 ? args : args.slice(0, scaleAt);
  const scaling = scaleAt === -1 ? undefined : parseScaling(args.slice(scaleAt + 1));
  if (names.length === 0 && scaling) return { kind: 'features', scaling };
  const features = names.map(featureOf);
  const twice = features.find((f, i) => features.indexOf(f) !== i);
  if (twice) throw invalid(`${twice} is listed twice`, USAGE.features);
  if (features.length > FEATURE_COUNT.max)
    throw invalid(`features takes at most ${FEATURE_COUNT.max} (got ${features.length})`, USAGE.features);
  if (features.length < FEATURE_COUNT.min) {
    const got = names.length ? `got ${names.length}: ${names.join(' ')}` : 'got none';
    throw invalid(
      `features needs at least ${FEATURE_COUNT.min} of ${listWords([...FEATURES])} (${got})`,
      USAGE.features,
    );
  }
  return scaling ? { kind: 'features', features, scaling } : { kind: 'features', features };
}

function featureOf(name: string): Feature {
  const feature =
    featureForWord(name) ?? (FEATURE_NAME_PATTERN.test(name.toLowerCase()) ? name.toLowerCase() : undefined);
  if (!feature) {
    throw invalid(
      `"${name}" is not a feature: choose from age, income and spending (or spend, score)`,
      USAGE.features,
    );
  }
  return feature;
}
