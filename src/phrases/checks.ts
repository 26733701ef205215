/**
 * The assumption checks in words: a title per check, one sentence per finding
 * and the advice, for every transport. Core gives codes and figures
 * (core/findings.ts); the transports add only how to change a setting
 * (commands/remedy.ts for Slack, report/summary.ts cliSetting for the CLI).
 */
import { featureSpecIn } from '../core/features.ts';
import type { CheckAdvice, CheckFinding, StandOutFeature } from '../core/findings.ts';
import type { RfmMeasure } from '../core/rfm/measures.ts';
import type { AssumptionCheck, CheckId, Feature } from '../core/types.ts';
import { formatCount, formatShare, listWords } from '../words.ts';

export const CHECK_TITLES: Record<CheckId, string> = {
  scale: 'Features on comparable scales',
  correlation: 'Features not redundant',
  outliers: 'Few extreme customers',
  skewness: 'Roughly symmetric distributions',
  tendency: 'The data has natural groups',
  sizeBalance: 'No tiny segments',
  spreadBalance: 'Segments about equally spread',
  separation: 'Segments well separated',
};

/**
 * At a k the user chose, the tendency check judges that split, not the data:
 * "❌ The data has natural groups" would deny groups at every k.
 */
export function checkTitle(check: AssumptionCheck): string {
  const { finding } = check;
  if (finding.code.startsWith('tendency.') && 'userK' in finding && finding.userK)
    return `The ${finding.k} segments are real groups`;
  return CHECK_TITLES[check.check];
}

// A file's own column (no source here) is named by its feature name: `tenure`, `basket size`.
const noun = (f: Feature) => featureSpecIn(undefined, f).noun;
/** Outliers on order data stand out on an RFM measure, which is no customer feature. */
const RFM_NOUNS: Record<RfmMeasure, string> = {
  recency: 'recency',
  frequency: 'order count',
  monetary: 'spend',
};
const standOutNoun = (f: StandOutFeature) =>
  f in RFM_NOUNS ? RFM_NOUNS[f as RfmMeasure] : noun(f as Feature);
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const s = (n: number, one = '', many = 's') => (n === 1 ? one : many);

/** One plain sentence a marketer can read. `status` words the few findings whose tone depends on it. */
export function findingWords(finding: CheckFinding, status: AssumptionCheck['status']): string {
  switch (finding.code) {
    case 'scale.rescaled':
      return `The features were rescaled (${finding.scaling}), so each one counts equally; before rescaling their spreads differed ${finding.ratio.toFixed(1)}-fold.`;
    case 'scale.similar':
      return `The features have similar spreads (largest/smallest standard deviation ${finding.ratio.toFixed(2)}), so none dominates the distances.`;
    case 'scale.dominant':
      return `${capitalise(noun(finding.widest))} varies ${finding.ratio.toFixed(1)} times as much as ${noun(finding.narrowest)}, so it dominates how customers are grouped.`;
    case 'correlation.low':
    case 'correlation.high': {
      const pair = `${noun(finding.pair[0])} and ${noun(finding.pair[1])}`;
      const r = finding.r.toFixed(2);
      return finding.code === 'correlation.low'
        ? `No two features move together strongly (largest correlation ${r}, between ${pair}).`
        : `${capitalise(pair)} are strongly correlated (r = ${r}): they largely measure the same thing and count twice.`;
    }
    case 'outliers.none':
      return `No customer lies far from the rest (${cutoffWords(finding)}).`;
    case 'outliers.found': {
      const n = finding.customers;
      const on = listWords(finding.standOut.map((x) => `${standOutNoun(x.feature)} (${x.customers})`));
      const kept =
        status === 'pass'
          ? ' and are too few to move the segments'
          : ' and can pull segment centres towards them';
      return `${n} customer${s(n)} (${(finding.share * 100).toFixed(1)} % of customers) lie${s(n, 's', '')} far from the rest (${cutoffWords(finding)}), standing out most on ${on}; they were kept${kept}.`;
    }
    case 'skewness.symmetric': {
      const flat = finding.flatter.map(noun);
      const shape = flat.length
        ? ` ${capitalise(flat.join(' and '))} ${flat.length === 1 ? 'is' : 'are'} flatter than a bell curve, which does no harm.`
        : '';
      return `Every feature is roughly symmetric (largest skewness ${finding.skewness.toFixed(2)}, ${noun(finding.feature)}): not normal, but symmetric enough for k-means.${shape}`;
    }
    case 'skewness.lopsided':
      return `${capitalise(noun(finding.feature))} is lopsided${finding.withinSegments ? ' within segments' : ''} (skewness ${finding.skewness.toFixed(2)}): a long tail of ${finding.skewness > 0 ? 'high' : 'low'} values stretches the distances.`;
    case 'skewness.between':
      return `${capitalise(noun(finding.feature))} is lopsided overall (skewness ${finding.skewness.toFixed(2)}) because of how the segments lie, not a long tail: within segments it is roughly symmetric (${finding.within.toFixed(2)}), so it needs no log.`;
    case 'tendency.clear':
    case 'tendency.weak':
    case 'tendency.none': {
      const figures = `silhouette ${finding.silhouette.toFixed(2)} at k = ${finding.k}, against at most ${finding.reference.toFixed(2)} on ${finding.draws} groupless reference draws; Hopkins ${finding.hopkins.toFixed(2)}`;
      if (finding.code === 'tendency.clear') return `Customers form real groups (${figures}).`;
      if (finding.code === 'tendency.none' && finding.userK)
        return `At k = ${finding.k} the segments are no more distinct than cuts through groupless data (${figures}), so this split is arbitrary; it says nothing of other k.`;
      return finding.code === 'tendency.weak'
        ? `Customers group only weakly: the segments are barely more distinct than cuts through groupless data (${figures}), so treat them as tentative.`
        : // "the segments" read as if there were some; with no structure there is one group, and k is the test's split.
          `Customers form one continuous group: split into ${finding.k} segments, they are no more distinct than cuts through groupless data (${figures}), so any split would be arbitrary.`;
    }
    case 'tendency.untested':
      return `Not testable: the customers have only ${formatCount(finding.profiles)} different profiles (combinations of the values segmented on), and telling real groups from chance at k = ${finding.k} takes at least ${formatCount(finding.needed)}.`;
    case 'sizeBalance.enough':
      return `The smallest segment, ${finding.smallest.name}, still holds ${formatShare(finding.share)} of customers (${formatCount(finding.size)}); the largest holds ${formatCount(finding.largest)}.`;
    case 'sizeBalance.tiny':
      return `${finding.smallest.name} holds only ${formatCount(finding.size)} customer${s(finding.size)} (${formatShare(finding.share)}), too few to rely on.`;
    case 'spreadBalance.even':
      return `The segments are similarly compact (the loosest has ${finding.ratio.toFixed(1)} times the standard deviation of the tightest).`;
    case 'spreadBalance.uneven':
      return `${finding.loosest.name} has ${finding.ratio.toFixed(1)} times the standard deviation of the tightest segment, so customers at its edge may be assigned to a neighbour.`;
    case 'separation.single':
      return `There is only one segment, so nothing to separate; split into k = ${finding.k}, the customers would score a silhouette of ${finding.silhouette.toFixed(2)}.`;
    case 'separation.clear':
    case 'separation.overlap': {
      const sil = finding.silhouette.toFixed(2);
      const weakest = `${finding.weakest.name} (${finding.weakest.silhouette.toFixed(2)})`;
      return finding.code === 'separation.clear'
        ? `Segments are well separated (silhouette ${sil}); the least distinct is ${weakest}.`
        : `Segments overlap ${status === 'warn' ? 'partly' : 'heavily'} (silhouette ${sil}); ${finding.weakest.name} is the least distinct (${finding.weakest.silhouette.toFixed(2)}).`;
    }
  }
}

const cutoffWords = (f: { level: number; features: number }) =>
  `beyond the ${f.level * 100} % cut-off for ${f.features} features taken together`;

/**
 * Advice in plain words, without command names. Advice that goes with an
 * `action` has no closing full stop: each transport appends its own way of
 * changing the setting (commands/remedy.ts).
 */
export function adviceWords(advice: CheckAdvice): string {
  switch (advice.code) {
    case 'standardise':
      return 'Standardise the features';
    case 'drop-feature':
      return 'Drop one of the two features';
    case 'check-extremes': {
      // "Check those rows" named none; the farthest out are where a typing error shows first.
      const named = advice.farthest;
      if (!named.length)
        return 'Check those customers for typing errors; consider leaving extreme customers out.';
      const who = `customer${s(named.length)} ${listWords(named)}`;
      const whom =
        advice.customers > named.length
          ? `the ${named.length === 1 ? 'farthest' : `${named.length} farthest`} out of the ${formatCount(advice.customers)}, ${who},`
          : who;
      return `Check ${whom} for typing errors; consider leaving extreme customers out.`;
    }
    case 'log-transform':
      // "Consider a log transform" named something no command does.
      return `A log scale may help; the bot does not transform columns itself, so add a column with the logarithm of ${noun(advice.feature)} to the file and segment on that column instead of ${noun(advice.feature)}`;
    case 'fewer-segments':
      return 'Try fewer segments';
    case 'few-unusual':
      return 'Read the small segment as a few unusual customers rather than a group to market to.';
    case 'niche-segment':
      return 'Treat the small segment as a niche: worth its own campaign only if its size justifies one.';
    case 'broad-segment':
      return 'Read the loose segment as a broad group; a different k may split it.';
    case 'better-k':
      return 'Look for a k that separates better, or change the features';
    case 'tentative-split':
      return `A split into k = ${advice.k} is there as a tentative option`;
    case 'broad-bands':
      return 'Treat the segments as broad bands rather than distinct groups, or try other features.';
    case 'one-group':
      return 'Market to these customers as one group, or try other features.';
    case 'more-profiles':
      return 'Read the segments as tentative: more customers, or features on which customers differ more, would let the test judge.';
  }
}

/** A check with its words: what the reports show and `--json` carries (title, message, remedy). */
export interface WordedCheck extends AssumptionCheck {
  title: string;
  message: string;
  remedy?: string;
}

/** In the order `--json` has always had its fields, with the codes after them. */
export function wordCheck(check: AssumptionCheck): WordedCheck {
  const { check: id, status, value, threshold, finding, advice, action, details } = check;
  return {
    check: id,
    title: checkTitle(check),
    status,
    value,
    threshold,
    message: findingWords(finding, status),
    ...(advice ? { remedy: adviceWords(advice) } : {}),
    ...(action ? { action } : {}),
    ...(details ? { details } : {}),
    finding,
    ...(advice ? { advice } : {}),
  };
}
