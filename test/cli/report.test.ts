import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { SAMPLE_PATH } from '../support/mall.ts';

describe('segment analyze --out', () => {
  it('writes every chart as a PNG, report.md with the charts in place and report.json', async () => {
    const out = mkdtempSync(join(tmpdir(), 'segment-report-'));
    const run = await runCli('analyze', SAMPLE_PATH, '--out', out);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Charts and report written to ${out}`);

    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    const charts: Array<{ filename: string; alt: string; width: number }> = report.charts;
    expect(charts.map((c) => c.filename).sort()).toEqual(
      [
        'choose-k.png',
        'correlation.png',
        'distributions.png',
        'gender-split.png',
        'pair-plot.png',
        'segment-map.png',
        'segment-profiles.png',
        'silhouette.png',
        'spending-by-gender.png',
      ].sort(),
    );
    const markdown = readFileSync(join(out, 'report.md'), 'utf8');
    for (const chart of charts) {
      const meta = await sharp(join(out, chart.filename)).metadata();
      expect(meta.format).toBe('png');
      expect(meta.width).toBe(chart.width);
      expect(markdown).toContain(`](${chart.filename})`);
    }
    // The segment map sits with the segments, before the choice of k.
    expect(markdown.indexOf('segment-map.png')).toBeLessThan(
      markdown.indexOf('## Choosing the number of segments'),
    );
    expect(report.k).toBe(report.segments.length);
    expect(existsSync(join(out, 'prediction.png'))).toBe(false);
  });
});
