/**
 * Slack's text limits and the small string helpers that respect them. Every
 * builder in blocks/ cuts text here, so no message is rejected by Slack for
 * being too long (it would be answered with `invalid_blocks` and the user
 * would see nothing).
 */

export const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  /** Notification fallback: Slack truncates at 40,000, but a fallback should be short. */
  fallbackText: 3000,
  /** initial_comment of an upload is message text; keep it well under the limits. */
  initialComment: 3500,
} as const;

/** A user or channel mention the commands layer wrote on purpose ("uploaded by <@U123>"). */
const MENTION = /(<[@#][UWC][A-Z0-9]+>)/;

/**
 * Slack treats &, < and > as control characters in message text: escaping
 * them keeps a file name like "<!channel>.csv" from pinging everyone. User and
 * channel mentions are kept, since replies name who uploaded what.
 */
export function escapeText(text: string): string {
  return text
    .split(MENTION)
    .map((part, i) =>
      i % 2 === 1 ? part : part.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
    )
    .join('');
}

/** Cuts to at most `max` characters, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/**
 * Splits text into pieces of at most `max` characters, preferring line breaks
 * so tables and bullet lists are not cut mid-line; a single over-long line is
 * hard-split.
 */
export function chunkLines(text: string, max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    for (const piece of splitLong(line, max)) {
      const joined = current === '' ? piece : `${current}\n${piece}`;
      if (joined.length <= max) {
        current = joined;
        continue;
      }
      chunks.push(current);
      current = piece;
    }
  }
  if (current !== '' || chunks.length === 0) chunks.push(current);
  return chunks;
}

function splitLong(line: string, max: number): string[] {
  if (line.length <= max) return [line];
  const pieces: string[] = [];
  for (let i = 0; i < line.length; i += max) pieces.push(line.slice(i, i + max));
  return pieces;
}
