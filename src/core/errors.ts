/**
 * Problems a user can cause (a bad file, a bad command, a bad option). They are
 * values with a stable code; Slack and the CLI render them the same way.
 * Anything that is not an InputError is a bug.
 *
 * Core raises them with a `problem`: the facts as data, no sentence (its
 * `message` is the problem's kind, for logs). phrases/errors.ts words them.
 * The edges (ingest, grammars) still pass their own message.
 */
import type { Feature } from './types.ts';
export type InputErrorCode =
  | 'empty_file'
  | 'header_only'
  | 'missing_column'
  | 'feature_not_in_file'
  | 'unterminated_quote'
  | 'malformed_csv'
  | 'binary_content'
  | 'unsupported_format'
  | 'corrupt_workbook'
  | 'password_protected'
  | 'empty_workbook'
  | 'file_too_large'
  | 'too_many_rows'
  | 'too_many_invalid_rows'
  | 'too_few_customers'
  | 'invalid_option'
  | 'invalid_customer'
  | 'invalid_model'
  | 'file_not_found'
  | 'unknown_command'
  | 'ambiguous_dates'
  // A shared Slack file the bot will not fetch or could not download (slack/files.ts).
  | 'file_external'
  | 'file_not_tabular'
  | 'file_not_downloadable'
  | 'download_login_page'
  | 'download_timeout'
  | 'download_stalled'
  | 'download_truncated'
  | 'download_http_error';

/** A rule an analysis option broke, as a code (the edges word it). */
export type OptionRule =
  | 'too_few_features'
  | 'too_many_features'
  | 'repeated_feature'
  | 'k_below_min'
  | 'k_above_max'
  | 'k_range_reversed'
  /** Any other rule: `detail` is the validator's own text. */
  | 'invalid';

/** What core found wrong with its input, as data. */
export type InputProblem =
  | { kind: 'feature_not_in_file'; missing: Feature[]; usable: Feature[] }
  /** `k` when the user fixed one (the count needed then depends on it). */
  /** `buyers`: order data, where only customers with purchases count. */
  | { kind: 'too_few_customers'; customers: number; needed: number; k?: number; buyers?: true }
  /**
   * The customers have fewer distinct profiles on the chosen features than the segments asked for;
   * `space` 'rfm': on recency, frequency and spend, counted up to `k` only.
   */
  | { kind: 'too_few_profiles'; profiles: number; k: number; space?: 'rfm' }
  /** The analysis date (`asOf`, ISO) is not after the first order (`firstOrder`). */
  | { kind: 'as_of_too_early'; asOf: string; firstOrder: string }
  | { kind: 'invalid_option'; option: string; rule: OptionRule; detail?: string }
  | { kind: 'model_not_json' }
  | { kind: 'model_not_version_1'; detail: string }
  | { kind: 'customer_out_of_bounds'; feature: Feature }
  /** A candidate column asked for as a feature has empty cells (`column` as written in the file). */
  | { kind: 'feature_has_gaps'; feature: Feature; column: string; empty: number }
  /** The segments use candidate columns the customer to place was given no value for. */
  | { kind: 'customer_missing_feature'; missing: Feature[] }
  /** Named values for columns the segments do not use (`height=180`); `features` are the ones they use. */
  | { kind: 'customer_unknown_feature'; unknown: string[]; features: Feature[] };

const PROBLEM_CODES: Record<InputProblem['kind'], InputErrorCode> = {
  feature_not_in_file: 'feature_not_in_file',
  too_few_customers: 'too_few_customers',
  too_few_profiles: 'too_few_customers',
  as_of_too_early: 'invalid_option',
  invalid_option: 'invalid_option',
  model_not_json: 'invalid_model',
  model_not_version_1: 'invalid_model',
  customer_out_of_bounds: 'invalid_customer',
  feature_has_gaps: 'feature_not_in_file',
  customer_missing_feature: 'invalid_customer',
  customer_unknown_feature: 'invalid_customer',
};

export interface Where {
  file?: string;
  /** The sheet of a workbook read as several sheets; `line` is then the row within it. */
  sheet?: string;
  line?: number;
  column?: string;
}

export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    readonly code: InputErrorCode,
    message: string,
    readonly where: Where = {},
    /** Further lines (e.g. the first rejected rows) shown under the message. */
    readonly details: string[] = [],
    /** Set by core: the facts, which phrases/errors.ts words instead of `message`. */
    readonly problem?: InputProblem,
  ) {
    super(message);
  }
}

/** Core's way to refuse input: a code and the facts, no words. */
export const inputProblem = (problem: InputProblem, where: Where = {}): InputError =>
  new InputError(PROBLEM_CODES[problem.kind], problem.kind, where, [], problem);

export const isInputError = (e: unknown): e is InputError => e instanceof InputError;
