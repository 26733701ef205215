/**
 * Reply → Block Kit. Pure: the same Reply always gives the same message, and
 * every message fits Slack's limits (≤ 50 blocks, section text ≤ 3000, header
 * ≤ 150) and carries a plain `text` fallback for notifications and screen
 * readers. Charts are not blocks: they are uploaded as files (see deliver.ts)
 * and announced by `chartComment`.
 */
import type { types } from '@slack/bolt';
import type { Reply, ReplyAction, ReplyFile, ReplyImage } from '../../commands/reply.ts';
import { tableBlocks, tableLines } from './table.ts';
import { chunkLines, escapeText, LIMITS, truncate } from './text.ts';

export interface SlackMessage {
  text: string;
  blocks: types.KnownBlock[];
}

const header = (text: string): types.KnownBlock => ({
  type: 'header',
  text: { type: 'plain_text', text: truncate(text, LIMITS.headerText), emoji: true },
});
const section = (text: string): types.KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
const context = (text: string): types.KnownBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: truncate(text, LIMITS.sectionText) }],
});
const sections = (text: string) =>
  text.trim() === '' ? [] : chunkLines(text, LIMITS.sectionText).map((piece) => section(piece));

/** The reply's body blocks, before the 50-block cap. */
function bodyBlocks(reply: Reply): types.KnownBlock[] {
  const blocks = [header(reply.title), ...sections(escapeText(reply.text))];
  for (const part of reply.sections) {
    const body = escapeText(part.body);
    blocks.push(...sections(part.heading ? `*${escapeText(part.heading)}*\n${body}` : body));
  }
  if (reply.table) blocks.push(...tableBlocks(reply.table));
  if (reply.warnings.length) {
    blocks.push(...sections(reply.warnings.map((w) => `:warning: ${escapeText(w)}`).join('\n')));
  }
  return blocks;
}

/** Every button's action_id starts with this; the action listener matches it and runs the button's value. */
export const COMMAND_ACTION_PREFIX = 'segment_command';
/** Slack's caps: 25 elements in an actions block, 75 characters of button text, 2000 of value. */
const BUTTON_LIMITS = { elements: 25, text: 75, value: 2000 } as const;

/** Buttons that run commands: the value is the command text, exactly as if typed after /segment. */
export function actionsBlock(actions: readonly ReplyAction[]): types.ActionsBlock {
  return {
    type: 'actions',
    block_id: 'segment_actions',
    elements: actions.slice(0, BUTTON_LIMITS.elements).map((action, i) => ({
      type: 'button',
      action_id: `${COMMAND_ACTION_PREFIX}_${i}`,
      text: { type: 'plain_text', text: truncate(action.label, BUTTON_LIMITS.text), emoji: true },
      value: action.command.slice(0, BUTTON_LIMITS.value),
      ...(action.style ? { style: action.style } : {}),
    })),
  };
}

/**
 * The message for a reply. `note` (e.g. "3 charts follow in this thread")
 * goes last in small print and survives the block cap.
 */
export function replyMessage(reply: Reply, note?: string): SlackMessage {
  const body = bodyBlocks(reply);
  const buttons = reply.actions?.length ? [actionsBlock(reply.actions)] : [];
  const tail = [...buttons, ...(note ? [context(note)] : [])];
  const room = LIMITS.blocks - tail.length;
  const kept =
    body.length <= room
      ? body
      : [
          ...body.slice(0, room - 1),
          context(`…${body.length - room + 1} more parts did not fit in one message.`),
        ];
  return { text: fallbackText(reply), blocks: [...kept, ...tail] };
}

/** Title and gist, then the table as monospace lines (the table block itself is not searchable text). */
export function fallbackText(reply: Reply): string {
  const gist = reply.text.trim() === '' ? reply.title : `${reply.title}: ${reply.text}`;
  const table = reply.table ? `\n${tableLines(reply.table).join('\n')}` : '';
  return truncate(escapeText(gist + table), LIMITS.fallbackText);
}

/** A one-line status message ("Reading customers.csv…") with the same shape as a reply. */
export function statusMessage(line: string): SlackMessage {
  const text = truncate(escapeText(line), LIMITS.sectionText);
  return { text, blocks: [section(text)] };
}

/**
 * The text posted with the uploaded charts: each chart's description, so the
 * charts are understandable without seeing them (alt text on uploads is not
 * reliably shown by every client).
 */
export function chartComment(title: string, images: ReplyImage[], files: ReplyFile[]): string {
  const lines = [
    ...images.map((image) => `• *${escapeText(image.title)}*: ${escapeText(image.alt)}`),
    ...files.map((file) => `• *${escapeText(file.title)}* (${escapeText(file.filename)})`),
  ];
  const what = images.length ? 'Charts' : 'Files';
  return truncate(`${what} for *${escapeText(title)}*\n${lines.join('\n')}`, LIMITS.initialComment);
}
