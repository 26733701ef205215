/**
 * What a valid customer row is, stated once. RULES is the single source: the
 * per-row fast check (`passes`) and the zod schema (`rowSchema`, used to name
 * what is wrong with a rejected row) are both derived from it, so they cannot
 * disagree. Checking a million rows through zod costs ~0.2–0.3 s on its own,
 * which is why the hot path uses the typed check and zod only describes failures.
 */
import { z } from 'zod';
import { FEATURE_CATALOGUE } from '../core/features.ts';
import { type CatalogueFeature, type Feature, GENDER_CODE } from '../core/types.ts';
import { expectedValueWords } from '../words.ts';

export interface NumberRule {
  readonly min: number;
  readonly max: number;
  readonly whole: boolean;
  /** Shown to users after the value they wrote: `"abc" — expected …`. */
  readonly expected: string;
}

/** The catalogue's plausible bounds (core/features.ts), worded once (src/words.ts). */
const rule = (feature: CatalogueFeature): NumberRule => {
  const spec = FEATURE_CATALOGUE[feature];
  return { ...spec.bounds, expected: `expected ${expectedValueWords(spec)}` };
};

export const RULES = {
  age: rule('age'),
  income: rule('income'),
  spending: rule('spending'),
} as const satisfies Record<Feature, NumberRule>;

export const ID_EXPECTED = 'expected a customer id';
export const GENDER_EXPECTED = 'expected Male, Female, M or F';

export type NumericColumn = keyof typeof RULES;

/** The typed check used for every row. NaN (an unreadable number) fails every comparison. */
export function passes(rule: NumberRule, value: number): boolean {
  return (
    Number.isFinite(value) &&
    value >= rule.min &&
    value <= rule.max &&
    (!rule.whole || Number.isInteger(value))
  );
}

function numberSchema(rule: NumberRule) {
  const error = rule.expected;
  let schema = z.number({ error }).min(rule.min, { error });
  if (Number.isFinite(rule.max)) schema = schema.max(rule.max, { error });
  // zod 4 numbers already reject ±Infinity, matching `Number.isFinite` above.
  return rule.whole ? schema.int({ error }) : schema;
}

/** A converted row; used only to explain why a row failed `passes`. */
export const rowSchema = z.object({
  id: z.string().min(1, { error: ID_EXPECTED }),
  age: numberSchema(RULES.age),
  income: numberSchema(RULES.income),
  spending: numberSchema(RULES.spending),
});

/** For a file without an Age column: its ages are NaN and nothing checks them. */
export const rowSchemaWithoutAge = rowSchema.omit({ age: true });

export type ConvertedRow = z.input<typeof rowSchema>;

// Plain decimals only: an optional sign, digits, an optional decimal point.
// No exponents (`1e3`), hex (`0x10`), thousands separators or units: spreadsheets
// never write these for ages and scores, so seeing one means the cell is wrong.
const PLAIN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
// Files delimited by `;` or tab usually come from locales that write 15,5.
const PLAIN_OR_COMMA = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/;

/** Strict number reading: NaN for anything that is not a plain decimal. Leading zeros are fine (`007` → 7). */
export function parseDecimal(text: string, decimalComma: boolean): number {
  // Fast path for the usual cell, a few plain digits: the same answer as the pattern below, 5× quicker.
  const length = text.length;
  if (length > 0 && length < 10) {
    let value = 0;
    let at = 0;
    for (; at < length; at++) {
      const digit = text.charCodeAt(at) - 48;
      if (digit < 0 || digit > 9) break;
      value = value * 10 + digit;
    }
    if (at === length) return value;
  }
  const t = text.trim();
  if (decimalComma) return PLAIN_OR_COMMA.test(t) ? Number(t.replace(',', '.')) + 0 : Number.NaN;
  // `+ 0` turns -0 into 0 so "-0" does not leak a negative zero into the table.
  return PLAIN.test(t) ? Number(t) + 0 : Number.NaN;
}

/** Male/Female/M/F in any case → GENDER_CODE; anything else (blank included) → unknown. */
export function genderCode(text: string): number {
  if (text === 'Female') return GENDER_CODE.Female;
  if (text === 'Male') return GENDER_CODE.Male;
  switch (text.trim().toLowerCase()) {
    case 'female':
    case 'f':
    case 'femme':
      return GENDER_CODE.Female;
    case 'male':
    case 'm':
    case 'homme':
    case 'h':
      return GENDER_CODE.Male;
    default:
      return GENDER_CODE.unknown;
  }
}
