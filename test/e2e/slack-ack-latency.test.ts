/**
 * Slash commands are acknowledged well within Slack's 3 s while another
 * channel's upload is being analysed. A smaller file than the benchmark's
 * million rows keeps the suite quick; `test/bench/ack-latency.ts` measures the
 * full size.
 */
import { describe, expect, it } from 'vitest';
import { benchAckLatency } from '../bench/ack-latency.ts';

describe('ack latency', () => {
  it('acknowledges slash commands well under 3 s while a 50,000-row upload is analysed', async () => {
    const result = await benchAckLatency({ rows: 50_000, intervalMs: 150, timeoutMs: 150_000 });
    console.log(
      `ack latency during a ${result.rows}-row upload: p50 ${result.p50Ms.toFixed(0)} ms, p99 ${result.p99Ms.toFixed(0)} ms, n ${result.n}`,
    );
    expect(result.n).toBeGreaterThanOrEqual(5);
    expect(result.p99Ms).toBeLessThan(1500);
  }, 240_000);
});
