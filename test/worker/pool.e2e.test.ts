import { afterEach, describe, expect, it } from 'vitest';
import { customersToCsv, generateCustomers } from '../../src/core/synthetic.ts';
import { NO_SPENDING_CSV, SCOPE_A, serviceHarness, upload } from '../support/service.ts';

let harness = serviceHarness({ engine: 'worker' });
afterEach(async () => {
  await harness.cleanup();
  harness = serviceHarness({ engine: 'worker' });
});

describe('analysis worker', () => {
  // How free the main event loop stays meanwhile is a timing, so it is measured in `npm run bench`
  // (ack latency during a 1M-row upload), not asserted here.
  it('analyses a 300,000-row upload in the worker, reporting progress, and answers from it after', async () => {
    const service = await harness.start();
    const bytes = Buffer.from(customersToCsv(generateCustomers(300_000, 11)));
    const progress: string[] = [];
    const reply = await service.ingestUpload(SCOPE_A, upload('big.csv', bytes), (line) =>
      progress.push(line),
    );
    expect(reply.isError).toBe(false);
    expect(reply.text).toContain('from 300,000 customers');
    expect(progress).toContain('Read 100,000 of ~300,000 rows…');
    expect(progress).toContain('Finding segments in 300,000 customers…');

    const summary = await service.runText(SCOPE_A, 'summary');
    expect(summary.text).toContain('from 300,000 customers');
  });

  it('brings a user mistake found in the worker back as the specific error', async () => {
    const service = await harness.start();
    const reply = await service.ingestUpload(SCOPE_A, upload('broken.csv', NO_SPENDING_CSV));
    expect(reply.isError).toBe(true);
    expect(reply.title).toBe('That file could not be used');
    expect(reply.text).toMatch(/^broken\.csv/);
  });
});
