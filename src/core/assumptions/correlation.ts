import { type Check, result, verdictAtMost } from './context.ts';

/** Two strongly correlated features measure one thing twice and double its weight in the distance. */
export const correlationCheck: Check = (ctx) => {
  const { features, matrix } = ctx.eda.correlation;
  let worst = { r: 0, a: ctx.options.features[0]!, b: ctx.options.features[0]! };
  const details: Record<string, number> = {};
  for (const a of ctx.options.features) {
    for (const b of ctx.options.features) {
      if (a >= b) continue;
      const r = matrix[features.indexOf(a)]![features.indexOf(b)]!;
      details[`${a}-${b}`] = r;
      if (Math.abs(r) >= Math.abs(worst.r)) worst = { r, a, b };
    }
  }
  const value = Math.abs(worst.r);
  const status = verdictAtMost(value, 0.8, 0.9);
  return result('correlation', {
    status,
    value,
    threshold: 0.8,
    finding: {
      code: status === 'pass' ? 'correlation.low' : 'correlation.high',
      r: worst.r,
      pair: [worst.a, worst.b],
    },
    ...(status === 'pass' ? {} : { advice: { code: 'drop-feature' }, action: { action: 'features' } }),
    details,
  });
};
