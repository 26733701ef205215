/**
 * A check's remedy as a sentence: core gives the advice and the setting to
 * change as data (`RemedyAction`); each transport says how to change it.
 */
import type { AssumptionCheck, RemedyAction } from '../core/types.ts';

/** How the user changes a setting in Slack (the CLI's reply renderer turns `/segment` into `segment`). */
export function slackCommand(a: RemedyAction): string {
  switch (a.action) {
    case 'scale':
      return `\`/segment scale ${a.to}\``;
    case 'features':
      return '`/segment features …`';
    case 'k':
      return `\`/segment k ${a.k}\``;
    case 'fewer-k':
      return '`/segment k <smaller number>`';
    case 'k-table':
      return '`/segment k`';
  }
}

/** The remedy with the transport's way of acting on it, or undefined when the check has none. */
export function remedySentence(
  check: Pick<AssumptionCheck, 'remedy' | 'action'>,
  command: (a: RemedyAction) => string = slackCommand,
): string | undefined {
  if (!check.remedy) return undefined;
  return check.action ? `${check.remedy}: ${command(check.action)}.` : check.remedy;
}
