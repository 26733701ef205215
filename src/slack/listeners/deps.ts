/** What every listener needs, built once in app.ts from the Config. */
import type { JobQueue } from '../../jobs/queue.ts';
import type { SegmentService } from '../../service.ts';
import type { RetryPolicy } from '../retry.ts';

export interface ListenerDeps {
  service: SegmentService;
  /** host[:port] that shared files may be downloaded from. */
  fileHost: string;
  maxFileBytes: number;
  download: { connectTimeoutMs: number; idleTimeoutMs: number };
  /** Where accepted uploads and data commands wait (persisted before the ack). */
  jobs: JobQueue;
  /** Tells the job runner there is new work. */
  poke: () => void;
  retry: RetryPolicy;
  /** Minimum gap between two progress edits of the "working" message (chat.update is rate limited). */
  progressIntervalMs: number;
}
