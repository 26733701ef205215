import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { remedySentence } from '../../src/commands/remedy.ts';
import { cliSetting } from '../../src/report/summary.ts';
import { runCli, tempFile } from '../support/cli.ts';
import { HAS_MALL, MALL_PATH, NO_MALL, REFERENCE, SAMPLE_PATH } from '../support/mall.ts';

interface JsonReport {
  rows: number;
  k: number;
  features: string[];
  scaling: string;
  inertia: number;
  silhouette: number;
  skippedRows: Array<{ line: number; column: string; reason: string }>;
  selection: Array<{
    k: number;
    inertia: number;
    silhouette: number;
    calinskiHarabasz: number;
    daviesBouldin: number;
  }>;
  segments: Array<{
    id: number;
    name: string;
    size: number;
    share: number;
    centroid: Record<string, number>;
    meanAge: number;
    genderShares: Record<string, number>;
  }>;
  assumptions: Array<{ check: string; status: string; value: number; threshold: number; message: string }>;
  eda: { rows: number };
  stability: {
    resamples: number;
    kFrequency: Record<string, number>;
    segments: Array<{ id: number; jaccard: number }>;
  };
}

async function analyzeJson(...args: string[]): Promise<JsonReport> {
  const run = await runCli('analyze', ...args, '--json');
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

const segmentsOf = (r: JsonReport) =>
  r.segments.map((s) => ({ name: s.name, size: s.size, centroid: s.centroid }));

describe.skipIf(!HAS_MALL)(`segment analyze on the real Mall file ${HAS_MALL ? '' : NO_MALL}`, () => {
  it('prints the documented JSON with scikit-learn’s k = 5 answer', async () => {
    const r = await analyzeJson(MALL_PATH);
    expect(r).toMatchObject({
      rows: 200,
      k: 5,
      features: ['income', 'spending'],
      scaling: 'none',
      skippedRows: [],
    });
    expect(
      Math.abs(r.inertia - REFERENCE.incomeSpending.inertia) / REFERENCE.incomeSpending.inertia,
    ).toBeLessThan(0.005);
    expect(r.segments.map((s) => s.size)).toEqual(REFERENCE.incomeSpending.sizes);
    expect(Object.keys(r.segments[0]!)).toEqual(
      expect.arrayContaining(['id', 'name', 'size', 'share', 'centroid', 'meanAge', 'genderShares']),
    );
    expect(Object.keys(r.selection[0]!)).toEqual([
      'k',
      'inertia',
      'silhouette',
      'calinskiHarabasz',
      'daviesBouldin',
      'scatter',
    ]);
    expect(Object.keys(r.assumptions[0]!)).toEqual(
      expect.arrayContaining(['check', 'status', 'value', 'threshold', 'message']),
    );
    expect(r.eda.rows).toBe(200);
    // Issue 8's contract: bootstrap stability, every segment held (Jaccard ≥ 0.9).
    expect(r.stability.resamples).toBe(20);
    expect(Object.values(r.stability.kFrequency).reduce((a, b) => a + b, 0)).toBe(20);
    expect(r.stability.segments.map((s) => s.id)).toEqual([1, 2, 3, 4, 5]);
    for (const s of r.stability.segments) expect(s.jaccard).toBeGreaterThanOrEqual(0.9);
  });

  it('prints a readable summary by default', async () => {
    const run = await runCli('analyze', MALL_PATH);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('200 customers from mall_customers.csv fall into 5 segments');
    expect(run.stdout).toMatch(/High income · Low spending\s+35\s+17.5%/);
    expect(run.stdout).toContain('✅ Segments well separated');
  });

  it('peaks the silhouette at k = 6 with age, income and spending z-scored', async () => {
    const r = await analyzeJson(MALL_PATH, '--features', 'age,income,spending', '--scale', 'zscore');
    const best = r.selection.reduce((a, b) => (b.silhouette > a.silhouette ? b : a));
    expect(best.k).toBe(6);
  });
});

// The bundled sample is always present, so these run everywhere.
const sample = readFileSync(SAMPLE_PATH, 'utf8');
const [header, ...rows] = sample.trim().split('\n');

describe('segment analyze: same data, same segments', () => {
  it('gives byte-identical JSON for the same file and seed', async () => {
    const a = await runCli('analyze', SAMPLE_PATH, '--json', '--seed', '9');
    const b = await runCli('analyze', SAMPLE_PATH, '--json', '--seed', '9');
    expect(a.stdout).toBe(b.stdout);
  });

  it('is unchanged by row order, column order, header spelling and delimiter', async () => {
    const base = segmentsOf(await analyzeJson(SAMPLE_PATH));
    const reversed = tempFile(`${header}\n${[...rows].reverse().join('\n')}\n`);
    const permute = (line: string) => {
      const [id, g, age, inc, sp] = line.split(',');
      return [sp, age, id, inc, g].join(';');
    };
    const reshaped = tempFile(
      `spending_score;AGE;customer_id;annual_income;sex\n${rows.map(permute).join('\r\n')}\r\n\r\n`,
    );
    expect(segmentsOf(await analyzeJson(reversed))).toEqual(base);
    expect(segmentsOf(await analyzeJson(reshaped))).toEqual(base);
  });

  it('lists row notes in the summary, kept and skipped alike, with line and column', async () => {
    const noted = [...rows];
    noted[2] = noted[2]!.replace(/,(Male|Female),/, ',unknown,');
    noted[4] = noted[4]!.replace(/,(\d+),(\d+),(\d+)$/, ',abc,$2,$3');
    const run = await runCli('analyze', tempFile(`${header}\n${noted.join('\n')}\n`));
    expect(run.stdout).toContain('Kept: line 4, column Gender: "unknown"');
    expect(run.stdout).toContain('Skipped: line 6, column Age: "abc"');
  });

  it('names CLI flags, not Slack commands, in its advice', () => {
    expect(
      remedySentence(
        { advice: { code: 'standardise' }, action: { action: 'scale', to: 'zscore' } },
        cliSetting,
      ),
    ).toBe('Standardise the features: `--scale zscore`.');
    expect(
      remedySentence({ advice: { code: 'fewer-segments' }, action: { action: 'fewer-k', k: 4 } }, cliSetting),
    ).toBe('Try fewer segments: `--k 4`.');
    expect(remedySentence({ advice: { code: 'fewer-segments' }, action: { action: 'fewer-k', k: 4 } })).toBe(
      'Try fewer segments: `/segment k 4`.',
    );
  });

  it('lists skipped rows with line, column and reason and still analyses', async () => {
    const broken = [...rows];
    broken[4] = broken[4]!.replace(/,(\d+),(\d+),(\d+)$/, ',abc,$2,$3');
    const r = await analyzeJson(tempFile(`${header}\n${broken.join('\n')}\n`));
    expect(r.rows).toBe(199);
    expect(r.skippedRows).toEqual([
      expect.objectContaining({ line: 6, column: 'Age', reason: expect.stringMatching(/whole number/) }),
    ]);
  });
});
