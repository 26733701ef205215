/**
 * A check's remedy as a sentence: core gives the advice and the setting to
 * change as codes (`CheckAdvice`, `RemedyAction`), phrases/checks.ts words the
 * advice, and each transport says how to change the setting.
 */
import type { AssumptionCheck, RemedyAction } from '../core/types.ts';
import { adviceWords } from '../phrases/checks.ts';

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
      return `\`/segment k ${a.k}\``;
    case 'k-table':
      return '`/segment k`';
  }
}

/** The remedy with the transport's way of acting on it, or undefined when the check has none. */
export function remedySentence(
  check: Pick<AssumptionCheck, 'advice' | 'action'>,
  command: (a: RemedyAction) => string = slackCommand,
): string | undefined {
  if (!check.advice) return undefined;
  const advice = adviceWords(check.advice);
  return check.action ? `${advice}: ${command(check.action)}.` : advice;
}
