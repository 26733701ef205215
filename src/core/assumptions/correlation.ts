import { type Check, FEATURE_WORDS, result, verdictAtMost } from './context.ts';

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
  const pair = `${FEATURE_WORDS[worst.a]} and ${FEATURE_WORDS[worst.b]}`;
  return result('correlation', 'Features not redundant', {
    status,
    value,
    threshold: 0.8,
    message:
      status === 'pass'
        ? `No two features move together strongly (largest correlation ${worst.r.toFixed(2)}, between ${pair}).`
        : `${pair} are strongly correlated (r = ${worst.r.toFixed(2)}): they largely measure the same thing and count twice.`,
    ...(status === 'pass' ? {} : { remedy: 'Drop one of the two features', action: { action: 'features' } }),
    details,
  });
};
