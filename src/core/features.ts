/**
 * The feature catalogue: every fact about a feature, stated once. Ingest reads
 * header aliases and plausible bounds from it, both command grammars read the
 * words people type and the bounds, core options and model validation read
 * the names and bounds, the store, the charts and the help read titles, units
 * and number formats.
 *
 * A feature is data, not code: `FEATURE_CATALOGUE` holds the three columns of
 * the Mall file, and `describeColumn()` gives any other numeric column (an
 * extra column of an upload, a recency/frequency/monetary figure computed from
 * transactions) the same shape, so code that takes a `FeatureSpec` works for
 * all of them. The texts here are labels (titles, nouns, units), never
 * sentences: sentences are made at the edges (src/words.ts, commands/messages.ts).
 */
import { z } from 'zod';
import {
  type CatalogueFeature,
  type CustomerTable,
  type ExtraColumnRole,
  FEATURES,
  type Feature,
  isCatalogueFeature,
  type SourceInfo,
} from './types.ts';

/** Values a feature can plausibly take; anything outside is a mistake in the data, not a customer. */
export interface Bounds {
  readonly min: number;
  readonly max: number;
  /** Only whole numbers (ages). */
  readonly whole: boolean;
}

export interface FeatureSpec {
  /** Canonical name: the key in tables, settings, JSON and the store. */
  readonly name: string;
  /** The column header in the reference (Mall) file, used in exports and "missing column" messages. */
  readonly header: string;
  /** Other header spellings, best match first (compared without case, accents, spaces, punctuation). */
  readonly headerAliases: readonly string[];
  /** Words people type for it in a command (`spend`, `score`), beside the canonical name. */
  readonly commandWords: readonly string[];
  /** Display title: table columns and chart legends ("Annual income"). */
  readonly title: string;
  /** Unit label, or '' for a unitless figure ("k$", "years", "1–100"). */
  readonly unit: string;
  /** The feature inside a sentence ("annual income"). */
  readonly noun: string;
  /** What one unit of it is, in words, for "a number of … from 0 to 10,000" ('' when unitless). */
  readonly measure: string;
  readonly bounds: Bounds;
  /**
   * A unit mix-up common enough to name: values `factor` times too large, written
   * in `unit` (incomes in dollars in a k$ column). A file refused for such values says so.
   */
  readonly unitSlip?: { readonly factor: number; readonly unit: string };
  /** Decimals shown for a mean or a centre. */
  readonly decimals: number;
}

export const FEATURE_CATALOGUE: Readonly<Record<CatalogueFeature, FeatureSpec>> = {
  age: {
    name: 'age',
    header: 'Age',
    headerAliases: ['Age'],
    commandWords: ['years'],
    title: 'Age',
    unit: 'years',
    noun: 'age',
    measure: '',
    bounds: { min: 0, max: 120, whole: true },
    decimals: 1,
  },
  income: {
    name: 'income',
    header: 'Annual Income (k$)',
    headerAliases: [
      'Annual Income (k$)',
      'annual_income_thousands',
      'annual_income',
      'Annual Income',
      'income',
      'Revenu annuel (k€)',
      'Revenu annuel',
      'Revenu',
    ],
    commandWords: ['salary', 'annual_income', 'annual-income'],
    title: 'Annual income',
    unit: 'k$',
    noun: 'annual income',
    measure: 'k$',
    // Thousands of dollars: 10,000 k$ is ten million a year, beyond any mall customer.
    bounds: { min: 0, max: 10_000, whole: false },
    // Exports often give dollars: 45,000 in a k$ column is 45 k$.
    unitSlip: { factor: 1000, unit: 'dollars' },
    decimals: 1,
  },
  spending: {
    name: 'spending',
    header: 'Spending Score (1-100)',
    headerAliases: [
      'Spending Score (1-100)',
      'spending_score',
      'score',
      'spending',
      'Score de dépenses (1-100)',
      'Score de dépenses',
      'Score dépenses',
    ],
    commandWords: ['spend', 'score', 'spending_score', 'spending-score'],
    title: 'Spending score',
    unit: '1–100',
    noun: 'spending score',
    measure: '',
    // Scores are whole numbers in the Mall data, but a decimal score is still a score.
    bounds: { min: 1, max: 100, whole: false },
    decimals: 1,
  },
};

/** The k a user may choose, everywhere: Slack, the CLI, the store, core options and the help. */
export const K_LIMITS = { min: 2, max: 15 } as const;

/** How many features a segmentation takes: at least two (one feature is a histogram, not a map), at most 20. */
export const FEATURE_COUNT = { min: 2, max: 20 } as const;

/** "Annual income (k$)": the title with its unit, for axes and table headers. */
export const titleWithUnit = (spec: FeatureSpec) => (spec.unit ? `${spec.title} (${spec.unit})` : spec.title);

export const featureSpec = (feature: CatalogueFeature): FeatureSpec => FEATURE_CATALOGUE[feature];

export type CandidateRole = Extract<ExtraColumnRole, { role: 'candidate' }>;

/** The file's candidate columns (its other numeric columns, which `features` may choose), in file order. */
export const candidateColumns = (source: Pick<SourceInfo, 'extraRoles'> | undefined): CandidateRole[] =>
  (source?.extraRoles ?? []).filter((r): r is CandidateRole => r.role === 'candidate');

/** The candidate column a feature names, if the file has one. */
export const candidateRole = (
  source: Pick<SourceInfo, 'extraRoles'> | undefined,
  feature: Feature,
): CandidateRole | undefined => candidateColumns(source).find((r) => r.name === feature);

/**
 * Any feature's description: the catalogue's row, or a candidate column's from
 * what ingest recorded (`extraRoles`: title, unit, observed range). Without a
 * source (a name alone) a candidate is described from its name.
 */
export function featureSpecIn(
  source: Pick<SourceInfo, 'extraRoles'> | undefined,
  feature: Feature,
): FeatureSpec {
  if (isCatalogueFeature(feature)) return FEATURE_CATALOGUE[feature];
  const role = candidateRole(source, feature);
  if (role) {
    const spec = describeColumn(role.column, { name: feature, unit: role.unit });
    return { ...spec, title: role.title, noun: titleNoun(role.title) };
  }
  const title = feature.replace(/_/g, ' ');
  return {
    ...describeColumn(title, { name: feature }),
    title: title.charAt(0).toUpperCase() + title.slice(1),
  };
}

/** Any feature's title with its unit ("Annual income (k$)", "Tenure (months)"): for axes, tables and lists. */
export const featureTitleIn = (
  source: Pick<SourceInfo, 'extraRoles'> | undefined,
  feature: Feature,
): string => titleWithUnit(featureSpecIn(source, feature));

/** A feature's values, row-aligned with the table: a catalogue column or a candidate column. */
export function featureColumn(table: CustomerTable, feature: Feature): Float64Array {
  if (isCatalogueFeature(feature)) return table[feature];
  const column = table.numbers?.find((c) => c.name === feature);
  // Callers check the features against the source first (core/source.ts), so this is a bug.
  if (!column) throw new Error(`featureColumn: the table has no column for "${feature}"`);
  return column.values;
}

/** All catalogue features in their canonical order. */
export const featureSpecs = (): FeatureSpec[] => FEATURES.map(featureSpec);

/** Canonical feature for a word typed in a command (`spend` → spending), or undefined. */
export function featureForWord(word: string): CatalogueFeature | undefined {
  const w = word.toLowerCase();
  return FEATURES.find((f) => f === w || FEATURE_CATALOGUE[f].commandWords.includes(w));
}

/** Whether a value lies within a feature's plausible bounds. NaN fails every comparison. */
export function withinBounds(bounds: Bounds, value: number): boolean {
  return (
    Number.isFinite(value) &&
    value >= bounds.min &&
    value <= bounds.max &&
    (!bounds.whole || Number.isInteger(value))
  );
}

/**
 * A discovered numeric column described with the catalogue's shape, so an
 * extra column or a computed figure (recency, frequency, monetary) is one more
 * row of data. Its bounds come from the caller (for example the values seen),
 * or are open.
 */
export function describeColumn(
  header: string,
  options: { name?: string; unit?: string; bounds?: Partial<Bounds>; decimals?: number } = {},
): FeatureSpec {
  const name =
    options.name ??
    header
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '');
  return {
    name,
    header,
    headerAliases: [header],
    commandWords: [],
    title: header,
    unit: options.unit ?? '',
    noun: header.toLowerCase(),
    measure: '',
    bounds: {
      min: options.bounds?.min ?? Number.NEGATIVE_INFINITY,
      max: options.bounds?.max ?? Number.POSITIVE_INFINITY,
      whole: options.bounds?.whole ?? false,
    },
    decimals: options.decimals ?? 1,
  };
}

/** A zod number within bounds (for the command grammar and model validation); `message` names the rule. */
export function boundedNumber(bounds: Bounds, message: string) {
  let schema = z.number({ error: message }).min(bounds.min, { error: message });
  if (Number.isFinite(bounds.max)) schema = schema.max(bounds.max, { error: message });
  return bounds.whole ? schema.int({ error: message }) : schema;
}

/**
 * What makes an extra column usable (ingest/extras.ts): a breakdown has at
 * most `maxLevels` levels, and a column with more than `maxEmptyShare` of its
 * cells empty describes too few customers to use.
 */
export const EXTRA_COLUMN_LIMITS = { maxLevels: 30, maxEmptyShare: 0.5 } as const;

const UNIT_IN_HEADER = /^(.*?)\s*[([]\s*([^()[\]]+?)\s*[)\]]\s*$/;

/**
 * The display title and unit a header states: `Tenure (months)` → Tenure,
 * months; `Basket size [€]` → Basket size, €; `LoyaltyTier` → Loyalty tier;
 * `online_share` → Online share. A header without brackets has no unit.
 */
export function headerTitle(header: string): { title: string; unit: string } {
  const match = UNIT_IN_HEADER.exec(header.trim());
  const base = match && match[1] !== '' ? match[1]! : header.trim();
  const unit = match && match[1] !== '' ? match[2]! : '';
  const words = base
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\s]+/g, ' ')
    .trim()
    .split(' ');
  const title = words
    // Later words lower-cased, acronyms kept: `LoyaltyTier` → Loyalty tier, `Online NPS` → Online NPS.
    .map((w, i) =>
      i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : /^[A-Z][a-z]/.test(w) ? w.toLowerCase() : w,
    )
    .join(' ');
  return { title, unit };
}

/** A title inside a sentence: lower-cased but for its acronyms (`Online NPS` → online NPS, `Loyalty tier` → loyalty tier). */
export const titleNoun = (title: string) =>
  title
    .split(' ')
    .map((w) => (/^[A-Z0-9]*[A-Z][A-Z0-9]+$/.test(w) ? w : w.toLowerCase()))
    .join(' ');

/**
 * Letters NFKD does not take apart into a base letter and marks. German umlauts are
 * spelled out as Germans do when they cannot write them (Größe → groesse, Ärger → aerger):
 * dropping the dots gives `grosse`, which reads as another word, and `ß` was dropped outright.
 */
const SPELLED_OUT: Record<string, string> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  þ: 'th',
  ð: 'd',
};

/**
 * A feature name as commands, options and the store take it (`visits`, `tenure`): snake case,
 * a letter first. Catalogue names and most `headerName`s have this shape; analyze checks a name against the file.
 */
export const FEATURE_NAME_PATTERN = /^[a-z][a-z0-9_]*$/;

/**
 * The canonical name of an extra column: its title in snake case and plain ASCII, the name
 * users type to choose it as a feature or give its value in a prediction (`Tenure (months)` →
 * tenure, `Größe` → groesse, `Durée` → duree).
 */
export function headerName(header: string): string {
  return headerTitle(header)
    .title.toLowerCase()
    .replace(/[äöüßẞæœøłđþð]/g, (c) => SPELLED_OUT[c]!)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/** Words that say a header holds identifiers or codes, not a measure or a level (`CustomerID`, `Email`, `Zip`). */
const ID_WORDS = new Set(['id', 'uuid', 'guid', 'email', 'mail', 'phone', 'zip', 'postcode', 'postal']);

export function headerNamesAnId(header: string): boolean {
  const words = header
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  return words.some((w) => ID_WORDS.has(w)) || /^e-?mail/i.test(header.trim());
}
