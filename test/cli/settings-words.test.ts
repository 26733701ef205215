/**
 * The CLI keeps its settings for one command, so the Reply's "for this
 * channel" (true in Slack, where `/segment k 3` is saved) reads "for this run".
 */
import { describe, expect, it } from 'vitest';
import { terminalWords } from '../../src/report/reply.ts';
import { runCli } from '../support/cli.ts';

describe('settings in CLI words', () => {
  it('turns "for this channel" into "for this run", and leaves other words alone', () => {
    expect(terminalWords('k = 3 (set for this channel), seed 42.')).toBe(
      'k = 3 (set for this run), seed 42.',
    );
    expect(terminalWords('Saved for this channel')).toBe('Saved for this run');
    expect(terminalWords('This channel uses the recommended k = 5.')).toBe(
      'This run uses the recommended k = 5.',
    );
    expect(terminalWords('a channel for this channelling')).toBe('a channel for this channelling');
  });

  it('names no channel when `segment k 3` sets k for the one command', async () => {
    const run = await runCli('k', '3', '--data', 'data/customers.csv');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Saved for this run');
    expect(run.stdout).toContain('k = 3 (set for this run)');
    expect(run.stdout).not.toMatch(/channel/i);
  });

  it('names no channel in `segment k`, which said "This channel uses the recommended k = 5"', async () => {
    const run = await runCli('k', '--data', 'data/customers.csv');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('This run uses the recommended k');
    expect(run.stdout).not.toMatch(/channel/i);
  });
});
