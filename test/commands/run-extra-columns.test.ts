/**
 * run() on a channel whose file carries extra columns (Region, LoyaltyTier,
 * Visits, Tenure (months), Email, Notes, Store): the summary breaks segments
 * down by the text columns, says which columns were ignored and why, and the
 * export carries the columns.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/commands/run.ts';
import { replyToTerminal } from '../../src/report/reply.ts';
import { replyMessage } from '../../src/slack/blocks/reply.ts';
import { parseCsv } from '../support/csv-reader.ts';
import { withExtraColumns } from '../support/extra-columns.ts';
import { MemoryChannel, replyWords, SAMPLE_PATH, sampleContext, uploaded } from './support.ts';

const CRM = withExtraColumns(readFileSync(SAMPLE_PATH, 'utf8'));

const channel = () =>
  new MemoryChannel({
    dataset: uploaded(902, 'crm-export.csv', CRM, 200),
    settings: { k: null, features: ['income', 'spending'], scaling: null },
  });

const text = replyWords;

describe('a channel whose file has breakdown columns', () => {
  it('says where a segment differs from all customers, and each segment’s shares per level', async () => {
    const reply = await run({ kind: 'summary' }, sampleContext(channel()));
    expect(reply.isError).toBe(false);
    const words = text(reply);
    // Gold goes mostly to high earners who spend a lot (test/support/extra-columns.ts).
    expect(words).toMatch(
      /• Segment \d \(High income · High spending\) is 70% Gold loyalty tier \(all customers: 14%\)/,
    );
    const tier = reply.sections.find((s) => s.heading === 'By loyalty tier')!;
    expect(tier.body.split('\n')[0]).toBe('• All customers: Bronze 55%, Silver 32%, Gold 14%');
    expect(tier.body.split('\n')).toHaveLength(1 + reply.table!.rows.length);
    expect(reply.sections.some((s) => s.heading === 'By region')).toBe(true);
    // Regions are dealt out in turn, so no segment stands out on region.
    expect(words).not.toMatch(/region \(all customers/);
  });

  it('names the breakdowns and the ignored columns with their reasons', async () => {
    const based = (await run({ kind: 'summary' }, sampleContext(channel()))).sections[0]!.body;
    expect(based).toContain(
      'Breakdowns (they describe the segments, not form them): Region and LoyaltyTier.',
    );
    expect(based).toContain(
      'Ignored columns: Email (an id or code, not a level customers share); Notes (mostly empty: 80% blank); Store (too many levels: over 30).',
    );
  });

  it('lists the other numeric columns with their observed range and unit', async () => {
    const based = (await run({ kind: 'summary' }, sampleContext(channel()))).sections[0]!.body;
    expect(based).toContain('Also in your file: visits (1–50), tenure (1–120 months)');
  });

  it('keeps the segments themselves as without the extra columns', async () => {
    const plain = await run({ kind: 'summary' }, sampleContext());
    const crm = await run({ kind: 'summary' }, sampleContext(channel()));
    expect(crm.table).toEqual(plain.table);
  });

  it('fits a Slack message', async () => {
    const message = replyMessage(await run({ kind: 'summary' }, sampleContext(channel())));
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(message.blocks)).toContain('By loyalty tier');
  });

  it('says what became of the extra columns in eda, instead of calling them all ignored', async () => {
    const quality = (await run({ kind: 'eda' }, sampleContext(channel()))).sections.find(
      (s) => s.heading === 'Data quality',
    )!;
    expect(quality.body).toContain(
      'Breakdowns (they describe the segments, not form them): Region and LoyaltyTier.',
    );
    expect(quality.body).not.toContain('Ignored columns: Region');
  });

  it('exports the breakdown and numeric columns beside each customer’s segment', async () => {
    const [file] = (await run({ kind: 'export' }, sampleContext(channel()))).files;
    const rows = parseCsv(file!.content.toString('utf8').replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual([
      'CustomerID',
      'Gender',
      'Age',
      'Annual Income (k$)',
      'Spending Score (1-100)',
      'Region',
      'LoyaltyTier',
      'Visits',
      'Tenure (months)',
      'Segment',
      'Segment name',
      'Distance to centre',
    ]);
    const source = CRM.trim().split('\n')[1]!.split(',');
    expect(rows[1]!.slice(0, 9)).toEqual(source.slice(0, 9));
  });
});

describe('clustering on a numeric column of the file', () => {
  it('takes /segment features income spending visits, z-scores the mixed units and profiles visits', async () => {
    const memory = channel();
    const reply = await run(
      { kind: 'features', features: ['income', 'spending', 'visits'] },
      sampleContext(memory),
    );
    expect(reply.isError).toBe(false);
    expect(memory.view().settings.features).toEqual(['income', 'spending', 'visits']);
    const summary = await run({ kind: 'summary' }, sampleContext(memory));
    expect(summary.table!.columns).toContain('Mean visits');
    expect(text(summary)).toContain('Settings: income, spending and visits, z-score scaling');
    expect(summary.table!.rows[0]![0]).toMatch(/visits/);
    // Tenure is not used yet, so the hint offers it.
    expect(text(summary)).toContain('`/segment features income spending visits tenure`');
  });

  it('shows the breakdown chart with the summary, with alt text naming the columns; the sample without breakdowns has none', async () => {
    const summary = await run({ kind: 'summary' }, sampleContext(channel()));
    const chart = summary.images.find((i) => i.filename === 'breakdowns.png');
    expect(chart?.alt).toMatch(/^Share of each loyalty tier and region level in each of the \d+ segments/);
    const plain = await run({ kind: 'summary' }, sampleContext());
    expect(plain.images.map((i) => i.filename)).toEqual(['segment-map.png', 'segment-profiles.png']);
  });

  it('says z-scores were chosen because the features are in different units, in Slack and in the terminal', async () => {
    const memory = channel();
    await run({ kind: 'features', features: ['income', 'spending', 'visits'] }, sampleContext(memory));
    const summary = await run({ kind: 'summary' }, sampleContext(memory));
    const because = 'z-score scaling, because the features are in different units; k = ';
    expect(JSON.stringify(replyMessage(summary))).toContain(because);
    expect(replyToTerminal(summary)).toContain(because);
    // Asked for, or the plain default for income and spending: no reason given.
    await run({ kind: 'features', scaling: 'zscore' }, sampleContext(memory));
    const asked = text(await run({ kind: 'summary' }, sampleContext(memory)));
    expect(asked).toContain('income, spending and visits, z-score scaling, k = ');
    expect(asked).not.toContain('different units');
    const plain = text(await run({ kind: 'summary' }, sampleContext(channel())));
    expect(plain).toContain('Settings: income and spending, no scaling, k = ');
    expect(plain).not.toContain('different units');
  });

  it('heads a column of the file by its title and the unit its header states', async () => {
    const memory = channel();
    await run({ kind: 'features', features: ['income', 'spending', 'tenure'] }, sampleContext(memory));
    const summary = await run({ kind: 'summary' }, sampleContext(memory));
    // The header is "Tenure (months)": not the internal name "tenure" alone.
    expect(summary.table!.columns).toContain('Mean tenure (months)');
  });

  it('offers the columns in the summary as a command to copy', async () => {
    const words = text(await run({ kind: 'summary' }, sampleContext(channel())));
    expect(words).toContain(
      'Also in your file: visits (1–50), tenure (1–120 months) — `/segment features income spending visits`.',
    );
  });

  it('predicts with a named value for the column, and asks for it when it is missing', async () => {
    const memory = channel();
    await run({ kind: 'features', features: ['income', 'spending', 'visits'] }, sampleContext(memory));
    const placed = await run(
      { kind: 'predict', customer: { age: 30, income: 90, spending: 85, extra: { visits: 42 } } },
      sampleContext(memory),
    );
    expect(placed.isError).toBe(false);
    expect(text(placed)).toMatch(/High income · High spending · High visits/);
    const missing = await run(
      { kind: 'predict', customer: { age: 30, income: 90, spending: 85 } },
      sampleContext(memory),
    );
    expect(missing.isError).toBe(true);
    expect(text(missing)).toContain('the segments also use visits: give its value as visits=…');
    const unknown = await run(
      { kind: 'predict', customer: { age: 30, income: 90, spending: 85, extra: { visits: 4, height: 180 } } },
      sampleContext(memory),
    );
    expect(text(unknown)).toContain('the segments do not use height; they use income, spending and visits');
  });

  it('refuses a name that is no column of the file, listing the ones it has, and keeps the features', async () => {
    const memory = channel();
    const reply = await run({ kind: 'features', features: ['income', 'height'] }, sampleContext(memory));
    expect(reply.isError).toBe(true);
    expect(text(reply)).toContain(
      '"height" is not a feature: choose from age, income and spending, or a numeric column of this file: visits and tenure',
    );
    expect(memory.view().settings.features).toEqual(['income', 'spending']);
  });

  it('refuses a column with empty cells, saying how many', async () => {
    const gappy = CRM.replace(/^(1,.*?,North,Silver,)41,/m, '$1,');
    const memory = new MemoryChannel({
      dataset: uploaded(903, 'gappy.csv', gappy, 200),
      settings: { k: null, features: ['income', 'spending'], scaling: null },
    });
    const reply = await run(
      { kind: 'features', features: ['income', 'spending', 'visits'] },
      sampleContext(memory),
    );
    expect(reply.isError).toBe(true);
    expect(text(reply)).toContain('Visits is empty in 1 row, and segments need a value for every customer');
  });
});
