import { afterEach, describe, expect, it } from 'vitest';
import { SlackStandin } from '../../src/playground/standin/server.ts';
import { MESSAGES_KEPT, Workspace } from '../../src/playground/workspace.ts';

let standin: SlackStandin | undefined;
afterEach(async () => {
  await standin?.close();
  standin = undefined;
});

describe('the playground workspace', () => {
  it('keeps a bounded history: the oldest messages go first', async () => {
    standin = await SlackStandin.start();
    const workspace = new Workspace(standin);
    for (let i = 0; i < MESSAGES_KEPT + 5; i += 1)
      workspace.add({ channel: 'C1', user: 'U1', text: `message ${i}` });
    const kept = workspace.list();
    expect(kept).toHaveLength(MESSAGES_KEPT);
    expect(kept[0]!.text).toBe('message 5');
    expect(kept.at(-1)!.text).toBe(`message ${MESSAGES_KEPT + 4}`);
  });
});
