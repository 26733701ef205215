/**
 * The bot's own words in Slack (not command answers, which come from
 * commands/): progress, invitations, apologies. Pure builders, one place to
 * reword them.
 */
import type { types } from '@slack/bolt';
import { apologyWords } from '../../commands/messages.ts';
import { listWords } from '../../words.ts';
import type { UnusableFormat } from '../files.ts';
import type { MissingFile } from '../share.ts';
import { actionsBlock, type SlackMessage } from './reply.ts';
import { escapeText, LIMITS, truncate } from './text.ts';

export { formatBytes } from '../../words.ts';

const note = (text: string): SlackMessage => {
  const safe = truncate(text, LIMITS.sectionText);
  return { text: safe, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: safe } }] };
};

/** "Invite me" for a channel the bot is not in; `botUserId` renders as the bot's name. */
export function inviteHint(botUserId: string | undefined): string {
  const me = botUserId ? `<@${botUserId}>` : 'the app';
  return (
    `:wave: I'm not a member of this channel, so I can't post here or share charts. ` +
    `Invite me with \`/invite ${me}\` (or add the app from the channel's *Integrations* tab), then try again.`
  );
}

/** The answer, privately, with the invitation on top (response_url works where the bot is not a member). */
export function withInviteHint(message: SlackMessage, botUserId: string | undefined): SlackMessage {
  const hint: types.KnownBlock = {
    type: 'context',
    elements: [{ type: 'mrkdwn', text: inviteHint(botUserId) }],
  };
  const blocks = [hint, ...message.blocks].slice(0, LIMITS.blocks);
  return { text: truncate(`${inviteHint(botUserId)} ${message.text}`, LIMITS.fallbackText), blocks };
}

export const chartsNote = (images: number, files: number, where: 'thread' | 'below' = 'thread'): string => {
  const parts = [images ? `${images} chart${images === 1 ? '' : 's'}` : '', files ? `${files} file(s)` : ''];
  return `:bar_chart: ${parts.filter(Boolean).join(' and ')} ${where === 'thread' ? 'in the thread' : 'below'}.`;
};

/**
 * The note rewritten once the uploads are done, when some failed: it was posted with the answer,
 * before them, so it counted every chart and file. Counts only those shared (`shared`: indexes
 * into the reply's images, then its files, as uploadAttachments numbers them); none when none were.
 */
export function sharedNote(
  attached: { images: readonly unknown[]; files: readonly unknown[] },
  shared: readonly number[],
  where: 'thread' | 'below' = 'thread',
): string | undefined {
  const images = shared.filter((i) => i < attached.images.length).length;
  const files = shared.length - images;
  return images + files > 0 ? chartsNote(images, files, where) : undefined;
}

export const couldNotDeliver = (detail: string): SlackMessage =>
  note(
    `:warning: I couldn't deliver the answer to this channel (${escapeText(detail)}). Please try again in a minute.`,
  );

/**
 * Some or all of an answer's charts and files did not reach the channel: which, by title,
 * and the first reason Slack gave.
 */
export const chartsNotDelivered = (missing: readonly MissingFile[]): SlackMessage => {
  const titles = listWords(missing.map((m) => `*${escapeText(m.title)}*`));
  const detail = missing.find((m) => m.error)?.error ?? 'Slack did not answer';
  return note(
    `:warning: I posted the answer but couldn't attach ${titles} (${escapeText(detail)}). Please try again.`,
  );
};

/** For bugs: short, with an id to find the log line. */
export const apology = (errorId: string): SlackMessage => note(`:warning: ${apologyWords(errorId)}`);

export const readingFile = (name: string): SlackMessage =>
  note(`:hourglass_flowing_sand: Reading *${escapeText(name)}*…`);

export const progressLine = (name: string, line: string): SlackMessage =>
  note(`:hourglass_flowing_sand: *${escapeText(name)}*: ${escapeText(line)}`);

/** A refusal links to the expected format: a button that answers with the help (it lists the columns). */
const withFormatButton = (message: SlackMessage): SlackMessage => ({
  ...message,
  blocks: [...message.blocks, actionsBlock([{ label: 'Expected format', command: 'help' }])],
});

export const fileRefused = (reason: string): SlackMessage =>
  withFormatButton(note(`:x: ${escapeText(reason)} Nothing changed: this channel keeps its current data.`));

const percentOf = (fraction: number | null | undefined) =>
  fraction === null || fraction === undefined ? '' : ` (${Math.round(fraction * 100)} %)`;

/** A job picked up again after the bot restarted. */
export const resumingFile = (name: string): SlackMessage =>
  note(`:hourglass_flowing_sand: I was restarted while reading *${escapeText(name)}*; reading it again…`);

/** A command that waits for its channel's upload, said at once. */
export const stillReading = (name: string, fraction: number | null | undefined): SlackMessage =>
  note(
    `:hourglass_flowing_sand: Still reading *${escapeText(name)}*${percentOf(fraction)} — I'll answer from it when it's done.`,
  );

/** The watchdog gave up on a job. */
export const jobStalled = (what: string, stallMs: number): SlackMessage =>
  note(
    `:x: I stopped working on ${escapeText(what)}: it made no progress for ${Math.round(stallMs / 1000)} s. ` +
      'Nothing changed: this channel keeps its current data. Try again; if it happens again, split the file.',
  );

/** A job that kept stopping the bot (crash, kill) is not tried again. */
export const jobGaveUp = (what: string, attempts: number): SlackMessage =>
  note(
    `:x: I could not finish ${escapeText(what)}: I was stopped ${attempts} times while working on it. ` +
      'Nothing changed: this channel keeps its current data. Share it again, or split it if it is very large.',
  );

/** SIGTERM came before the job finished: it is queued and resumes when the bot is back. */
export const jobPaused = (what: string): SlackMessage =>
  note(`:double_vertical_bar: I'm restarting; I'll pick up ${escapeText(what)} again as soon as I'm back.`);

const INSTEAD =
  'a CSV (UTF-8) or an Excel .xlsx file with one row per customer and columns such as Age, Annual Income (k$) and Spending Score (1-100)';

const UNUSABLE_WORDS: Record<UnusableFormat, string> = {
  xls: "is an old-style Excel file (.xls), which I can't read. In Excel, *File → Save As* .xlsx or CSV UTF-8",
  xlsb: "is a binary Excel workbook (.xlsb), which I can't read. In Excel, *File → Save As* .xlsx or CSV UTF-8",
  ods: "is an OpenDocument spreadsheet (.ods), which I can't read. *File → Save As* .xlsx or CSV",
  numbers: "is an Apple Numbers file, which I can't read. *File → Export To → CSV* (or Excel)",
  json: "is JSON, which I can't segment. Export the customer table or the order lines as CSV or .xlsx",
  parquet: "is a Parquet file, which I can't read. Export the customer table or the order lines as CSV",
  archive: 'is an archive. Unzip it and share the customer or order file inside',
};

/** The threaded answer to a data file in a format the bot does not read: what to share instead. */
export const unusableDataFile = (name: string, format: UnusableFormat): SlackMessage =>
  withFormatButton(
    note(`:information_source: *${escapeText(name)}* ${UNUSABLE_WORDS[format]}, and share ${INSTEAD}.`),
  );
