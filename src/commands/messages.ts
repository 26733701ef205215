/**
 * InputError → a Reply in plain English. The wording of the error itself is
 * describeInputError's (the same in Slack and the CLI); this adds a title per
 * kind of mistake and what happens next.
 */
import { InputError, type InputErrorCode } from '../core/errors.ts';
import { type FeatureSpec, featureSpecIn } from '../core/features.ts';
import type { Prediction, PredictionWarning } from '../core/types.ts';
import { describeInputError } from '../phrases/errors.ts';
import { withHint } from '../phrases/segments.ts';
import { formatCount, formatDecimal, formatMeasure, formatPercent } from './format.ts';
import { USAGE } from './help.ts';
import type { Reply } from './reply.ts';

const FILE_CODES: readonly InputErrorCode[] = [
  'empty_file',
  'header_only',
  'missing_column',
  'unterminated_quote',
  'malformed_csv',
  'binary_content',
  'unsupported_format',
  'corrupt_workbook',
  'password_protected',
  'empty_workbook',
  'file_too_large',
  'too_many_rows',
  'too_many_invalid_rows',
  'file_not_found',
  'ambiguous_dates',
  'file_external',
  'file_not_tabular',
  'file_not_downloadable',
  'download_login_page',
  'download_timeout',
  'download_stalled',
  'download_truncated',
  'download_http_error',
];

export function errorTitle(code: InputErrorCode): string {
  if (FILE_CODES.includes(code)) return 'That file could not be used';
  if (code === 'unknown_command') return 'Unknown command';
  if (code === 'invalid_customer') return 'Check the customer details';
  if (code === 'too_few_customers') return 'Not enough customers';
  if (code === 'invalid_model') return 'The saved model could not be used';
  return 'That option could not be used';
}

/** What the user is told about a bug: the id ties it to the log line that has the details. */
export const apologyWords = (errorId: string): string =>
  `Sorry, something went wrong on my side. If it keeps happening, mention error id \`${errorId}\`.`;

/** An input error as text alone, for a transport that shows no title (the CLI's `error:` line). */
export const errorText = (error: InputError): string => describeInputError(error);

/** The ephemeral answer to a mistake; `after` says what state the channel is left in. */
export function errorReply(error: InputError, after?: string): Reply {
  const text = describeInputError(error);
  const sections = after ? [{ body: after }] : [];
  if (error.code !== 'unknown_command' && !FILE_CODES.includes(error.code))
    sections.push({ body: USAGE.help });
  return {
    title: errorTitle(error.code),
    text,
    sections,
    // A refused file: one click to the expected format (the help lists the columns).
    ...(FILE_CODES.includes(error.code) ? { actions: [{ label: 'Expected format', command: 'help' }] } : {}),
    images: [],
    files: [],
    warnings: [],
    visibility: 'ephemeral',
    isError: true,
  };
}

/** Said under an answer that went out without some of its charts. */
export function missingChartsWarning(titles: readonly string[]): string {
  const list = titles.length === 1 ? `the ${titles[0]} chart` : `these charts: ${titles.join(', ')}`;
  return `Could not draw ${list} this time; the figures above are complete. Ask again to retry.`;
}

/** "600 k$", "15.5 k$", "70": a customer's value as the file writes it, with its measure. */
const valueWords = (spec: FeatureSpec, x: number) =>
  `${Number.isInteger(x) ? formatCount(x) : formatDecimal(x, spec.decimals)}${spec.measure ? ` ${spec.measure}` : ''}`;

export const UNLIKE = 'unlike any customer in this data';

/**
 * Why a prediction is tentative, in one plain sentence each (the Slack reply's
 * warnings and `segment predict --json`'s `warnings`).
 */
export function predictionWarningWords(warning: PredictionWarning): string {
  if (warning.code === 'far_from_centres') {
    const share = formatPercent(warning.quantile * 100);
    return `${UNLIKE}: ${formatMeasure(warning.distance)} from the nearest segment centre, where ${share} of the file's customers are within ${formatMeasure(warning.limit)} of their own`;
  }
  const spec = featureSpecIn(undefined, warning.feature);
  const side = warning.code === 'above_training_range' ? 'above the highest' : 'below the lowest';
  return `${UNLIKE}: ${spec.noun} ${valueWords(spec, warning.value)} is ${side} in the file (${valueWords(spec, warning.limit)})`;
}

/** An analysis date that is not a date: the same words for `/segment asof` and `--as-of`. */
export const asOfExpected = (text: string) =>
  `the analysis date must be a date written year first, e.g. 2011-12-10 (got "${text}")`;

/** predict in the customer form on order data: name the RFM form. */
export const customerPredictOnOrders = () =>
  new InputError(
    'invalid_customer',
    "this channel's data is order lines, so a customer is described by recency, frequency and spend, not by age, income and spending score",
    {},
    [`Try ${USAGE.predictRfm}.`],
  );

/** predict in the RFM form on customer data: name the customer form. */
export const rfmPredictOnCustomers = () =>
  new InputError(
    'invalid_customer',
    "this channel's data is one row per customer, so a customer is described by age, income and spending score; recency, frequency and monetary are for order lines",
    {},
    [`Try ${USAGE.predict}.`],
  );

/** features or scale on order data: RFM's features and scaling are fixed. */
export const fixedRfmFeatures = () =>
  new InputError(
    'invalid_option',
    "this channel's data is order lines: segments always use recency, frequency and spend, log-transformed and standardised, so features and scaling cannot be changed",
    {},
    [`Try ${USAGE.k} or ${USAGE.asof}.`],
  );

/** asof on customer data. */
export const asOfOnCustomers = () =>
  new InputError(
    'invalid_option',
    "the analysis date is for order lines (recency is counted to it); this channel's data is one row per customer, which has no dates",
    {},
    ['Share an order-line file (invoice, customer, date, price) to use it.'],
  );

/** A prediction with its words, as `segment predict --json` has always given it: the segment's `hint`, the warnings as sentences. */
export function predictionInWords(prediction: Prediction) {
  const { warnings, ...rest } = prediction;
  return { ...rest, segment: withHint(prediction.segment), warnings: warnings.map(predictionWarningWords) };
}
