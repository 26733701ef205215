import { K_LIMITS } from '../core/features.ts';

/** Every command with one line of explanation and a working example; the help reply and the grammar share it. */
export interface CommandHelp {
  name: string;
  what: string;
  examples: string[];
}

export const SLASH = '/segment';

export const COMMAND_HELP: readonly CommandHelp[] = [
  { name: 'summary', what: 'the segments: sizes, profiles and what to do with each', examples: ['summary'] },
  { name: 'eda', what: 'descriptive statistics and distributions of the data', examples: ['eda'] },
  { name: 'check', what: "whether k-means' assumptions hold for this data", examples: ['check'] },
  {
    name: 'k',
    what: `how the number of segments was chosen; set it (${K_LIMITS.min}–${K_LIMITS.max}), or go back to the recommendation`,
    examples: ['k', 'k 6', 'k auto'],
  },
  {
    name: 'features',
    what: "which columns to segment on (2 to 20 of age, income, spending and your file's other numeric columns, e.g. visits), optionally with a scaling; order lines always use recency, frequency and spend",
    examples: [
      'features age income spending',
      'features income spending visits',
      'features income spending scale none',
    ],
  },
  {
    name: 'scale',
    what: 'how features are scaled before clustering: zscore, minmax or none',
    examples: ['scale zscore'],
  },
  {
    name: 'predict',
    what: 'which segment a new customer belongs to: age, income k$ and spending score, with an optional gender after the age (`predict 25 60 75` means age 25, income 60, spending 75)',
    examples: ['predict 25 60 75', 'predict 25 F 60 75', 'predict age=25 gender=F income=60 spending=75'],
  },
  {
    name: 'predict',
    what: 'on order lines: which RFM segment a customer belongs to, from days since their last order, their number of orders and their spend',
    examples: ['predict recency=30 frequency=5 monetary=900'],
  },
  {
    name: 'asof',
    what: 'on order lines: the date recency is counted to (default: the day after the last invoice); `asof auto` returns to the default',
    examples: ['asof 2011-12-10', 'asof auto'],
  },
  {
    name: 'export',
    what: 'a CSV of every customer with their segment (for order lines: CustomerID, Recency, Frequency, Monetary, Country, Segment, Segment name)',
    examples: ['export'],
  },
  { name: 'data', what: 'which data this channel uses: file, uploader, date, rows', examples: ['data'] },
  {
    name: 'reset',
    what: 'go back to the bundled sample data and default settings: the sample customers, or with `orders` the sample order lines (200 customers’ purchases, to try the RFM segments)',
    examples: ['reset', 'reset orders'],
  },
  { name: 'help', what: 'this list', examples: ['help'] },
];

export const example = (args: string) => `\`${SLASH} ${args}\``;

export const USAGE = {
  k: `${example('k')}, ${example('k 6')} (a whole number from ${K_LIMITS.min} to ${K_LIMITS.max}) or ${example('k auto')}`,
  features: `${example('features age income spending')} or ${example('features income spending scale zscore')}`,
  scale: `${example('scale zscore')} (or minmax, none)`,
  predict: `${example('predict 25 F 60 75')} or ${example('predict age=25 gender=F income=60 spending=75')}`,
  predictRfm: example('predict recency=30 frequency=5 monetary=900'),
  asof: `${example('asof 2011-12-10')} or ${example('asof auto')}`,
  reset: `${example('reset')} (the sample customers) or ${example('reset orders')} (the sample order lines)`,
  help: `Type ${example('help')} to see every command.`,
} as const;
