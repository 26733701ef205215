import { hopkins } from '../hopkins.ts';
import { deriveSeed } from '../random.ts';
import { type Check, result, verdictAtLeast } from './context.ts';

/** Does the data have groups at all? K-means will always return k groups, even from noise. */
export const tendencyCheck: Check = (ctx) => {
  const value = hopkins(ctx.standardised, { seed: deriveSeed(ctx.options.seed, 'hopkins') });
  const status = verdictAtLeast(value, 0.75, 0.6);
  return result('tendency', 'The data has natural groups', {
    status,
    value,
    threshold: 0.75,
    message:
      status === 'pass'
        ? `Customers clearly bunch into groups (Hopkins statistic ${value.toFixed(2)}; 0.5 would mean no grouping, 1 perfect grouping).`
        : value < 0.5
          ? `Customers are spread evenly rather than in groups (Hopkins statistic ${value.toFixed(2)}; 0.5 means no grouping), so segments are arbitrary cuts.`
          : `Customers bunch only ${status === 'warn' ? 'weakly' : 'barely'} into groups (Hopkins statistic ${value.toFixed(2)}; 0.5 means no grouping), so segments may be arbitrary cuts.`,
    ...(status === 'pass'
      ? {}
      : { remedy: 'Treat the segments as broad bands rather than distinct groups, or try other features.' }),
  });
};
