/** What the pipeline's engine offers, in-process or behind the worker thread (src/worker). */
import type { AnalysisRunner, UploadAnalyser } from '../commands/context.ts';
import type { IngestLimits } from '../ingest/csv.ts';

export type { Progress, UploadOutcome, UploadRequest } from '../commands/context.ts';

export interface Engine extends AnalysisRunner, UploadAnalyser {
  close(): Promise<void>;
  /** Each analysis thread's memory as last reported (the worker pool); absent for an in-process engine. */
  memoryReport?(): EngineMemory[];
}

/** One engine's memory: its thread's V8 heap and its one cache against its budget (`CACHE_MAX_MB`). */
export interface EngineMemory {
  /** The worker's index in the pool. */
  worker: number;
  heapUsedBytes: number;
  cacheBytes: number;
  cacheMaxBytes: number;
  cacheEntries: number;
}

/**
 * Where the pipeline reports what went wrong without failing the answer (a
 * chart that could not be drawn). The one logger (src/log.ts) in the app and
 * the CLI; in the worker thread, a `log` message the main thread's logger writes.
 */
export interface LogPort {
  error(line: string): void;
}

export interface EngineOptions {
  /** The bundled sample; generated in memory when the file is missing. */
  samplePath: string;
  /**
   * The bundled order-line sample (`/segment reset orders`); default `orders.csv` beside
   * `samplePath` (data/); generated in memory, as data/README.md describes it, when missing.
   */
  orderSamplePath?: string;
  limits?: Partial<IngestLimits>;
  log: LogPort;
  /** The in-memory caches' one budget in bytes (DEFAULT_CACHE_BYTES when absent). */
  cacheBytes?: number;
}
