import type { AssumptionCheck, CheckId } from '../types.ts';
import type { Check, CheckContext } from './context.ts';
import { correlationCheck } from './correlation.ts';
import { outliersCheck } from './outliers.ts';
import { scaleCheck } from './scale.ts';
import { separationCheck } from './separation.ts';
import { sizeBalanceCheck } from './size-balance.ts';
import { skewnessCheck } from './skewness.ts';
import { spreadBalanceCheck } from './spread-balance.ts';
import { tendencyCheck } from './tendency.ts';

export type { CheckContext } from './context.ts';

/** In report order: the data before fitting, then the fitted segments. */
export const CHECKS: Record<CheckId, Check> = {
  scale: scaleCheck,
  correlation: correlationCheck,
  outliers: outliersCheck,
  skewness: skewnessCheck,
  tendency: tendencyCheck,
  sizeBalance: sizeBalanceCheck,
  spreadBalance: spreadBalanceCheck,
  separation: separationCheck,
};

export function runChecks(ctx: CheckContext): AssumptionCheck[] {
  return Object.values(CHECKS).map((check) => check(ctx));
}
