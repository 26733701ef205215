/**
 * The file's extra columns in words: which became breakdowns, which were
 * ignored and why, and where a segment differs from all customers on a
 * breakdown ("Segment 2 is 48% Gold loyalty tier (all customers: 21%)").
 * Slack, the file report and `--json` read these.
 */
import {
  type CandidateRole,
  candidateColumns,
  EXTRA_COLUMN_LIMITS,
  featureSpecIn,
  headerTitle,
  titleNoun,
} from '../core/features.ts';
import type { Analysis, Breakdown, BreakdownDifference, ExtraColumnRole, SourceInfo } from '../core/types.ts';
import { formatCount, formatDecimal, formatWholeShare, listWords } from '../words.ts';

type Ignored = Extract<ExtraColumnRole, { role: 'ignored' }>;

/** Why a column was left out, in a few words. */
export function ignoredWords(role: Ignored): string {
  switch (role.reason) {
    case 'id':
      return 'an id or code, not a level customers share';
    case 'too_many_levels':
      return `too many levels: over ${formatCount(EXTRA_COLUMN_LIMITS.maxLevels)}`;
    case 'mostly_empty':
      return `mostly empty: ${formatWholeShare(role.emptyShare ?? 1)} blank`;
    case 'constant':
      return 'the same value in every row';
  }
}

/** "loyalty tier" for `LoyaltyTier`: the column inside a sentence. */
export const columnNoun = (header: string) => titleNoun(headerTitle(header).title);

const rolesOf = (source: Pick<SourceInfo, 'extraRoles'>) => source.extraRoles ?? [];

export const breakdownColumns = (source: Pick<SourceInfo, 'extraRoles'>) =>
  rolesOf(source).filter((r) => r.role === 'breakdown');

export const ignoredColumns = (source: Pick<SourceInfo, 'extraRoles'>) =>
  rolesOf(source).filter((r): r is Ignored => r.role === 'ignored');

const bound = (x: number) => (Number.isInteger(x) ? formatCount(x) : formatDecimal(x, 1));

/**
 * "visits (0–52)", "tenure (1–120 months)", "online share (0–100%)": a candidate with its observed
 * range, and the name to type where it is not the title in snake case ("größe, typed groesse
 * (150–200 cm)"; also `col_2024_spend`, `score_2`), as users cannot guess it.
 */
export function candidateWords(role: CandidateRole): string {
  const unit = role.unit === '' ? '' : role.unit === '%' ? '%' : ` ${role.unit}`;
  const noun = titleNoun(role.title);
  const typed = noun.toLowerCase().replace(/\s+/g, '_') === role.name ? '' : `, typed ${role.name}`;
  return `${noun}${typed} (${bound(role.min)}–${bound(role.max)}${unit})`;
}

/**
 * "Also in your file: visits (0–52), tenure (1–120 months)", then what to do
 * with them; `hint` is the transport's way to cluster on one (a command or a flag).
 */
export function candidateLine(source: Pick<SourceInfo, 'extraRoles'>, hint?: string): string | null {
  const candidates = candidateColumns(source);
  if (candidates.length === 0) return null;
  const list = candidates.map(candidateWords).join(', ');
  return `Also in your file: ${list}${hint ? ` — ${hint}` : ': numbers the segments are not formed on'}.`;
}

/**
 * How to cluster on the first candidate column not in use yet, in the transport's
 * form (`command` gets the features: the current ones plus it); undefined when all are used.
 */
export function featuresHint(
  analysis: Pick<Analysis, 'features' | 'source'>,
  command: (features: string[]) => string,
): string | undefined {
  const next = candidateColumns(analysis.source).find((r) => !analysis.features.includes(r.name));
  return next ? command([...analysis.features, next.name]) : undefined;
}

/**
 * What became of the extra columns, one sentence each: the candidate features
 * (candidateLine), "Breakdowns (describe the
 * segments, do not form them): Region, LoyaltyTier." and "Ignored columns: Email
 * (an id …); Notes (mostly empty: 80% blank)."; and which repeated names were
 * numbered ('"Region" heads more than one column: …'). Empty for a file without extra columns.
 */
export function extraColumnLines(source: Pick<SourceInfo, 'extraRoles'>, hint?: string): string[] {
  const lines: string[] = [];
  const candidates = candidateLine(source, hint);
  if (candidates) lines.push(candidates);
  const breakdowns = breakdownColumns(source).map((r) => r.column);
  if (breakdowns.length > 0)
    lines.push(`Breakdowns (they describe the segments, not form them): ${listWords(breakdowns)}.`);
  const ignored = ignoredColumns(source).map((r) => `${r.column} (${ignoredWords(r)})`);
  if (ignored.length > 0) lines.push(`Ignored columns: ${ignored.join('; ')}.`);
  lines.push(...repeatedNameLines(source));
  return lines;
}

/** '"Region" heads more than one column: the later one is read as Region 2.' per repeated header. */
function repeatedNameLines(source: Pick<SourceInfo, 'extraRoles'>): string[] {
  const renamed = new Map<string, string[]>();
  for (const r of rolesOf(source)) {
    if (!r.renamedFrom) continue;
    // A candidate's typed name beside its title: "Visits 2 (visits_2)".
    const shown = r.role === 'candidate' ? `${r.column} (${r.name})` : r.column;
    renamed.set(r.renamedFrom, [...(renamed.get(r.renamedFrom) ?? []), shown]);
  }
  return [...renamed].map(
    ([written, as]) =>
      `"${written}" heads more than one column: the later ${as.length === 1 ? 'one is' : 'ones are'} read as ${listWords(as)}.`,
  );
}

/** "Segment 2 (Careful earners) is 48% Gold loyalty tier (all customers: 21%)". */
export function differenceWords(
  analysis: Pick<Analysis, 'segments'>,
  breakdown: Breakdown,
  d: BreakdownDifference,
): string {
  const segment = analysis.segments.find((s) => s.id === d.id);
  const name = segment ? ` (${segment.name})` : '';
  return `Segment ${d.id}${name} is ${formatWholeShare(d.share)} ${d.value} ${columnNoun(breakdown.column)} (all customers: ${formatWholeShare(d.overall)})`;
}

/** Every notable difference over all breakdowns, largest first. */
export function differenceLines(analysis: Pick<Analysis, 'segments' | 'breakdowns'>): string[] {
  return analysis.breakdowns
    .flatMap((b) => b.differences.map((d) => ({ b, d })))
    .sort((x, y) => y.d.share - y.d.overall - (x.d.share - x.d.overall))
    .map(({ b, d }) => differenceWords(analysis, b, d));
}

/** "No segment stands out on region and loyalty tier: each mirrors all customers." (Slack and the file report.) */
export const noDifferenceWords = (breakdowns: readonly Breakdown[]) =>
  `No segment stands out on ${listWords(breakdowns.map((b) => columnNoun(b.column)))}: each mirrors all customers.`;

/** Levels shown per breakdown; the rest are summed as "other". */
export const LEVELS_SHOWN = 6;
export const OTHER_LEVEL = 'other';

/**
 * The shares shown for one breakdown, in level order: the first LEVELS_SHOWN
 * levels, then the rest summed as "other" (words, report tables and charts alike).
 * `shares`: one segment's, or null for all customers (each level's overall share).
 */
export function shownShares(
  breakdown: Breakdown,
  shares: Record<string, number> | null,
): { level: string; share: number }[] {
  const share = (l: { value: string; share: number }) => (shares ? (shares[l.value] ?? 0) : l.share);
  const shown = breakdown.levels.slice(0, LEVELS_SHOWN).map((l) => ({ level: l.value, share: share(l) }));
  const rest = breakdown.levels.slice(LEVELS_SHOWN);
  if (rest.length === 0) return shown;
  return [...shown, { level: OTHER_LEVEL, share: rest.reduce((sum, l) => sum + share(l), 0) }];
}

/** "Bronze 45%, Silver 30%, Gold 25%" for all customers or one segment's shares. */
export const sharesWords = (breakdown: Breakdown, shares: Record<string, number> | null): string =>
  shownShares(breakdown, shares)
    .map((p) => `${p.level} ${formatWholeShare(p.share)}`)
    .join(', ');

/** A segment table's column for a feature from the file's own columns: "Mean tenure (months)", "Mean online NPS". */
export function extraColumnHeader(
  source: Pick<SourceInfo, 'extraRoles'> | undefined,
  feature: string,
): string {
  const spec = featureSpecIn(source, feature);
  return `Mean ${spec.noun}${spec.unit ? ` (${spec.unit})` : ''}`;
}
