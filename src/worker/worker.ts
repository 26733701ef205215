/**
 * The analysis worker thread: runs the engine off the main thread so a
 * million-row analysis never delays the acknowledgement of a Slack command.
 * It opens its own connection to the database (WAL allows it) to read stored
 * uploads, keep the analysis cache and write accepted uploads, whose bytes
 * would otherwise hold the main thread for as long as the write takes.
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { preloadCharts } from '../pipeline/charts.ts';
import { AnalysisEngine } from '../pipeline/engine.ts';
import { columnStore, openStore } from '../store/index.ts';
import {
  parseWorkerData,
  postingLog,
  serializeError,
  type WorkerMessage,
  type WorkerRequest,
  type WorkerResult,
} from './protocol.ts';

const data = parseWorkerData(workerData);
const store = data.databaseFile ? openStore(data.databaseFile) : undefined;
const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');
const post = (message: WorkerMessage) => port.postMessage(message);
const engine = new AnalysisEngine({
  samplePath: data.samplePath,
  log: postingLog(post),
  ...(data.limits ? { limits: data.limits } : {}),
  ...(data.cacheBytes === undefined ? {} : { cacheBytes: data.cacheBytes }),
  loadBytes: (dataset) => store?.datasets.bytes(dataset, dataset.id) ?? null,
  ...(store ? { columns: columnStore(store) } : {}),
  ...(store ? { cache: store.analyses, chartCache: store.chartImages } : {}),
});
// The chart libraries load in about a second; start now, while the thread is idle, not on the first chart.
preloadCharts();

async function handle(message: WorkerRequest): Promise<WorkerResult> {
  if (message.op === 'analyze') return { op: 'analyze', value: await engine.analyze(message.request) };
  if (message.op === 'export') return { op: 'export', value: await engine.exportCsv(message.request) };
  if (message.op === 'save') {
    if (!store) throw new Error('the analysis worker has no database to save the upload in');
    const saved = store.uploads.save(message.key, message.file);
    // The pool sends an upload's save to the worker that read it, which still holds its columns.
    engine.keepColumns(saved);
    return { op: 'save', value: saved };
  }
  const progress = (line: string, fraction?: number) =>
    post({ id: message.id, type: 'progress', line, ...(fraction === undefined ? {} : { fraction }) });
  return { op: 'ingest', value: await engine.ingest(message.upload, progress) };
}

/**
 * This thread's heap (its own V8 isolate: process.memoryUsage() on the main thread does not
 * show it) and its cache, pushed rather than asked for: a scrape must not wait behind a
 * million-row analysis that holds this thread, so /metrics shows the last report instead.
 */
function reportMemory(): void {
  post({
    type: 'memory',
    memory: {
      heapUsedBytes: getHeapStatistics().used_heap_size,
      cacheBytes: engine.memory.bytes,
      cacheMaxBytes: engine.memory.maxBytes,
      cacheEntries: engine.memory.size,
    },
  });
}
const MEMORY_REPORT_MS = 10_000;
reportMemory();
// While idle too, so a heap that shrank after a collection is seen; never keeps the thread alive.
setInterval(reportMemory, MEMORY_REPORT_MS).unref();

port.on('message', (message: WorkerRequest) => {
  // The report goes first, so a caller that has its answer also sees the memory it left.
  handle(message).then(
    (result) => {
      reportMemory();
      post({ id: message.id, type: 'result', ...result });
    },
    (error: unknown) => {
      reportMemory();
      post({ id: message.id, type: 'error', error: serializeError(error) });
    },
  );
});
