import { describe, expect, it } from 'vitest';
import { segmentTable, summaryReply } from '../../src/commands/handlers/summary.ts';
import { run } from '../../src/commands/run.ts';
import { segmentStability, stabilityLine, stabilitySection } from '../../src/commands/stability.ts';
import type { Analysis, SegmentStability, StabilityVerdict } from '../../src/core/types.ts';
import { overview } from '../../src/report/summary.ts';
import { buildFixture } from '../support/analysis-fixture.ts';
import { sampleContext } from './support.ts';

const figures = (id: number, jaccard: number, verdict: StabilityVerdict): SegmentStability => ({
  id,
  jaccard,
  min: jaccard - 0.1,
  dissolved: verdict === 'doubtful' ? 4 : 0,
  verdict,
});

function withStability(kFrequency: Record<string, number>, segments: SegmentStability[]): Analysis {
  const { analysis } = buildFixture();
  return {
    ...analysis,
    stability: { resamples: 20, sampleSize: 200, restarts: 3, kFrequency, segments },
  };
}

const allStable = () =>
  withStability(
    { 5: 15, 6: 5 },
    [0.99, 0.98, 0.975, 0.97, 0.99].map((j, i) => figures(i + 1, j, 'stable')),
  );
const oneDoubtful = () =>
  withStability({ 5: 6, 6: 9, 7: 5 }, [
    figures(1, 0.95, 'stable'),
    figures(2, 0.93, 'stable'),
    figures(3, 0.72, 'fair'),
    figures(4, 0.91, 'stable'),
    figures(5, 0.41, 'doubtful'),
  ]);

describe('the stability line', () => {
  it('says how often k won and that every segment held, with a true lower bound', () => {
    expect(stabilityLine(allStable())).toBe(
      'Stable: k = 5 won 15 of 20 resamples; every segment held together (Jaccard ≥ 0.97).',
    );
  });

  it('says "1.00 each" when every resample recovered every segment exactly, not "≥ 1.00"', () => {
    const exact = withStability(
      { 5: 20 },
      [1, 2, 3, 4, 5].map((id) => figures(id, 1, 'stable')),
    );
    expect(stabilityLine(exact)).toBe(
      'Stable: k = 5 won 20 of 20 resamples; every segment held together (Jaccard 1.00 each).',
    );
  });

  it('names the k that won more often and every segment that did not hold', () => {
    expect(stabilityLine(oneDoubtful())).toBe(
      'Unstable: k = 5 won 6 of 20 resamples (k = 6 won 9); 2 of 5 segments did not hold firmly: segment 3 (only fairly stable, Jaccard 0.72) and segment 5 (unstable, Jaccard 0.41).',
    );
  });

  it("when no resample chose the k shown, says the verdict is the segments' and names the k they chose", () => {
    const userK = withStability(
      { 4: 20 },
      [0.99, 0.98, 0.975, 0.97, 0.99].map((j, i) => figures(i + 1, j, 'stable')),
    );
    expect(stabilityLine(userK)).toBe(
      'Stable segments, but k = 5 won none of 20 resamples (k = 4 won 20); every segment held together (Jaccard ≥ 0.97).',
    );
  });

  it('rounds a Jaccard down, so it sits on its verdict\'s side of "0.85 or more is stable"', () => {
    const justUnder = withStability({ 5: 20 }, [
      ...[0.99, 0.98, 0.97, 0.96].map((j, i) => figures(i + 1, j, 'stable')),
      figures(5, 0.848, 'fair'),
    ]);
    expect(stabilityLine(justUnder)).toContain('segment 5 (only fairly stable, Jaccard 0.84)');
    expect(stabilitySection(justUnder).body).toContain('5. ');
    expect(stabilitySection(justUnder).body).toMatch(/Jaccard 0\.84 \(lowest 0\.74,/);
  });

  it('with one group, says where the nearest split wandered', () => {
    const a = { ...withStability({ 2: 4, 3: 9, 7: 7 }, [figures(1, 1, 'stable')]), k: 1 };
    expect(stabilityLine(a)).toBe(
      'Stability: across 20 resamples the nearest split landed between k = 2 and k = 7 (most often k = 3, 9 times).',
    );
  });
});

describe('stability at the edges', () => {
  it('the Slack summary carries the line and flags the segments that do not hold', () => {
    const a = oneDoubtful();
    const reply = summaryReply(a, { kind: 'sample' }, []);
    expect(reply.sections.map((s) => s.body)).toContain(stabilityLine(a));
    const names = reply.table!.rows.map((r) => r[0]!);
    expect(names[2]).toMatch(/⚠️ only fairly stable$/);
    expect(names[4]).toMatch(/⚠️ unstable$/);
    expect(names.filter((n) => n.includes('⚠️'))).toHaveLength(2);
    const advice = reply.sections.find((s) => s.heading === 'What to do with each segment')!.body;
    expect(advice).toContain('⚠️ unstable');
  });

  it('the CLI report has the line and the same flags', () => {
    const a = oneDoubtful();
    const blocks = overview(a);
    expect(blocks).toContainEqual({ kind: 'para', text: stabilityLine(a) });
    const table = blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows[4]![1]).toMatch(/⚠️ unstable$/);
  });

  it('a stable segmentation flags nothing', () => {
    const a = allStable();
    const table = segmentTable(a.segments, true, (s) => segmentStability(a, s));
    expect(table.rows.some((r) => r[0]!.includes('⚠️'))).toBe(false);
  });

  it('check gives every segment its Jaccard, lowest Jaccard and dissolutions', () => {
    const section = stabilitySection(oneDoubtful());
    expect(section.body).toContain('k = 6: 9, k = 5: 6, k = 7: 5');
    expect(section.body).toMatch(/5\. .*: Jaccard 0\.41 \(lowest 0\.31, dissolved in 4 of 20\), unstable\./);
    expect(section.body.split('\n').filter((l) => l.startsWith('• '))).toHaveLength(5);
  });

  it('the check command ends with the stability figures of the real analysis', async () => {
    const reply = await run({ kind: 'check' }, sampleContext());
    const section = reply.sections.find((s) => s.heading === 'How firm the segments are (bootstrap)');
    expect(section?.body).toMatch(/^20 bootstrap resamples of 200 customers/);
    expect(section?.body).toMatch(/1\. .*: Jaccard \d\.\d\d \(lowest \d\.\d\d, dissolved in \d+ of 20\)/);
  });
});
