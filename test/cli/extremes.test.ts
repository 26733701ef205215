import { describe, expect, it } from 'vitest';
import { runCli, tempFile } from '../support/cli.ts';
import { HAS_MALL, mallText, NO_MALL } from '../support/mall.ts';

describe.skipIf(!HAS_MALL)(`values no customer can have, in the Mall file ${HAS_MALL ? '' : NO_MALL}`, () => {
  it('skips an income of 9,999,999,999 k$ and one of 1e160 with their lines, and keeps the five segments', async () => {
    // Each of these once changed the answer: the first became a segment of its own, the second crashed k-means++.
    const file = tempFile(`${mallText().trimEnd()}\n201,Male,30,9999999999,50\n202,Female,30,1e160,50\n`);
    const run = await runCli('analyze', file, '--json');
    expect(run.code).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r.skippedRows).toEqual([
      {
        line: 202,
        column: 'Annual Income (k$)',
        value: '9999999999',
        reason: 'expected a number of k$ from 0 to 10,000',
      },
      {
        line: 203,
        column: 'Annual Income (k$)',
        value: '1e160',
        reason: 'expected a number of k$ from 0 to 10,000',
      },
    ]);
    expect(r.k).toBe(5);
    expect(r.segments.map((s: { size: number }) => s.size)).toEqual([81, 39, 35, 23, 22]);
    expect(r.inertia).toBeCloseTo(44448.455, 2);
  });
});
