/** Reading what the stand-in recorded, the way a person would read Slack. */
import sharp from 'sharp';
import type { ApiCall, SharedUpload, SlackStandin } from '../../src/playground/standin/server.ts';

type Cell = { text?: string };

/** The rows of a message's table block as cell texts (the header row first), or [] without one. */
export function tableRows(args: Record<string, unknown>): string[][] {
  const blocks = Array.isArray(args.blocks) ? (args.blocks as Array<Record<string, unknown>>) : [];
  const table = blocks.find((block) => block.type === 'table') as { rows?: Cell[][] } | undefined;
  return (table?.rows ?? []).map((row) => row.map((cell) => cell.text ?? ''));
}

/** All text of a recorded message: its fallback and every block's text, fields, buttons and table cells. */
export function messageText(args: Record<string, unknown>): string {
  const blocks = Array.isArray(args.blocks) ? (args.blocks as Array<Record<string, unknown>>) : [];
  const texts = blocks.flatMap((block) => {
    const text = (block.text as Cell | undefined)?.text;
    const elements = (block.elements as Array<{ text?: string | Cell }> | undefined) ?? [];
    const fields = (block.fields as Cell[] | undefined) ?? [];
    const rows = (block.rows as Cell[][] | undefined) ?? [];
    return [
      text ?? '',
      ...elements.map((e) => (typeof e.text === 'string' ? e.text : (e.text?.text ?? ''))),
      ...fields.map((f) => f.text ?? ''),
      ...rows.map((row) => row.map((cell) => cell.text ?? '').join(' | ')),
    ];
  });
  return [String(args.text ?? ''), ...texts].join('\n');
}

/** The ts the stand-in gave a posted message. */
export const tsOf = (call: ApiCall): string => String(call.answer?.ts ?? '');

export const postsIn = (standin: SlackStandin, channel: string): ApiCall[] =>
  standin.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);

export const updatesOf = (standin: SlackStandin, channel: string, ts: string): ApiCall[] =>
  standin.callsTo('chat.update').filter((c) => c.args.channel === channel && c.args.ts === ts);

export const sharesIn = (standin: SlackStandin, channel: string, threadTs?: string): SharedUpload[] =>
  standin.shares.filter((s) => s.channel === channel && (threadTs === undefined || s.threadTs === threadTs));

/** The response_url posts for one command. */
export const responsesTo = (standin: SlackStandin, id: string) =>
  standin.responses.filter((r) => r.id === id);

/** Decodes every PNG of a share: proof the charts are real images, not just bytes. */
export async function pngSizes(share: SharedUpload): Promise<Array<{ width: number; height: number }>> {
  return Promise.all(
    share.files.map(async (file) => {
      const meta = await sharp(file.bytes).metadata();
      if (meta.format !== 'png') throw new Error(`${file.filename} is ${meta.format}, not png`);
      return { width: meta.width ?? 0, height: meta.height ?? 0 };
    }),
  );
}
