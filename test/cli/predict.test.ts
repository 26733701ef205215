import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { HAS_MALL, MALL_PATH, NO_MALL } from '../support/mall.ts';

describe('segment predict', () => {
  it('places a customer using the bundled sample by default', async () => {
    const run = await runCli('predict', '25', 'F', '60', '75', '--json');
    expect(run.code).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r.segment).toEqual(expect.objectContaining({ id: expect.any(Number), name: expect.any(String) }));
    expect(r.data).toBe('customers.csv');
    expect(r.distances.length).toBeGreaterThanOrEqual(2);
    const nearest = r.distances.reduce((a: { distance: number }, b: { distance: number }) =>
      b.distance < a.distance ? b : a,
    );
    expect(nearest.id).toBe(r.segment.id);
    expect(r.margin).toBeGreaterThanOrEqual(0);
  });

  it.skipIf(!HAS_MALL)(
    `puts a rich big spender among the Mall’s target customers ${HAS_MALL ? '' : NO_MALL}`,
    async () => {
      const run = await runCli('predict', '31', 'Female', '90', '85', '--data', MALL_PATH, '--json');
      expect(JSON.parse(run.stdout).segment.name).toBe('High income · High spending');
    },
  );

  it.skipIf(!HAS_MALL)(
    `marks a customer far outside the Mall file tentative, with the warning ${HAS_MALL ? '' : NO_MALL}`,
    async () => {
      const run = await runCli('predict', '30', 'F', '600', '50', '--data', MALL_PATH, '--json');
      expect(run.code).toBe(0);
      const r = JSON.parse(run.stdout);
      expect(r.tentative).toBe(true);
      expect(r.warnings).toContain(
        'unlike any customer in this data: annual income 600 k$ is above the highest in the file (137 k$)',
      );
      // The existing fields are unchanged.
      expect(Object.keys(r)).toEqual(
        expect.arrayContaining(['customer', 'data', 'segment', 'distances', 'margin', 'clarity']),
      );
    },
  );

  it.skipIf(!HAS_MALL)(`keeps an ordinary Mall customer firm ${HAS_MALL ? '' : NO_MALL}`, async () => {
    const run = await runCli('predict', '25', 'F', '60', '75', '--data', MALL_PATH, '--json');
    expect(JSON.parse(run.stdout)).toMatchObject({ tentative: false, warnings: [] });
  });

  it('explains the answer in words', async () => {
    const run = await runCli('predict', '25', 'm', '20', '80');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/customer with an income of 20\.0 k\$/);
    expect(run.stdout).toContain('Distance to centre');
  });

  it('rejects malformed customers with exit code 2', async () => {
    for (const [argv, message] of [
      [['25', 'F', '60'], /income must be a number of k\$ from 0 to 10,000 \(got "F"\)/],
      [['25', 'Q', '60', '75'], /gender must be M, F, Male or Female \(got "Q"\)/],
      [['abc', 'F', '60', '75'], /age must be a whole number from 0 to 120 \(got "abc"\)/],
      [['25', 'F', '60', '175'], /spending must be a number from 1 to 100 \(got "175"\)/],
      [['130', 'F', '60', '75'], /age must be a whole number from 0 to 120 \(got "130"\)/],
    ] as const) {
      const run = await runCli('predict', ...argv);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
    }
  });
});
