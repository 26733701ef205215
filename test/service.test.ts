import { afterEach, describe, expect, it } from 'vitest';
import { customersToCsv, generateCustomers } from '../src/core/synthetic.ts';
import { isPng } from './commands/support.ts';
import { withExtraColumns } from './support/extra-columns.ts';
import { NO_SPENDING_CSV, SAMPLE_CSV, SCOPE_A, SCOPE_B, serviceHarness, upload } from './support/service.ts';

let harness = serviceHarness();
afterEach(async () => {
  await harness.cleanup();
  harness = serviceHarness();
});

describe('commands typed in Slack', () => {
  it('answers a mistyped command with an error reply instead of throwing', async () => {
    const service = await harness.start();
    const reply = await service.runText(SCOPE_A, 'sumary');
    expect(reply).toMatchObject({ isError: true, visibility: 'ephemeral', title: 'Unknown command' });
    expect(reply.text).toContain('Did you mean `/segment summary`?');
  });

  it('answers help for empty text', async () => {
    const service = await harness.start();
    const reply = await service.runText(SCOPE_A, '');
    expect(reply.visibility).toBe('ephemeral');
    expect(reply.isError).toBe(false);
  });
});

describe('uploads', () => {
  it('makes an accepted file the channel data, with a summary, and keeps it after a restart', async () => {
    const first = await harness.start();
    const reply = await first.ingestUpload(SCOPE_A, upload('sales-2026.csv', SAMPLE_CSV));
    expect(reply.isError).toBe(false);
    expect(reply.title).toBe('New data: sales-2026.csv');
    expect(reply.images.every((image) => isPng(image.png))).toBe(true);
    expect((await first.runText(SCOPE_A, 'k 4')).table!.rows).toHaveLength(4);
    await harness.stop();

    const second = await harness.start();
    const data = await second.runText(SCOPE_A, 'data');
    expect(data.text).toBe(
      'This channel uses sales-2026.csv uploaded by <@U123> on 2026-11-29, 200 rows, 0 skipped.',
    );
    expect(data.sections[0]!.body).toContain('k: 4, set by hand');
    expect((await second.runText(SCOPE_A, 'summary')).table!.rows).toHaveLength(4);
  });

  it('saves a resumed delivery once: the same source key again changes nothing the channel chose since', async () => {
    const service = await harness.start();
    const delivery = { ...upload('resumed.csv', SAMPLE_CSV), sourceKey: 'slack-job:41' };
    expect((await service.ingestUpload(SCOPE_A, delivery)).isError).toBe(false);
    await service.runText(SCOPE_A, 'k 4');
    // The job ran again after a crash between the save and its answer.
    expect((await service.ingestUpload(SCOPE_A, delivery)).isError).toBe(false);
    expect((await service.runText(SCOPE_A, 'data')).sections[0]!.body).toContain('k: 4, set by hand');
    // A new delivery of the same file is a new upload: k goes back to the recommendation.
    await service.ingestUpload(SCOPE_A, { ...delivery, sourceKey: 'slack-job:42' });
    expect((await service.runText(SCOPE_A, 'data')).sections[0]!.body).not.toContain('set by hand');
  });

  it('refuses a bad file with the reason and keeps the previous dataset and settings', async () => {
    const service = await harness.start();
    await service.ingestUpload(SCOPE_A, upload('good.csv', SAMPLE_CSV));
    await service.runText(SCOPE_A, 'k 4');
    const refused = await service.ingestUpload(SCOPE_A, upload('broken.csv', NO_SPENDING_CSV));
    expect(refused).toMatchObject({
      isError: true,
      visibility: 'ephemeral',
      title: 'That file could not be used',
    });
    expect(refused.text).toMatch(/^broken\.csv.*spending/i);
    expect(refused.sections[0]!.body).toBe(
      'Nothing changed: this channel keeps using good.csv uploaded by <@U123> on 2026-11-29, 200 rows, 0 skipped.',
    );
    const data = await service.runText(SCOPE_A, 'data');
    expect(data.table!.rows[0]![0]).toBe('good.csv');
    expect(data.sections[0]!.body).toContain('k: 4, set by hand');
  });

  it('refuses a file without Age in a channel that segments on age, and keeps the previous data', async () => {
    const service = await harness.start();
    await service.ingestUpload(SCOPE_A, upload('good.csv', SAMPLE_CSV));
    expect((await service.runText(SCOPE_A, 'features age income spending')).isError).toBe(false);
    const noAge = Buffer.from(
      SAMPLE_CSV.toString('utf8')
        .trim()
        .split('\n')
        .map((line) =>
          line
            .split(',')
            .filter((_, i) => i !== 2)
            .join(','),
        )
        .join('\n'),
    );
    const refused = await service.ingestUpload(SCOPE_A, upload('crm-export.csv', noAge));
    expect(refused.isError).toBe(true);
    expect(refused.text).toMatch(/^crm-export\.csv.*no Age column/);
    expect(refused.sections[0]!.body).toMatch(/^Nothing changed: this channel keeps using good\.csv/);
    // The way out: the channel's own choice of features is what refuses the file.
    expect(refused.sections[0]!.body).toContain(
      'This channel segments on age, income and spending (set with `/segment features`); to use this file, first choose features it has, such as `/segment features income spending`, then share it again.',
    );
    const data = await service.runText(SCOPE_A, 'data');
    expect(data.table!.rows[0]![0]).toBe('good.csv');
    expect(data.sections[0]!.body).toContain('age');
  });

  it('refuses a file whose chosen column has empty cells without advising features the file has', async () => {
    const service = await harness.start();
    const crm = withExtraColumns(SAMPLE_CSV.toString('utf8'));
    await service.ingestUpload(SCOPE_A, upload('crm.csv', Buffer.from(crm)));
    expect((await service.runText(SCOPE_A, 'features income spending visits')).isError).toBe(false);
    const gappy = Buffer.from(crm.replace(/^(1,.*?,North,Silver,)41,/m, '$1,'));
    const refused = await service.ingestUpload(SCOPE_A, upload('gappy.csv', gappy));
    expect(refused.isError).toBe(true);
    expect(refused.text).toContain('Visits is empty in 1 row');
    // The file has visits: the way out is to fill the cells or choose other features, as the refusal says.
    expect(refused.sections[0]!.body).toMatch(
      /^Nothing changed: this channel keeps using crm\.csv.*skipped\.$/,
    );
  });

  it('refuses a file too small to segment and keeps the sample', async () => {
    const service = await harness.start();
    const tiny = Buffer.from(customersToCsv(generateCustomers(2, 1)));
    const refused = await service.ingestUpload(SCOPE_A, upload('two.csv', tiny));
    expect(refused.isError).toBe(true);
    expect(refused.sections[0]!.body).toContain('keeps using bundled sample data');
    expect((await service.runText(SCOPE_A, 'data')).text).toContain('bundled sample data');
  });

  it('never shows one channel the file another channel uploaded', async () => {
    const service = await harness.start();
    await service.ingestUpload(
      SCOPE_A,
      upload('secret.csv', Buffer.from(customersToCsv(generateCustomers(150, 9)))),
    );
    const data = await service.runText(SCOPE_B, 'data');
    expect(data.text).toContain('bundled sample data');
    const summary = await service.runText(SCOPE_B, 'summary');
    expect(summary.text).toContain('from 200 customers');
    expect(JSON.stringify(summary)).not.toContain('secret.csv');
  });

  it('gives the same segments for the same file and seed in every channel', async () => {
    const service = await harness.start();
    const bytes = Buffer.from(customersToCsv(generateCustomers(300, 21)));
    const a = await service.ingestUpload(SCOPE_A, upload('same.csv', bytes));
    const b = await service.ingestUpload(SCOPE_B, upload('same.csv', bytes));
    expect(b.table).toEqual(a.table);
    const exportA = (await service.runText(SCOPE_A, 'export')).files[0]!.content;
    const exportB = (await service.runText(SCOPE_B, 'export')).files[0]!.content;
    expect(exportB.equals(exportA)).toBe(true);
  });

  it('starts a new file on its recommended k and says so', async () => {
    const service = await harness.start();
    await service.runText(SCOPE_A, 'k 7');
    const reply = await service.ingestUpload(SCOPE_A, upload('new.csv', SAMPLE_CSV));
    expect(reply.warnings.join('\n')).toContain('k was 7 for the previous data');
    expect((await service.runText(SCOPE_A, 'data')).sections[0]!.body).toContain('k: recommended');
  });

  it('reports skipped rows with their line numbers', async () => {
    const service = await harness.start();
    const withBadRow = Buffer.from(`${SAMPLE_CSV.toString('utf8')}999,Female,abc,50,50\n`);
    const reply = await service.ingestUpload(SCOPE_A, upload('messy.csv', withBadRow));
    expect(reply.isError).toBe(false);
    expect(reply.warnings[0]).toMatch(/^1 row skipped:\n {2}• line 202, column Age/);
    expect(reply.warnings.join('\n')).not.toContain('kept with notes');
  });

  it('tells kept rows with notes apart from skipped rows, and shows the not-stated gender share', async () => {
    const service = await harness.start();
    const withNotes = Buffer.from(`${SAMPLE_CSV.toString('utf8')}998,,30,50,50\n999,Male,31,51,51,\n`);
    const reply = await service.ingestUpload(SCOPE_A, upload('notes.csv', withNotes));
    expect(reply.isError).toBe(false);
    const warnings = reply.warnings.join('\n');
    expect(warnings).not.toMatch(/skipped|problem/);
    expect(warnings).toContain(
      '2 rows kept with notes, e.g. gender not stated (line 202); empty extra values at the end ignored (line 203).',
    );
    const table = reply.table!;
    const column = table.columns.indexOf('Female/Male/not stated %');
    expect(column).toBeGreaterThan(0);
    expect(table.rows.some((row) => /^\d+\/\d+\/[1-9]\d*$/.test(row[column]!))).toBe(true);
  });

  it('keeps the two-part gender column when every gender is stated', async () => {
    const service = await harness.start();
    const reply = await service.ingestUpload(SCOPE_A, upload('clean.csv', SAMPLE_CSV));
    expect(reply.table!.columns).toContain('Female/Male %');
    expect(reply.warnings.join('\n')).not.toContain('kept with notes');
  });
});

describe('event dedupe', () => {
  it('sees an event id once, also after a restart', async () => {
    const first = await harness.start();
    expect(first.markEventSeen('Ev01')).toBe(true);
    expect(first.markEventSeen('Ev01')).toBe(false);
    await harness.stop();
    const second = await harness.start();
    expect(second.markEventSeen('Ev01')).toBe(false);
  });
});
