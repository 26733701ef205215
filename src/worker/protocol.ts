/**
 * Messages between the main thread and the analysis worker. Errors cross as
 * plain data; an InputError is rebuilt on the other side so callers can still
 * tell a user's mistake from a bug.
 */
import { z } from 'zod';
import type {
  AnalysisRequest,
  AnalysisResult,
  ChannelKey,
  NewUpload,
  UploadedDataset,
} from '../commands/context.ts';
import type { ReplyFile, ReplyImage } from '../commands/reply.ts';
import {
  InputError,
  type InputErrorCode,
  type InputProblem,
  isInputError,
  type Where,
} from '../core/errors.ts';
import type { IngestLimits } from '../ingest/csv.ts';
import type { EngineMemory, LogPort, UploadOutcome, UploadRequest } from '../pipeline/types.ts';

export interface WorkerData {
  /** The bot's SQLite file (stored uploads, analysis cache); null runs without storage. */
  databaseFile: string | null;
  samplePath: string;
  limits?: Partial<IngestLimits>;
  /** The engine's in-memory cache budget in bytes. */
  cacheBytes?: number;
}

export type WorkerRequest =
  | { id: number; op: 'analyze'; request: AnalysisRequest }
  | { id: number; op: 'export'; request: AnalysisRequest }
  | { id: number; op: 'ingest'; upload: UploadRequest }
  | { id: number; op: 'save'; key: ChannelKey; file: NewUpload };

/** What each request answers: the result message names its op, so no reply is ever cast. */
export interface WorkerAnswers {
  analyze: AnalysisResult;
  export: ReplyFile;
  ingest: UploadOutcome;
  save: UploadedDataset;
}

export type WorkerResult = {
  [Op in keyof WorkerAnswers]: { op: Op; value: WorkerAnswers[Op] };
}[keyof WorkerAnswers];

/** The worker's start-up data, checked on arrival (it crosses a thread boundary). */
const workerDataSchema = z.object({
  databaseFile: z.string().nullable(),
  samplePath: z.string(),
  limits: z
    .object({ maxBytes: z.number(), maxRows: z.number(), minValidShare: z.number() })
    .partial()
    .optional(),
  cacheBytes: z.number().int().positive().optional(),
});

export function parseWorkerData(value: unknown): WorkerData {
  const { databaseFile, samplePath, limits, cacheBytes } = workerDataSchema.parse(value);
  const given = Object.fromEntries(Object.entries(limits ?? {}).filter(([, v]) => v !== undefined));
  return {
    databaseFile,
    samplePath,
    ...(limits ? { limits: given } : {}),
    ...(cacheBytes === undefined ? {} : { cacheBytes }),
  };
}

export type SerializedError =
  | {
      kind: 'input';
      code: InputErrorCode;
      message: string;
      where: Where;
      details: string[];
      problem?: InputProblem;
    }
  | { kind: 'bug'; name: string; message: string; stack?: string };

export type WorkerMessage =
  | { id: number; type: 'progress'; line: string; fraction?: number }
  /** A line for the main thread's logger (the worker has none of its own); not tied to a request. */
  | { type: 'log'; level: 'error'; line: string }
  /** The thread's memory, for /metrics: sent after each answer and every few seconds while idle. */
  | { type: 'memory'; memory: Omit<EngineMemory, 'worker'> }
  | ({ id: number; type: 'result' } & WorkerResult)
  | { id: number; type: 'error'; error: SerializedError };

/** The worker's log port: each line goes to the main thread as a `log` message. */
export const postingLog = (post: (message: WorkerMessage) => void): LogPort => ({
  error: (line) => post({ type: 'log', level: 'error', line }),
});

export function serializeError(error: unknown): SerializedError {
  if (isInputError(error)) {
    return {
      kind: 'input',
      code: error.code,
      message: error.message,
      where: error.where,
      details: error.details,
      ...(error.problem ? { problem: error.problem } : {}),
    };
  }
  const e = error instanceof Error ? error : new Error(String(error));
  return { kind: 'bug', name: e.name, message: e.message, ...(e.stack ? { stack: e.stack } : {}) };
}

export function deserializeError(error: SerializedError): Error {
  if (error.kind === 'input')
    return new InputError(error.code, error.message, error.where, error.details, error.problem);
  const rebuilt = new Error(`analysis worker: ${error.message}`);
  rebuilt.name = error.name;
  if (error.stack)
    rebuilt.stack = `${rebuilt.name}: ${rebuilt.message}\n--- in the worker ---\n${error.stack}`;
  return rebuilt;
}

// Structured cloning turns a Buffer into a plain Uint8Array; replies promise Buffers.
const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const reviveImages = (images: ReplyImage[]) =>
  images.map((image) => ({ ...image, png: asBuffer(image.png) }));

export function reviveResult<T extends AnalysisResult | UploadOutcome>(value: T): T {
  return { ...value, images: reviveImages(value.images) };
}

export const reviveFile = (file: ReplyFile): ReplyFile => ({ ...file, content: asBuffer(file.content) });
