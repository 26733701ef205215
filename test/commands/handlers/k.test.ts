import { describe, expect, it } from 'vitest';
import { CHART_BUILDERS } from '../../../src/charts/index.ts';
import { kReply } from '../../../src/commands/handlers/k.ts';
import { analyze } from '../../../src/core/analyze.ts';
import { knownKTable } from '../../../src/core/known-k.ts';
import { threeRepeatedProfiles } from '../../support/tables.ts';

const words = (r: ReturnType<typeof kReply>) =>
  [
    r.title,
    r.text,
    ...r.sections.map((s) => `${s.heading}\n${s.body}`),
    ...r.table!.rows.map((x) => x.join(' ')),
  ].join('\n');

describe('k reply', () => {
  it("with no structure (k = 1) recommends one group, as the summary does, not the sweep's k", () => {
    const { table } = knownKTable({ k: 1, n: 300, separation: 6, shape: 'balanced', dims: 2, seed: 5 });
    const analysis = analyze(table, { seed: 3 });
    expect(analysis.k).toBe(1);
    const near = analysis.selection.recommendedK;
    const reply = kReply(analysis, []);
    expect(reply.text).toMatch(/^Recommended: one group \(k = 1\)\./);
    expect(words(reply)).not.toMatch(
      new RegExp(`recommended k = ${near}|Recommended: k = ${near}|recommended`),
    );
    expect(reply.sections.find((s) => s.heading === 'In use')!.body).toContain(
      `\`/segment k ${near}\` shows the nearest split, tentatively`,
    );
    const chart = CHART_BUILDERS['choose-k']({ analysis, table });
    expect(chart.title).toContain('no clear segments');
    expect(chart.alt).not.toContain(`k = ${near} is recommended`);
    expect(JSON.stringify(chart.spec)).not.toContain('your choice');
  });

  it('suggests another k the data can take, not a fixed `k 6`', () => {
    // 30 customers who are 3 repeated profiles: `k 6` is refused (only 3 different profiles).
    const analysis = analyze(threeRepeatedProfiles(), { seed: 42 });
    const inUse = kReply(analysis, []).sections.find((s) => s.heading === 'In use')!.body;
    expect(inUse).toBe(`This channel uses the recommended k = 3. Try another with \`/segment k 2\`.`);
  });

  it('glosses every figure column of its table in plain words', () => {
    const { table } = knownKTable({ k: 3, n: 300, separation: 8, shape: 'balanced', dims: 2, seed: 4 });
    const reply = kReply(analyze(table, { seed: 42 }), []);
    const reading = reply.sections.find((s) => s.heading === 'Reading the table')!.body;
    for (const column of reply.table!.columns.filter((c) => c !== 'k' && c !== 'Note'))
      expect(reading).toContain(`${column}: `);
  });
});
