import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/commands/run.ts';
import { predict } from '../../src/core/model.ts';
import { customersToCsv, generateCustomers } from '../../src/core/synthetic.ts';
import { segmentHint } from '../../src/phrases/segments.ts';
import { parseCsv } from '../support/csv-reader.ts';
import { customersOf } from '../support/results.ts';
import { isPng, MemoryChannel, SAMPLE_PATH, sampleContext, uploaded } from './support.ts';

describe('k', () => {
  it('shows the selection table with the recommendation marked, and the choose-k chart', async () => {
    const reply = await run({ kind: 'k' }, sampleContext());
    expect(reply.table!.columns.slice(0, 5)).toEqual([
      'k',
      'Inertia',
      'Silhouette',
      'Calinski–Harabasz',
      'Davies–Bouldin',
    ]);
    expect(reply.table!.rows.map((r) => r[0])).toEqual(['2', '3', '4', '5', '6', '7', '8', '9', '10']);
    const marked = reply.table!.rows.filter((r) => r[5]!.includes('recommended'));
    expect(marked).toHaveLength(1);
    expect(reply.text).toBe(`Recommended: k = ${marked[0]![0]}.`);
    expect(reply.sections.find((s) => s.heading === 'Why')!.body.length).toBeGreaterThan(20);
    expect(reply.images.length).toBeGreaterThan(0);
    expect(reply.images.every((i) => isPng(i.png))).toBe(true);
  });

  it('k 6 refits with six segments and saves the setting; k auto returns to the recommendation', async () => {
    const context = sampleContext();
    const six = await run({ kind: 'k', k: 6 }, context);
    expect(six.table!.rows).toHaveLength(6);
    expect(six.text).toMatch(/^6 segments/);
    expect(context.channel.current.settings.k).toBe(6);
    expect(six.sections[0]).toEqual({
      heading: 'Saved for this channel',
      body: expect.stringContaining('k = 6'),
    });
    const auto = await run({ kind: 'k', auto: true }, context);
    expect(context.channel.current.settings.k).toBeNull();
    expect(auto.text).not.toMatch(/^6 segments/);
  });

  it('refuses a k the data cannot support and keeps the old setting', async () => {
    const tiny = customersToCsv(generateCustomers(12, 5));
    const channel = new MemoryChannel({
      dataset: uploaded(2, 'tiny.csv', tiny, 12),
      settings: { k: 3, features: ['income', 'spending'], scaling: null },
    });
    const reply = await run({ kind: 'k', k: 15 }, sampleContext(channel));
    expect(reply.isError).toBe(true);
    expect(reply.visibility).toBe('ephemeral');
    expect(reply.title).toBe('Not enough customers');
    expect(reply.text).toContain('too few for 15 segments');
    expect(channel.current.settings.k).toBe(3);
  });
});

describe('features and scale', () => {
  it('segments on the chosen features and saves them', async () => {
    const context = sampleContext();
    const reply = await run({ kind: 'features', features: ['age', 'income', 'spending'] }, context);
    expect(context.channel.current.settings.features).toEqual(['age', 'income', 'spending']);
    expect(reply.sections.find((s) => s.heading === 'Based on')!.body).toContain(
      'age, income and spending, z-score scaling',
    );
  });

  it('changes only the scaling with scale', async () => {
    const context = sampleContext();
    const reply = await run({ kind: 'features', scaling: 'minmax' }, context);
    expect(context.channel.current.settings).toEqual({
      k: null,
      features: ['income', 'spending'],
      scaling: 'minmax',
    });
    expect(reply.sections[0]!.body).toBe(
      'Segments use income and spending, with min–max scaling and the recommended k.',
    );
  });
});

describe('predict', () => {
  it('names the segment with its hint, clarity and the distance to every centre', async () => {
    const customer = { age: 25, gender: 'Female' as const, income: 60, spending: 75 };
    const context = sampleContext();
    const { analysis } = customersOf(
      await context.runner.analyze({
        dataset: { kind: 'sample' },
        settings: context.channel.view().settings,
        seed: 42,
      }),
    );
    const truth = predict(analysis.model, customer);
    const reply = await run({ kind: 'predict', customer }, context);
    expect(reply.title).toBe(`Predicted segment: ${truth.segment.name}`);
    expect(reply.text).toBe(
      `A 25-year-old female customer with an income of 60.0 k$ and a spending score of 75.0 belongs to segment ${truth.segment.id}, ${truth.segment.name}.`,
    );
    expect(reply.sections.find((s) => s.heading === 'What to do')!.body).toBe(
      segmentHint(truth.segment.advice),
    );
    expect(reply.sections.find((s) => s.heading === 'How clear')!.body).toMatch(
      /^(Clearly|Fairly clearly|Borderline)[^.]*(\.[^.(][^.]*)*[^.] \(margin \d+\.\d+\)\.$/,
    );
    expect(reply.table!.rows).toHaveLength(analysis.k);
    expect(reply.table!.rows[0]![2]).toBe('nearest');
    expect(reply.images.length).toBeGreaterThan(0);
    expect(reply.images.every((i) => isPng(i.png))).toBe(true);
  });
});

describe('export', () => {
  it('attaches a CSV of every customer with their segment', async () => {
    const reply = await run({ kind: 'export' }, sampleContext());
    const [file] = reply.files;
    expect(file!.mimetype).toBe('text/csv');
    expect(file!.filename).toMatch(/^customers-segments-k\d+\.csv$/);
    const rows = parseCsv(file!.content.toString('utf8').replace(/^\uFEFF/, ''));
    expect(rows).toHaveLength(201);
    expect(rows[1]![0]).toBe(readFileSync(SAMPLE_PATH, 'utf8').split('\n')[1]!.split(',')[0]);
  });
});

describe('data and reset', () => {
  it('says the sample is in use until a file is uploaded', async () => {
    const reply = await run({ kind: 'data' }, sampleContext());
    expect(reply.text).toBe(
      'This channel uses the bundled sample data — upload a CSV to this channel to use your own.',
    );
  });

  it('shows the uploaded file, uploader, date, rows and skipped rows (the uploader only in the text)', async () => {
    const channel = new MemoryChannel({
      dataset: uploaded(3, 'sales-2026.csv', 'x', 200),
      settings: { k: 6, features: ['income', 'spending'], scaling: 'zscore' },
    });
    const reply = await run({ kind: 'data' }, sampleContext(channel));
    expect(reply.text).toBe(
      'This channel uses sales-2026.csv uploaded by <@U123> on 2026-11-29, 200 rows, 0 skipped.',
    );
    // A mention does not render inside the monospace table, so the table leaves the uploader out.
    expect(reply.table!.columns).toEqual(['File', 'On', 'Rows', 'Skipped']);
    expect(reply.table!.rows[0]).toEqual(['sales-2026.csv', '2026-11-29', '200', '0']);
    expect(reply.sections[0]!.body).toContain('k: 6, set by hand');
  });

  it('reset goes back to the sample', async () => {
    const context = sampleContext(
      new MemoryChannel({
        dataset: uploaded(4, 'a.csv', 'x', 1),
        settings: { k: 4, features: ['age', 'income'], scaling: null },
      }),
    );
    const reply = await run({ kind: 'reset' }, context);
    expect(context.channel.resets).toBe(1);
    expect(context.channel.current.dataset).toEqual({ kind: 'sample' });
    expect(reply.title).toBe('Back to the sample data');
  });
});
