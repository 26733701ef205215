/** The profiles chart draws a panel for each of the file's own columns the segments were formed on. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { segmentProfiles } from '../../../src/charts/specs/segment-profiles.ts';
import { analyze } from '../../../src/core/analyze.ts';
import { readCustomers } from '../../../src/ingest/csv.ts';
import { withExtraColumns } from '../../support/extra-columns.ts';
import { SAMPLE_PATH } from '../../support/mall.ts';

type Panel = { title: { text: string[] }; layer: Array<{ data?: { values: Array<{ m: number }> } }> };

describe('segment profiles on a file column', () => {
  it('has a panel of mean visits per segment, its dashed line at the mean of all customers', async () => {
    const ingest = await readCustomers(withExtraColumns(readFileSync(SAMPLE_PATH, 'utf8')), {
      fileName: 'crm.csv',
    });
    const analysis = analyze(ingest.table, { features: ['income', 'spending', 'visits'] }, ingest.source);
    const { spec } = segmentProfiles({ analysis, table: ingest.table });
    const panels = (spec as unknown as { hconcat: Panel[] }).hconcat;
    const visits = panels.find((p) => p.title.text[0] === 'Mean visits');
    expect(visits).toBeDefined();
    const column = ingest.table.numbers!.find((c) => c.name === 'visits')!.values;
    const mean = column.reduce((s, v) => s + v, 0) / column.length;
    expect(visits!.layer[0]!.data!.values[0]!.m).toBeCloseTo(mean, 9);
    const rows = (spec as unknown as { data: { values: Array<Record<string, number>> } }).data.values;
    expect(rows.map((r) => r.own0)).toEqual(analysis.segments.map((s) => s.centroid.visits));
  });

  it('draws no such panel on the catalogue features alone', async () => {
    const ingest = await readCustomers(readFileSync(SAMPLE_PATH, 'utf8'), { fileName: 'sample.csv' });
    const analysis = analyze(ingest.table, {}, ingest.source);
    const panels = (
      segmentProfiles({ analysis, table: ingest.table }).spec as unknown as { hconcat: Panel[] }
    ).hconcat;
    expect(panels.map((p) => p.title.text[0])).toEqual([
      'Customers',
      'Mean age',
      'Mean income',
      'Mean spending',
    ]);
  });
});
