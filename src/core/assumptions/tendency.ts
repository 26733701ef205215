import { hopkins } from '../hopkins.ts';
import { deriveSeed } from '../random.ts';
import type { Verdict } from '../types.ts';
import { type Check, result } from './context.ts';

const STATUS = { clear: 'pass', weak: 'warn', none: 'fail' } as const satisfies Record<string, Verdict>;

/**
 * Does the data have groups at all? K-means returns k groups even from noise.
 * The null-reference structure test decides (core/structure.ts); Hopkins is
 * reported beside it as a figure only: it passed every single Gaussian blob,
 * it samples by row index (so row order moves it), and with every row
 * repeated each sampled customer finds its own copy at distance 0, which
 * drives it to 1. The structure verdict depends on neither (its sample is
 * taken in value order; see structureSample).
 */
export const tendencyCheck: Check = (ctx) => {
  const st = ctx.structure;
  const h = hopkins(ctx.standardised, { seed: deriveSeed(ctx.options.seed, 'hopkins') });
  const reference = Math.max(st.gaussianMax, st.uniformMax);
  const figures = `silhouette ${st.silhouette.toFixed(2)} at k = ${st.k}, against at most ${reference.toFixed(2)} on ${st.draws * 2} groupless reference draws; Hopkins ${h.toFixed(2)}`;
  const status = STATUS[st.structure];
  return result('tendency', 'The data has natural groups', {
    status,
    value: st.silhouette,
    threshold: reference,
    message:
      st.structure === 'clear'
        ? `Customers form real groups (${figures}).`
        : st.structure === 'weak'
          ? `Customers group only weakly: the segments are barely more distinct than cuts through groupless data (${figures}), so treat them as tentative.`
          : `Customers form one continuous group: the segments are no more distinct than cuts through groupless data (${figures}), so any split would be arbitrary.`,
    ...(status === 'pass'
      ? {}
      : { remedy: 'Treat the segments as broad bands rather than distinct groups, or try other features.' }),
    details: {
      hopkins: h,
      gaussianMax: st.gaussianMax,
      uniformMax: st.uniformMax,
      beatGaussian: st.beatGaussian,
      beatUniform: st.beatUniform,
    },
  });
};
