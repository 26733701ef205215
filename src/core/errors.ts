/**
 * Problems a user can cause (a bad file, a bad command, a bad option). They are
 * values with a stable code and a message written for the person who caused
 * them; Slack and the CLI render them the same way. Anything that is not an
 * InputError is a bug.
 */
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
  | 'ambiguous_dates';

export interface Where {
  file?: string;
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
  ) {
    super(message);
  }
}

export const isInputError = (e: unknown): e is InputError => e instanceof InputError;

/** "customers.csv, line 12, column Age: " — the place, in the words users see. */
export function formatWhere(where: Where): string {
  const parts: string[] = [];
  if (where.file) parts.push(where.file);
  if (where.line !== undefined) parts.push(`line ${where.line}`);
  if (where.column) parts.push(`column ${where.column}`);
  return parts.join(', ');
}

/** The full user-facing text of an input error, without any stack. */
export function describeInputError(e: InputError): string {
  const where = formatWhere(e.where);
  const head = where ? `${where}: ${e.message}` : e.message;
  return e.details.length ? `${head}\n${e.details.map((d) => `  - ${d}`).join('\n')}` : head;
}
