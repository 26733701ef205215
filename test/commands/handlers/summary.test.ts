import { describe, expect, it } from 'vitest';
import { summaryReply } from '../../../src/commands/handlers/summary.ts';
import { analyze } from '../../../src/core/analyze.ts';
import { knownKTable } from '../../../src/core/known-k.ts';

describe('summary reply', () => {
  it('shows a 2-customer segment as a failed check', () => {
    const { table } = knownKTable({ k: 3, n: 300, separation: 8, shape: 'balanced', dims: 2, seed: 4 });
    // Two customers far from everyone else become their own segment at k = 4.
    table.income[0] = 140;
    table.spending[0] = 100;
    table.income[1] = 139;
    table.spending[1] = 99;
    const analysis = analyze(table, { k: 4 });
    expect(analysis.segments.map((s) => s.size)).toContain(2);
    const size = analysis.assumptions.find((c) => c.check === 'sizeBalance')!;
    expect(size.status).toBe('fail');
    const reply = summaryReply(analysis, { kind: 'sample' }, []);
    expect(
      reply.warnings.some((w) => w.startsWith('❌ No tiny segments') && w.includes('only 2 customers')),
    ).toBe(true);
  });
});
