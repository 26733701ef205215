/**
 * The service the Slack adapter calls: the composition root. It lives at the
 * top of src/ because it is the one place that wires the edges together: it
 * connects the SQLite store and the analysis worker into the ports that
 * run() and the upload flow declare, one channel scope at a time.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from './commands/command.ts';
import type {
  AnalysisResult,
  ChannelKey,
  ChannelPort,
  CommandContext,
  NewUpload,
  Progress,
  Scope,
  UploadedDataset,
  UploadPort,
} from './commands/context.ts';
import { parseCommand } from './commands/grammar.ts';
import { errorReply, missingChartsWarning } from './commands/messages.ts';
import type { Reply } from './commands/reply.ts';
import { run } from './commands/run.ts';
import { ingestUpload, type UploadedFile } from './commands/upload.ts';
import { DEFAULT_ANALYSIS_OPTIONS } from './core/options.ts';
import type { IngestLimits } from './ingest/csv.ts';
import type { JobQueue } from './jobs/queue.ts';
import { createLogger } from './log.ts';
import { AnalysisEngine } from './pipeline/engine.ts';
import type { Engine, EngineMemory, LogPort } from './pipeline/types.ts';
import { columnStore, DATABASE_FILE_NAME, openStore, type Store } from './store/index.ts';
import { WorkerEngine } from './worker/pool.ts';

export type { Scope } from './commands/context.ts';

export interface SegmentService {
  /** Parse and run `/segment <text>`; user errors come back as a Reply with isError (never thrown). */
  runText(scope: Scope, text: string): Promise<Reply>;
  run(scope: Scope, command: Command): Promise<Reply>;
  /** A CSV shared in a channel: validated and analysed off the main thread, saved atomically. */
  ingestUpload(scope: Scope, file: UploadedFile, onProgress?: Progress): Promise<Reply>;
  /** true the first time an id is seen (persisted, so a restart still dedupes). */
  markEventSeen(eventId: string): boolean;
  /** Durable uploads and data commands (SQLite, in the same database). */
  readonly jobs: JobQueue;
  /** Each analysis worker's heap and cache as last reported (none for an in-process engine), for /metrics. */
  memory(): EngineMemory[];
  close(): Promise<void>;
}

export interface ServiceOptions {
  dataDir: string;
  limits?: Partial<IngestLimits>;
  seed?: number;
  /** Defaults to the project's data/customers.csv. */
  samplePath?: string;
  clock?: () => Date;
  /** 'worker' (default) keeps heavy work off the event loop; 'in-process' is for tests and tools. */
  engine?: 'worker' | 'in-process';
  /** Analysis worker threads (the bot passes ANALYSIS_WORKERS; default 1 for tools and tests). */
  workers?: number;
  /** Each engine's in-memory cache budget in bytes (the bot passes CACHE_MAX_MB). */
  cacheBytes?: number;
  /** Where the engine's log lines go (the bot's logger); a default logger on stderr otherwise. */
  log?: LogPort;
}

export const DEFAULT_SAMPLE_PATH = fileURLToPath(new URL('../data/customers.csv', import.meta.url));

function channelPort(store: Store, key: ChannelKey): ChannelPort {
  return {
    view: () => store.channels.view(key),
    saveK: (k) => store.channels.saveK(key, k),
    saveFeatures: (features, scaling) => store.channels.saveFeatures(key, features, scaling),
    saveAsOf: (asOf) => store.channels.saveAsOf(key, asOf),
    reset: (sample) => store.channels.reset(key, sample),
  };
}

/** Where accepted uploads are written: on the worker's connection, or directly when in-process. */
type SaveUpload = (key: ChannelKey, file: NewUpload) => Promise<UploadedDataset>;

function uploadPort(store: Store, key: ChannelKey, save: SaveUpload): UploadPort {
  return {
    accept: (file) => save(key, file),
    reject: (attempt, error) => store.uploads.reject(key, attempt, error),
  };
}

function createEngine(
  options: ServiceOptions,
  store: Store,
  databaseFile: string,
): { engine: Engine; save: SaveUpload } {
  const samplePath = options.samplePath ?? DEFAULT_SAMPLE_PATH;
  const limits = options.limits ? { limits: options.limits } : {};
  const cacheBytes = options.cacheBytes === undefined ? {} : { cacheBytes: options.cacheBytes };
  const log = options.log ?? createLogger();
  if (options.engine === 'in-process') {
    const engine = new AnalysisEngine({
      samplePath,
      ...limits,
      ...cacheBytes,
      log,
      loadBytes: (dataset) => store.datasets.bytes(dataset, dataset.id),
      columns: columnStore(store),
      cache: store.analyses,
      chartCache: store.chartImages,
    });
    const save: SaveUpload = async (key, file) => {
      const saved = store.uploads.save(key, file);
      engine.keepColumns(saved);
      return saved;
    };
    return { engine, save };
  }
  const worker = new WorkerEngine(
    { databaseFile, samplePath, ...limits, ...cacheBytes },
    { size: options.workers ?? 1, log },
  );
  worker.warmUp();
  return { engine: worker, save: (key, file) => worker.saveUpload(key, file) };
}

/**
 * The engine as one command sees it: results pass through unchanged, and any
 * chart that could not be drawn is named in the reply's warnings afterwards.
 */
function noticingMissingCharts(engine: Engine) {
  const missing: string[] = [];
  const note = <R extends AnalysisResult>(result: R): R => {
    missing.push(...(result.missingCharts ?? []));
    return result;
  };
  const runner: Engine = {
    analyze: async (request) => note(await engine.analyze(request)),
    exportCsv: (request) => engine.exportCsv(request),
    ingest: async (upload, onProgress) => note(await engine.ingest(upload, onProgress)),
    close: () => engine.close(),
  };
  const finish = (reply: Reply): Reply =>
    missing.length ? { ...reply, warnings: [...reply.warnings, missingChartsWarning(missing)] } : reply;
  return { runner, finish };
}

export async function createSegmentService(options: ServiceOptions): Promise<SegmentService> {
  const clock = options.clock ?? (() => new Date());
  const seed = options.seed ?? DEFAULT_ANALYSIS_OPTIONS.seed;
  const databaseFile = join(options.dataDir, DATABASE_FILE_NAME);
  // Opened (and migrated) here, before the worker opens its own connection.
  const store = openStore(databaseFile, clock);
  const { engine, save } = createEngine(options, store, databaseFile);
  const runCommand = async (scope: Scope, command: Command) => {
    const { runner, finish } = noticingMissingCharts(engine);
    const context: CommandContext = { channel: channelPort(store, scope), runner, clock, seed };
    return finish(await run(command, context));
  };

  return {
    run: runCommand,
    runText: async (scope, text) => {
      const parsed = parseCommand(text);
      return parsed.ok ? runCommand(scope, parsed.command) : errorReply(parsed.error);
    },
    ingestUpload: async (scope, file, onProgress) => {
      const { runner, finish } = noticingMissingCharts(engine);
      const uploadContext = {
        channel: channelPort(store, scope),
        uploads: uploadPort(store, scope, save),
        analyser: runner,
        clock,
        seed,
      };
      return finish(await ingestUpload(uploadContext, file, onProgress));
    },
    markEventSeen: (eventId) => store.events.markSeen(eventId),
    jobs: store.jobs,
    memory: () => engine.memoryReport?.() ?? [],
    close: async () => {
      await engine.close();
      store.close();
    },
  };
}
