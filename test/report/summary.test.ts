import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.ts';
import { knownKTable } from '../../src/core/known-k.ts';
import { checks, overview } from '../../src/report/summary.ts';

/** The file report's advice list, as `segment analyze FILE` prints it. */
const adviceItems = (a: ReturnType<typeof analyze>) =>
  overview(a).flatMap((b) => (b.kind === 'list' ? b.items : []));

describe('file report advice', () => {
  it('is tentative when the segments are arbitrary cuts, as in the summary reply', () => {
    const { table } = knownKTable({ k: 1, n: 300, separation: 6, shape: 'balanced', dims: 2, seed: 5 });
    const a = analyze(table, { seed: 3, k: 4 });
    expect(a.structure).toBe('none');
    const items = adviceItems(a);
    expect(items).toHaveLength(4);
    for (const item of items) expect(item).toMatch(/: Tentative: /);
  });

  it('flags a segment too small to rely on, and keeps firm advice firm', () => {
    const { table } = knownKTable({ k: 3, n: 300, separation: 8, shape: 'balanced', dims: 2, seed: 4 });
    table.income[0] = 140;
    table.spending[0] = 100;
    table.income[1] = 139;
    table.spending[1] = 99;
    const a = analyze(table, { k: 4 });
    const items = adviceItems(a);
    expect(items.filter((i) => i.includes('⚠️ too few to rely on)'))).toHaveLength(1);
    expect(items.some((i) => i.includes('Tentative'))).toBe(false);
  });

  it("at a user's k on grouped data says that split is arbitrary, not that the data has no groups", () => {
    const { table } = knownKTable({ k: 3, n: 300, separation: 3, shape: 'balanced', dims: 2, seed: 13 });
    const a = analyze(table, { seed: 42, k: 7 });
    expect(a.structure).toBe('none');
    const text = overview(a)
      .flatMap((b) => (b.kind === 'para' ? [b.text] : []))
      .join('\n');
    expect(text).toContain('At k = 7 these segments are no more distinct than cuts through groupless data');
    expect(text).not.toContain('no real groups');
    const checkItems = checks(a).flatMap((b) => (b.kind === 'list' ? b.items : []));
    expect(checkItems).toContainEqual(expect.stringMatching(/^❌ The 7 segments are real groups: At k = 7 /));
    expect(checkItems.join('\n')).not.toContain('The data has natural groups');
  });
});
