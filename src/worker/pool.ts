/**
 * The main-thread side of the analysis worker: one worker thread (this is a
 * 2-core machine, and one worker keeps one warm cache), requests matched to
 * answers by id, progress lines passed through. If the worker dies, every
 * waiting request fails with the reason and the next request starts a fresh one.
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
import type { Engine, Progress, UploadOutcome, UploadRequest } from '../pipeline/types.ts';
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

export class WorkerEngine implements Engine {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  constructor(private readonly data: WorkerData) {}

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
    const result = await this.call(
      { op: 'ingest', upload: { ...upload, bytes } },
      [bytes.buffer],
      onProgress,
    );
    if (result.op !== 'ingest') throw mismatched('ingest', result);
    return reviveResult(result.value);
  }

  /** Saves an accepted upload in one transaction, on the worker's own database connection. */
  async saveUpload(key: ChannelKey, file: NewUpload): Promise<UploadedDataset> {
    const bytes = new Uint8Array(file.bytes);
    const result = await this.call({ op: 'save', key, file: { ...file, bytes } }, [bytes.buffer]);
    if (result.op !== 'save') throw mismatched('save', result);
    return result.value;
  }

  /** Starts the thread now, so loading its modules overlaps with start-up instead of the first command. */
  warmUp(): void {
    if (!this.closed) this.ensureWorker().unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private call(
    body: RequestBody,
    transfer: Transferable[] = [],
    onProgress?: Progress,
  ): Promise<WorkerResult> {
    if (this.closed) return Promise.reject(new Error('the analysis worker was closed'));
    const id = this.nextId++;
    const worker = this.ensureWorker();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { worker, resolve, reject, ...(onProgress ? { onProgress } : {}) });
      worker.ref();
      worker.postMessage({ ...body, id }, transfer);
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(ENTRY, { workerData: this.data });
    worker.on('message', (message: WorkerMessage) => this.receive(message));
    worker.on('error', (error) => this.failAll(worker, error));
    worker.on('exit', (code) =>
      this.failAll(worker, new Error(`the analysis worker stopped (exit code ${code})`)),
    );
    this.worker = worker;
    return worker;
  }

  private receive(message: WorkerMessage): void {
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
    if (this.pending.size === 0) this.worker?.unref();
  }

  private failAll(worker: Worker, error: Error): void {
    if (this.worker === worker) this.worker = undefined;
    for (const [id, pending] of this.pending) {
      if (pending.worker !== worker) continue;
      this.pending.delete(id);
      pending.reject(error);
    }
  }
}
