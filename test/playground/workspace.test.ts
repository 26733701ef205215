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

describe('the stand-in with historyKept (as the playground runs it)', () => {
  it('records only the latest calls', async () => {
    standin = await SlackStandin.start({ historyKept: 3 });
    for (let i = 0; i < 6; i += 1)
      await fetch(`${standin.origin}/api/chat.postMessage`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer xoxb-test' },
        body: JSON.stringify({ channel: 'C1', text: `call ${i}` }),
      });
    expect(standin.calls).toHaveLength(3);
    expect(standin.calls.map((c) => c.args.text)).toEqual(['call 3', 'call 4', 'call 5']);
  });
});
