import { beforeAll, describe, expect, it } from 'vitest';
import type { Command } from '../../src/commands/command.ts';
import { formatCount, formatMean, formatShare } from '../../src/commands/format.ts';
import { COMMAND_HELP } from '../../src/commands/help.ts';
import type { Reply } from '../../src/commands/reply.ts';
import { run } from '../../src/commands/run.ts';
import { analyze } from '../../src/core/analyze.ts';
import type { Analysis } from '../../src/core/types.ts';
import { readCustomerFile } from '../../src/ingest/file.ts';
import { segmentHint } from '../../src/phrases/segments.ts';
import { isPng, MemoryChannel, SAMPLE_PATH, SEED, sampleContext, uploaded } from './support.ts';

let expected: Analysis;
beforeAll(async () => {
  // The same analysis, computed directly, to check the numbers the replies show.
  const ingest = await readCustomerFile(SAMPLE_PATH);
  expected = analyze(ingest.table, { features: ['income', 'spending'], seed: SEED }, ingest.source);
});

const runOnSample = (command: Command, channel?: MemoryChannel) => run(command, sampleContext(channel));

function expectPngs(reply: Reply): void {
  expect(reply.images.length).toBeGreaterThan(0);
  for (const image of reply.images) {
    expect(isPng(image.png), image.filename).toBe(true);
    expect(image.filename).toMatch(/\.png$/);
    expect(image.alt.length).toBeGreaterThan(10);
  }
}

describe('help', () => {
  it('lists every command with an example, only for the asker', async () => {
    const reply = await runOnSample({ kind: 'help' });
    expect(reply.visibility).toBe('ephemeral');
    expect(reply.isError).toBe(false);
    const body = reply.sections.map((s) => s.body).join('\n');
    for (const command of COMMAND_HELP) expect(body).toContain(`\`/segment ${command.examples[0]}\``);
    expect(body).toContain('/segment predict 25 F 60 75');
  });
});

describe('summary', () => {
  it('tabulates every segment with the analysis figures', async () => {
    const reply = await runOnSample({ kind: 'summary' });
    expect(reply.table!.columns).toEqual([
      'Segment',
      'Customers',
      'Share',
      'Mean age',
      'Income k$',
      'Spending',
      'Female/Male %',
    ]);
    expect(reply.table!.rows).toHaveLength(expected.k);
    const [first] = expected.segments;
    expect(reply.table!.rows[0]).toEqual([
      `1. ${first!.name}`,
      formatCount(first!.size),
      formatShare(first!.share),
      formatMean(first!.meanAge!),
      formatMean(first!.meanIncome),
      formatMean(first!.meanSpending),
      `${Math.round(first!.genderShares.Female * 100)}/${Math.round(first!.genderShares.Male * 100)}`,
    ]);
    const customers = reply.table!.rows.reduce((sum, row) => sum + Number(row[1]!.replaceAll(',', '')), 0);
    expect(customers).toBe(200);
  });

  it('says k and the silhouette in words, and which data it is based on', async () => {
    const reply = await runOnSample({ kind: 'summary' });
    expect(reply.text).toMatch(
      new RegExp(
        `^${expected.k} segments, \\w+ separated .*\\(silhouette \\d\\.\\d\\d\\), from 200 customers\\.$`,
      ),
    );
    const basedOn = reply.sections.find((s) => s.heading === 'Based on')!.body;
    expect(basedOn).toContain('bundled sample data — upload a CSV to this channel to use your own');
    const advice = reply.sections.find((s) => s.heading === 'What to do with each segment')!.body;
    for (const segment of expected.segments) expect(advice).toContain(segmentHint(segment.advice));
    expect(reply.visibility).toBe('in_channel');
    expectPngs(reply);
  });

  it('names an uploaded file, its uploader, date, rows and skipped rows', async () => {
    const csv = (await import('node:fs')).readFileSync(SAMPLE_PATH, 'utf8');
    const channel = new MemoryChannel({
      dataset: uploaded(1, 'sales-2026.csv', csv, 200),
      settings: { k: null, features: ['income', 'spending'], scaling: null },
    });
    const reply = await runOnSample({ kind: 'summary' }, channel);
    expect(reply.sections[0]!.body).toContain(
      'sales-2026.csv uploaded by <@U123> on 2026-11-29, 200 rows, 0 skipped',
    );
  });
});

describe('eda', () => {
  it('gives the descriptive statistics per feature', async () => {
    const reply = await runOnSample({ kind: 'eda' });
    expect(reply.table!.rows.map((r) => r[0])).toEqual([
      'Age (years)',
      'Annual income (k$)',
      'Spending score (1–100)',
    ]);
    const age = expected.eda.describe.find((d) => d.feature === 'age')!;
    expect(reply.table!.rows[0]!.slice(1, 4)).toEqual([
      formatCount(age.count),
      formatMean(age.mean),
      formatMean(age.std),
    ]);
    expect(reply.text).toContain('200 customers');
    expectPngs(reply);
  });
});

describe('check', () => {
  it('gives every assumption a verdict mark, figure and threshold', async () => {
    const reply = await runOnSample({ kind: 'check' });
    expect(reply.table!.rows).toHaveLength(expected.assumptions.length);
    for (const row of reply.table!.rows) expect(row[1]).toMatch(/^(✅ passes|⚠️ borderline|❌ fails)$/);
    const checkSections = reply.sections.filter((s) => /^(✅|⚠️|❌) /.test(s.heading ?? ''));
    expect(checkSections).toHaveLength(expected.assumptions.length);
    for (const section of checkSections)
      expect(section.body).toMatch(/Figure -?[\d,.–]+, threshold -?[\d,.–]+\./);
    expect(reply.text).toMatch(/^\d of \d+ checks pass/);
    expectPngs(reply);
  });
});
