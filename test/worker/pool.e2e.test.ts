import { afterEach, describe, expect, it } from 'vitest';
import { customersToCsv, generateCustomers } from '../../src/core/synthetic.ts';
import { NO_SPENDING_CSV, SCOPE_A, serviceHarness, upload } from '../support/service.ts';

let harness = serviceHarness({ engine: 'worker' });
afterEach(async () => {
  await harness.cleanup();
  harness = serviceHarness({ engine: 'worker' });
});

/** The longest gap between ticks of a 20 ms interval while `work` runs, beyond the 20 ms itself. */
async function maxEventLoopLag<T>(work: () => Promise<T>): Promise<{ result: T; lag: number }> {
  let lag = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    lag = Math.max(lag, now - last - 20);
    last = now;
  }, 20);
  try {
    return { result: await work(), lag };
  } finally {
    clearInterval(timer);
  }
}

describe('analysis worker', () => {
  it('analyses a 300,000-row upload while the main event loop stays responsive', async () => {
    const service = await harness.start();
    const bytes = Buffer.from(customersToCsv(generateCustomers(300_000, 11)));
    const progress: string[] = [];
    const { result: reply, lag } = await maxEventLoopLag(() =>
      service.ingestUpload(SCOPE_A, upload('big.csv', bytes), (line) => progress.push(line)),
    );
    expect(reply.isError).toBe(false);
    expect(reply.text).toContain('from 300,000 customers');
    expect(progress).toContain('Read 100,000 of ~300,000 rows…');
    expect(progress).toContain('Finding segments in 300,000 customers…');
    expect(lag).toBeLessThan(200);

    // The second look at the same data comes from the worker's cache.
    const started = performance.now();
    const summary = await service.runText(SCOPE_A, 'summary');
    expect(summary.text).toContain('from 300,000 customers');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('brings a user mistake found in the worker back as the specific error', async () => {
    const service = await harness.start();
    const reply = await service.ingestUpload(SCOPE_A, upload('broken.csv', NO_SPENDING_CSV));
    expect(reply.isError).toBe(true);
    expect(reply.title).toBe('That file could not be used');
    expect(reply.text).toMatch(/^broken\.csv/);
  });
});
