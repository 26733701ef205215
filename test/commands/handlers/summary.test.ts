import { beforeAll, describe, expect, it } from 'vitest';
import { summaryReply } from '../../../src/commands/handlers/summary.ts';
import { analyze } from '../../../src/core/analyze.ts';
import { knownKTable } from '../../../src/core/known-k.ts';
import type { Analysis } from '../../../src/core/types.ts';
import { CHECK_TITLES, findingWords, wordCheck } from '../../../src/phrases/checks.ts';
import { replyMessage } from '../../../src/slack/blocks/reply.ts';

/** Everything a Slack user sees in the summary message. */
const slackText = (analysis: Analysis) =>
  replyMessage(summaryReply(analysis, { kind: 'sample' }, []))
    .blocks.map((b) => JSON.stringify(b))
    .join('\n');

describe('summary reply', () => {
  let tiny: Analysis;
  beforeAll(() => {
    const { table } = knownKTable({ k: 3, n: 300, separation: 8, shape: 'balanced', dims: 2, seed: 4 });
    // Two customers far from everyone else become their own segment at k = 4.
    table.income[0] = 140;
    table.spending[0] = 100;
    table.income[1] = 139;
    table.spending[1] = 99;
    tiny = analyze(table, { k: 4 });
  });

  it('shows a 2-customer segment as a failed check, in the Reply and in the Slack message', () => {
    expect(tiny.segments.map((s) => s.size)).toContain(2);
    const size = tiny.assumptions.find((c) => c.check === 'sizeBalance')!;
    expect(size.status).toBe('fail');
    const reply = summaryReply(tiny, { kind: 'sample' }, []);
    expect(
      reply.warnings.some((w) => w.startsWith('❌ No tiny segments') && w.includes('only 2 customers')),
    ).toBe(true);
    expect(slackText(tiny)).toContain('No tiny segments');
    expect(slackText(tiny)).toContain('only 2 customers (0.7%)');
  });

  it('shows every borderline check too, not only the failed ones, fails first', () => {
    const warned = {
      ...tiny,
      assumptions: tiny.assumptions.map((c) =>
        c.check === 'skewness' || c.check === 'correlation' ? { ...c, status: 'warn' as const } : c,
      ),
    };
    const { warnings } = summaryReply(warned, { kind: 'sample' }, []);
    const doubts = warned.assumptions.filter((c) => c.status !== 'pass');
    expect(doubts.length).toBeGreaterThanOrEqual(3);
    for (const c of doubts.map(wordCheck)) expect(warnings.some((w) => w.includes(c.message))).toBe(true);
    expect(warnings[0]).toMatch(/^❌/);
    const text = slackText(warned);
    expect(text).toContain(
      `⚠️ ${CHECK_TITLES.skewness}: ${findingWords(warned.assumptions.find((c) => c.check === 'skewness')!.finding, 'warn')}`,
    );
    expect(text).toContain(`⚠️ ${CHECK_TITLES.correlation}:`);
  });

  it('flags the tiny segment by its advice, which read as firm as the others', () => {
    const reply = summaryReply(tiny, { kind: 'sample' }, []);
    const hints = reply.sections.find((s) => s.heading === 'What to do with each segment')!.body;
    const lines = hints.split('\n');
    expect(lines.filter((l) => l.includes('too few to rely on'))).toHaveLength(1);
    expect(lines.find((l) => l.includes('(2 customers'))).toMatch(
      /\(2 customers;.* ⚠️ too few to rely on\): /,
    );
  });
});
