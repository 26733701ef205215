/** Hand-made Replies for the Slack adapter's unit tests (no service involved). */
import { reply as buildReply } from '../../src/commands/handlers/shared.ts';
import type { Reply } from '../../src/commands/reply.ts';

export function reply(overrides: Partial<Reply> = {}): Reply {
  return buildReply({ title: 'Customer segments', text: '5 segments in 200 customers.', ...overrides });
}

/** A 1×1 PNG is enough where only bytes matter. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
