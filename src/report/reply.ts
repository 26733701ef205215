/**
 * The CLI's Reply renderer, the twin of slack/blocks/: the same Reply that
 * Slack shows as Block Kit, as terminal text. Slack's light markdown is
 * dropped, a command named the Slack way (`/segment k 6`) is named the
 * CLI way (`segment k 6 --data FILE`), and a setting "for this channel" is
 * one for this run: the CLI keeps its flags for one command only.
 */
import type { Reply } from '../commands/reply.ts';
import { textTable } from './format.ts';

/** `/segment k 6` → `segment k 6`; "for this channel" → "for this run" ("This channel uses" → "This run uses"); *bold* and _italic_ marks dropped. */
export function terminalWords(text: string): string {
  return text
    .replace(/`\/segment\b/g, '`segment')
    .replace(/\bfor this channel\b/g, 'for this run')
    .replace(/\bThis channel uses\b/g, 'This run uses')
    .replace(/ uploaded by <@cli>/g, '')
    .replace(/(^|[\s(])\*([^*\n]+)\*/g, '$1$2')
    .replace(/(^|[\s(])_([^_\n]+)_/g, '$1$2');
}

export interface RenderedFiles {
  /** Where each image and file of the reply was written, by its file name. */
  written: Map<string, string>;
}

export function replyToTerminal(reply: Reply, files: RenderedFiles = { written: new Map() }): string {
  const out: string[] = [terminalWords(reply.title).toUpperCase(), terminalWords(reply.text)];
  for (const section of reply.sections) {
    out.push('');
    if (section.heading) out.push(terminalWords(section.heading));
    out.push(terminalWords(section.body));
  }
  if (reply.table) out.push('', textTable(reply.table.columns, reply.table.rows, reply.table.align));
  for (const image of reply.images) {
    const at = files.written.get(image.filename);
    out.push('', `  [chart] ${at ?? image.filename}: ${image.alt}`);
  }
  for (const file of reply.files) {
    const at = files.written.get(file.filename);
    if (at) out.push('', `  [file] ${file.title} written to ${at}`);
  }
  for (const warning of reply.warnings) out.push('', `warning: ${terminalWords(warning)}`);
  return `${out.join('\n')}\n`;
}
