import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { missingChartsWarning } from '../../src/commands/messages.ts';
import { analyze } from '../../src/core/analyze.ts';
import { generateCustomers } from '../../src/core/synthetic.ts';
import { renderGroup } from '../../src/pipeline/charts.ts';

describe('a chart that cannot be drawn', () => {
  const table = generateCustomers(200, 4);
  const analysis = analyze(table);

  it('costs only itself: the other charts of the group are still drawn', async () => {
    // A table that does not match the analysis makes the segment map refuse to draw.
    const mismatched = generateCustomers(150, 4);
    const errors: string[] = [];
    const group = await renderGroup('summary', { analysis, table: mismatched }, (kind) => errors.push(kind));
    expect(group.missing).toEqual(['segment map']);
    expect(errors).toEqual(['segment-map']);
    expect(group.images.map((i) => i.filename)).toEqual(['segment-profiles.png']);
    expect((await sharp(group.images[0]!.png).metadata()).format).toBe('png');
  });

  it('draws every chart of the group when nothing is wrong', async () => {
    const group = await renderGroup('summary', { analysis, table });
    expect(group.missing).toEqual([]);
    expect(group.images.map((i) => i.filename)).toEqual(['segment-map.png', 'segment-profiles.png']);
  });

  it('is named in plain words under the answer', () => {
    expect(missingChartsWarning(['segment map'])).toBe(
      'Could not draw the segment map chart this time; the figures above are complete. Ask again to retry.',
    );
    expect(missingChartsWarning(['pair plot', 'correlations'])).toMatch(
      /these charts: pair plot, correlations/,
    );
  });
});
