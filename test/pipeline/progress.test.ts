import { describe, expect, it } from 'vitest';
import { countLines, reportStep, withProgress } from '../../src/pipeline/progress.ts';

describe('upload progress', () => {
  it('counts lines with or without a final line break', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(countLines(bytes(''))).toBe(0);
    expect(countLines(bytes('a'))).toBe(1);
    expect(countLines(bytes('a\nb\n'))).toBe(2);
    expect(countLines(bytes('a\nb'))).toBe(2);
  });

  it('reports in round steps of about a quarter of the file', () => {
    expect(reportStep(1_000_000)).toBe(250_000);
    expect(reportStep(300_000)).toBe(100_000);
    expect(reportStep(120_000)).toBe(50_000);
  });

  it('says how many rows were read of the estimated total, only for large files', async () => {
    const rows = '1234,Female,35,60,70.5\n'.repeat(400_000);
    const lines: string[] = [];
    let bytes = 0;
    for await (const slice of withProgress(new TextEncoder().encode(`h\n${rows}`), 'big.csv', (l) =>
      lines.push(l),
    )) {
      bytes += slice.length;
    }
    expect(bytes).toBe(2 + rows.length);
    expect(lines).toEqual([
      'Reading big.csv: ~400,000 rows…',
      'Read 100,000 of ~400,000 rows…',
      'Read 200,000 of ~400,000 rows…',
      'Read 300,000 of ~400,000 rows…',
    ]);
    const quiet: string[] = [];
    for await (const _ of withProgress(new TextEncoder().encode('h\n1\n2\n'), 'small.csv', (l) =>
      quiet.push(l),
    )) {
      // drain
    }
    expect(quiet).toEqual([]);
  });
});
