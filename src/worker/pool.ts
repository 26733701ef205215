/**
 * The main-thread side of the analysis workers: a pool of threads (size set by
 * the caller; ANALYSIS_WORKERS in the bot), requests matched to answers by id,
 * progress lines passed through. Reading new uploads (the bulk work) never
 * goes to worker 0, so with two or more workers a command in another channel
 * always finds a thread that is not busy with someone's million-row file;
 * commands go to the least busy worker, worker 0 first. If a worker dies,
 * its waiting requests fail with the reason and the next request starts a
 * fresh one in its place.
 */
import { type Transferable, Worker } from 'node:worker_threads';
import type {
  AnalysisRequest,
  AnalysisResult,
  ChannelKey,
  NewUpload,
  UploadedDataset,
} from '../commands/context.ts';
import type { ReplyFile } from '../commands/reply.ts';
import type {
  Engine,
  EngineMemory,
  LogPort,
  Progress,
  UploadOutcome,
  UploadRequest,
} from '../pipeline/types.ts';
import {
  deserializeError,
  reviveFile,
  reviveResult,
  type WorkerData,
  type WorkerMessage,
  type WorkerRequest,
  type WorkerResult,
} from './protocol.ts';

interface Pending {
  worker: Worker;
  resolve: (result: WorkerResult) => void;
  reject: (error: Error) => void;
  onProgress?: Progress;
}

type RequestBody = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;

// Compiled (dist/*.js) the worker entry is plain JavaScript; from sources it needs tsx registered first.
const ENTRY = import.meta.url.endsWith('.js')
  ? new URL('./worker.js', import.meta.url)
  : new URL('./bootstrap.mjs', import.meta.url);

/** A result for another op than the request's: a bug in the protocol, never a user's mistake. */
const mismatched = (asked: string, result: WorkerResult) =>
  new Error(`analysis worker: asked to ${asked}, answered ${result.op}`);

type Lane = 'bulk' | 'any';
/** Uploads read but not yet saved, by content hash: the worker that holds their parsed columns. */
const READ_BY_KEPT = 16;

export class WorkerEngine implements Engine {
  private readonly workers: Array<Worker | undefined>;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private readonly readBy = new Map<string, number>();
  private closed = false;
  private readonly log: LogPort;
  /** Each live worker's last memory report, by the worker it came from. */
  private readonly reported = new Map<Worker, Omit<EngineMemory, 'worker'>>();

  constructor(
    private readonly data: WorkerData,
    /** `log` writes the workers' log lines (a chart that failed) on the main thread. */
    options: { size?: number; log: LogPort },
  ) {
    this.log = options.log;
    this.workers = Array.from({ length: Math.max(1, options.size ?? 1) }, () => undefined);
  }

  get size(): number {
    return this.workers.length;
  }

  /** The running workers' last memory reports, by pool index (a worker not started yet has none). */
  memoryReport(): EngineMemory[] {
    return this.workers.flatMap((worker, index) => {
      const memory = worker && this.reported.get(worker);
      return memory ? [{ worker: index, ...memory }] : [];
    });
  }

  async analyze(request: AnalysisRequest): Promise<AnalysisResult> {
    const result = await this.call({ op: 'analyze', request });
    if (result.op !== 'analyze') throw mismatched('analyze', result);
    return reviveResult(result.value);
  }

  async exportCsv(request: AnalysisRequest): Promise<ReplyFile> {
    const result = await this.call({ op: 'export', request });
    if (result.op !== 'export') throw mismatched('export', result);
    return reviveFile(result.value);
  }

  async ingest(upload: UploadRequest, onProgress?: Progress): Promise<UploadOutcome> {
    // A private copy is moved (not cloned) to the worker; the caller keeps its bytes to save them.
    const bytes = new Uint8Array(upload.bytes);
    const worker = this.pick('bulk');
    const result = await this.call(
      { op: 'ingest', upload: { ...upload, bytes } },
      [bytes.buffer],
      onProgress,
      worker,
    );
    if (result.op !== 'ingest') throw mismatched('ingest', result);
    this.readBy.delete(result.value.sha256);
    this.readBy.set(result.value.sha256, worker);
    if (this.readBy.size > READ_BY_KEPT) this.readBy.delete(this.readBy.keys().next().value!);
    return reviveResult(result.value);
  }

  /** Saves an accepted upload in one transaction, on the worker's own database connection. */
  async saveUpload(key: ChannelKey, file: NewUpload): Promise<UploadedDataset> {
    const bytes = new Uint8Array(file.bytes);
    // On the worker that read it, which can store its parsed columns beside it.
    const worker = this.readBy.get(file.sha256) ?? this.pick('bulk');
    this.readBy.delete(file.sha256);
    const result = await this.call(
      { op: 'save', key, file: { ...file, bytes } },
      [bytes.buffer],
      undefined,
      worker,
    );
    if (result.op !== 'save') throw mismatched('save', result);
    return result.value;
  }

  /** Starts the thread now, so loading its modules overlaps with start-up instead of the first command. */
  warmUp(): void {
    if (this.closed) return;
    for (let i = 0; i < this.workers.length; i += 1) this.ensureWorker(i).unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    const workers = this.workers.splice(0, this.workers.length, ...this.workers.map(() => undefined));
    await Promise.all(workers.map((worker) => worker?.terminate()));
  }

  /** Requests in flight on each worker. */
  private load(worker: Worker | undefined): number {
    let n = 0;
    for (const p of this.pending.values()) if (p.worker === worker) n += 1;
    return worker ? n : 0;
  }

  private pick(lane: Lane): number {
    const first = lane === 'bulk' && this.workers.length > 1 ? 1 : 0;
    let best = first;
    for (let i = first + 1; i < this.workers.length; i += 1) {
      if (this.load(this.workers[i]) < this.load(this.workers[best])) best = i;
    }
    return best;
  }

  private call(
    body: RequestBody,
    transfer: Transferable[] = [],
    onProgress?: Progress,
    on: Lane | number = 'any',
  ): Promise<WorkerResult> {
    if (this.closed) return Promise.reject(new Error('the analysis worker was closed'));
    const id = this.nextId++;
    const worker = this.ensureWorker(typeof on === 'number' ? on : this.pick(on));
    return new Promise((resolve, reject) => {
      this.pending.set(id, { worker, resolve, reject, ...(onProgress ? { onProgress } : {}) });
      worker.ref();
      worker.postMessage({ ...body, id }, transfer);
    });
  }

  private ensureWorker(index: number): Worker {
    const existing = this.workers[index];
    if (existing) return existing;
    const worker = new Worker(ENTRY, { workerData: this.data });
    worker.on('message', (message: WorkerMessage) => this.receive(worker, message));
    worker.on('error', (error) => this.failAll(worker, error));
    worker.on('exit', (code) =>
      this.failAll(worker, new Error(`the analysis worker stopped (exit code ${code})`)),
    );
    this.workers[index] = worker;
    return worker;
  }

  private receive(worker: Worker, message: WorkerMessage): void {
    if (message.type === 'memory') {
      this.reported.set(worker, message.memory);
      return;
    }
    if (message.type === 'log') {
      this.log.error(`analysis worker: ${message.line}`);
      return;
    }
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.type === 'progress') {
      pending.onProgress?.(message.line, message.fraction);
      return;
    }
    this.pending.delete(message.id);
    if (message.type === 'result') pending.resolve(message);
    else pending.reject(deserializeError(message.error));
    // An idle worker must not keep a CLI or test process alive.
    if (this.load(pending.worker) === 0) pending.worker.unref();
  }

  private failAll(worker: Worker, error: Error): void {
    this.reported.delete(worker);
    const index = this.workers.indexOf(worker);
    if (index !== -1) this.workers[index] = undefined;
    for (const [id, pending] of this.pending) {
      if (pending.worker !== worker) continue;
      this.pending.delete(id);
      pending.reject(error);
    }
  }
}
