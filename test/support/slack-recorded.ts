/** Reading what the stand-in recorded, the way a person would read Slack. */
import sharp from 'sharp';
import type { ApiCall, SharedUpload, SlackStandin } from '../../src/playground/standin/server.ts';

/** All text of a recorded message: its fallback and every block's text. */
export function messageText(args: Record<string, unknown>): string {
  const blocks = Array.isArray(args.blocks) ? (args.blocks as Array<Record<string, unknown>>) : [];
  const texts = blocks.flatMap((block) => {
    const text = (block.text as { text?: string } | undefined)?.text;
    const elements = (block.elements as Array<{ text?: string }> | undefined) ?? [];
    return [text ?? '', ...elements.map((e) => e.text ?? '')];
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
