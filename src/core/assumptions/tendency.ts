import { hopkins } from '../hopkins.ts';
import type { Points } from '../points.ts';
import { deriveSeed } from '../random.ts';
import { clearSilhouette, STRUCTURE_MIN_PROFILES_PER_SEGMENT } from '../structure.ts';
import type { StructureFigures, Verdict } from '../types.ts';
import { type Check, result } from './context.ts';

export interface TendencyContext {
  structure: StructureFigures;
  /** The fitted segments: one (no structure, k = 1) is advised as one group, not as "broad bands". */
  segments: ReadonlyArray<unknown>;
  standardised: Points;
  /** `k`: the user's fixed k, if any (then the test judged that split, not the data's groups). */
  options: { seed: number; k?: number };
}

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
export const tendencyCheck: Check<TendencyContext> = (ctx) => {
  const st = ctx.structure;
  const h = hopkins(ctx.standardised, { seed: deriveSeed(ctx.options.seed, 'hopkins') });
  if (st.structure === 'untested') {
    // Not a fail: the test could not judge, so the figure is the profiles it had, the threshold those it needs.
    const needed = STRUCTURE_MIN_PROFILES_PER_SEGMENT * st.k;
    return result('tendency', {
      status: 'warn',
      value: st.sampleSize,
      threshold: needed,
      finding: { code: 'tendency.untested', k: st.k, profiles: st.sampleSize, needed, hopkins: h },
      advice: { code: 'more-profiles' },
      details: { hopkins: h },
    });
  }
  const reference = Math.max(st.gaussianMax, st.uniformMax);
  const status = STATUS[st.structure];
  return result('tendency', {
    status,
    value: st.silhouette,
    threshold: clearSilhouette(st),
    finding: {
      code: `tendency.${st.structure}`,
      silhouette: st.silhouette,
      k: st.k,
      reference,
      draws: st.draws * 2,
      hopkins: h,
      ...(ctx.options.k !== undefined ? { userK: true } : {}),
    },
    ...(status === 'pass'
      ? {}
      : { advice: { code: ctx.segments.length === 1 ? 'one-group' : 'broad-bands' } }),
    details: {
      hopkins: h,
      gaussianMax: st.gaussianMax,
      uniformMax: st.uniformMax,
      beatGaussian: st.beatGaussian,
      beatUniform: st.beatUniform,
    },
  });
};
