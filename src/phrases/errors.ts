/**
 * Input errors in words, the same in Slack and the CLI: the place ("customers.csv,
 * line 12, column Age"), the problem, and any detail lines. Core's errors carry
 * their facts as a `problem`, worded here; the edges' own (ingest, grammars)
 * carry their message.
 */
import type { InputError, InputProblem, OptionRule, Where } from '../core/errors.ts';
import { FEATURE_CATALOGUE, FEATURE_COUNT, featureSpecIn, K_LIMITS } from '../core/features.ts';
import { isCatalogueFeature } from '../core/types.ts';
import { listWords } from '../words.ts';

/** "customers.csv, line 12, column Age" — the place, in the words users see. */
export function formatWhere(where: Where): string {
  const parts: string[] = [];
  if (where.file) parts.push(where.file);
  if (where.sheet !== undefined) parts.push(`sheet "${where.sheet}"`);
  if (where.line !== undefined) parts.push(`${where.sheet !== undefined ? 'row' : 'line'} ${where.line}`);
  if (where.column) parts.push(`column ${where.column}`);
  return parts.join(', ');
}

const RULE_WORDS: Record<Exclude<OptionRule, 'invalid'>, string> = {
  too_few_features: `choose at least ${FEATURE_COUNT.min} features`,
  too_many_features: `choose at most ${FEATURE_COUNT.max} features`,
  repeated_feature: 'a feature is listed twice',
  k_below_min: `k must be at least ${K_LIMITS.min}`,
  k_above_max: `k can be at most ${K_LIMITS.max}`,
  k_range_reversed: 'the k range must run from low to high',
};

const s = (n: number) => (n === 1 ? '' : 's');

/** One problem core found, as the sentence after the place. */
export function problemWords(problem: InputProblem): string {
  switch (problem.kind) {
    case 'feature_not_in_file': {
      // A word that is neither a catalogue feature nor one of this file's numeric columns.
      const unknown = problem.missing.find((f) => !isCatalogueFeature(f));
      if (unknown !== undefined) {
        const catalogue = problem.usable.filter(isCatalogueFeature);
        const own = problem.usable.filter((f) => !isCatalogueFeature(f));
        const base = `"${unknown}" is not a feature: choose from ${listWords(catalogue)}`;
        return own.length > 0
          ? `${base}, or a numeric column of this file: ${listWords(own)}`
          : `${base} (or spend, score)`;
      }
      const headers = problem.missing.map((f) => featureSpecIn(undefined, f).header);
      // A file's own columns by their feature name, the word `features` takes.
      const usable = problem.usable.map((f) => (isCatalogueFeature(f) ? FEATURE_CATALOGUE[f].noun : f));
      const columns = headers.length === 1 ? `${headers[0]} column` : `${headers.join(' or ')} columns`;
      return `this file has no ${columns}; segments can use ${listWords(usable)}, or share a file with the ${columns}`;
    }
    case 'feature_has_gaps':
      return `${problem.column} is empty in ${problem.empty} row${s(problem.empty)}, and segments need a value for every customer; fill those cells, or choose other features`;
    case 'customer_unknown_feature':
      return `the segments do not use ${listWords(problem.unknown)}; they use ${listWords(problem.features)}`;
    case 'customer_missing_feature':
      return `the segments also use ${listWords(problem.missing)}: give ${problem.missing.length === 1 ? 'its value' : 'their values'} as ${problem.missing.map((f) => `${f}=…`).join(' ')}`;
    case 'too_few_customers': {
      const what = problem.k ? `${problem.k} segments` : 'segments';
      const who = problem.buyers
        ? `customer${s(problem.customers)} with purchases`
        : `valid customer${s(problem.customers)}`;
      return `${problem.customers} ${who} is too few for ${what}: at least ${problem.needed} are needed.`;
    }
    case 'too_few_profiles':
      return tooFewProfilesWords(problem);
    case 'as_of_too_early':
      return `the analysis date ${problem.asOf} is not after the first order (${problem.firstOrder}); choose a date after it`;
    case 'invalid_option':
      return `option ${problem.option}: ${problem.rule === 'invalid' ? problem.detail : RULE_WORDS[problem.rule]}`;
    case 'model_not_json':
      return 'the saved model is not valid JSON';
    case 'model_not_version_1':
      return `the saved model is not a version-1 segment model (${problem.detail})`;
    case 'customer_out_of_bounds': {
      const { bounds } = featureSpecIn(undefined, problem.feature);
      return `${problem.feature}: expected a ${bounds.whole ? 'whole number' : 'number'} within ${bounds.min}..${bounds.max}`;
    }
  }
}

/**
 * One sentence for both kinds of data: what is wrong, then what the user can do.
 * Order data's features are fixed, so its way out is more varied purchases (a longer
 * period or more lines); either kind can ask for fewer segments, when at least
 * `K_LIMITS.min` profiles leave a k to ask for (with the command that sets it).
 */
function tooFewProfilesWords(problem: Extract<InputProblem, { kind: 'too_few_profiles' }>): string {
  const { profiles, k } = problem;
  const rfm = problem.space === 'rfm';
  const on = rfm ? 'recency, frequency and spend' : 'the chosen features';
  const head = `the customers fall into only ${profiles} different profile${s(profiles)} on ${on}, so they cannot be split into ${k} segments`;
  const more = rfm
    ? 'share order lines that cover a longer period, or more order lines'
    : 'choose other features with `/segment features …`';
  const fewer =
    profiles >= K_LIMITS.min ? `, or ask for at most ${profiles} segments: \`/segment k ${profiles}\`` : '';
  return `${head}; ${more}${fewer}.`;
}

/** The error's message in words: core's problem worded, or the edge's own message. */
export const inputErrorWords = (e: InputError): string => (e.problem ? problemWords(e.problem) : e.message);

/** The full user-facing text of an input error, without any stack. */
export function describeInputError(e: InputError): string {
  const where = formatWhere(e.where);
  const message = inputErrorWords(e);
  const head = where ? `${where}: ${message}` : message;
  return e.details.length ? `${head}\n${e.details.map((d) => `  - ${d}`).join('\n')}` : head;
}
