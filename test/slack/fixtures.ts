/** Hand-made Replies for the Slack adapter's unit tests (no service involved). */
import type { Reply } from '../../src/commands/reply.ts';

export function reply(overrides: Partial<Reply> = {}): Reply {
  return {
    title: 'Customer segments',
    text: '5 segments in 200 customers.',
    sections: [],
    images: [],
    files: [],
    warnings: [],
    visibility: 'in_channel',
    isError: false,
    ...overrides,
  };
}

/** A 1×1 PNG is enough where only bytes matter. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
