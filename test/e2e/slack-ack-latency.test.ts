/**
 * Slash commands are acknowledged well within Slack's 3 s while another
 * channel's upload is being analysed. A smaller file than the benchmark's
 * million rows keeps the suite quick (still large enough for progress edits); `test/bench/ack-latency.ts` measures the
 * full size.
 */
import { describe, expect, it } from 'vitest';
import { benchAckLatency } from '../bench/ack-latency.ts';

describe('ack latency', () => {
  it('acknowledges slash commands well under 3 s while a 150,000-row upload is analysed, which shows progress', async () => {
    const result = await benchAckLatency({ rows: 150_000, intervalMs: 150, timeoutMs: 150_000 });
    console.log(
      `ack latency during a ${result.rows}-row upload: p50 ${result.p50Ms.toFixed(0)} ms, p99 ${result.p99Ms.toFixed(0)} ms, n ${result.n}, progress edits ${result.progressEdits}`,
    );
    expect(result.n).toBeGreaterThanOrEqual(5);
    expect(result.p99Ms).toBeLessThan(1500);
    // The "working" message was edited with progress before the answer replaced it.
    expect(result.progressEdits).toBeGreaterThanOrEqual(1);
  }, 240_000);
});
