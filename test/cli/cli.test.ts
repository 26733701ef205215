import { describe, expect, it } from 'vitest';
import { reportBug } from '../../src/cli/cli.ts';

const capture = () => {
  const err: string[] = [];
  return { err, io: { stdout: () => {}, stderr: (t: string) => void err.push(t) } };
};

describe('a CLI bug', () => {
  it('is logged with an id through the one logger and apologised for with the same id', () => {
    const { err, io } = capture();
    const bug = new TypeError('cannot read x of undefined (token xoxb-123-abc)');
    expect(reportBug(bug, io, 'a1b2c3d4')).toBe(1);
    expect(err).toHaveLength(2);
    expect(err[0]).toMatch(
      /^\d{4}-\d\d-\d\dT\S+ ERROR \[segment\] unexpected failure \[a1b2c3d4\]: TypeError: cannot read x of undefined/,
    );
    expect(err[0]).toContain('xoxb-[redacted]');
    expect(err[1]).toBe(
      'error: Sorry, something went wrong on my side. If it keeps happening, mention error id `a1b2c3d4`.\n',
    );
  });

  it('gets a fresh id each time', () => {
    const ids = [0, 1].map(() => {
      const { err, io } = capture();
      reportBug(new Error('boom'), io);
      return /\[([0-9a-f]{8})\]/.exec(err[0]!)?.[1];
    });
    expect(ids[0]).toMatch(/^[0-9a-f]{8}$/);
    expect(ids[0]).not.toBe(ids[1]);
  });
});
