/**
 * The ports run() needs. Each transport (the Slack service, the CLI, tests)
 * implements them; run() itself never touches SQLite, worker threads or the
 * wall clock directly, which keeps every handler testable with plain objects.
 */
import type { Analysis, Feature, Prediction, Scaling } from '../core/types.ts';
import type { CustomerInput, RfmInput } from './command.ts';
import type { OrderSummary, RfmPrediction } from './orders.ts';
import type { ReplyFile, ReplyImage } from './reply.ts';

/** Where a command comes from. Every stored fact is keyed by team + channel. */
export interface Scope {
  teamId: string;
  channelId: string;
  userId: string;
}
export type ChannelKey = Pick<Scope, 'teamId' | 'channelId'>;

/** What a channel chose; null means "the default" (recommended k, scaling that suits the features). */
export interface ChannelSettings {
  k: number | null;
  features: Feature[];
  scaling: Scaling | null;
  /** Order-line data only: the analysis date (YYYY-MM-DD); absent means the day after the last invoice. */
  asOf?: string;
}

/** What a stored file holds: one row per customer, or order lines aggregated to customers (RFM). */
export const DATASET_HOLDS = ['customers', 'orders'] as const;
export type DatasetHolds = (typeof DATASET_HOLDS)[number];

/** A file a channel uploaded, without its bytes. */
export interface UploadedDataset {
  kind: 'upload';
  id: number;
  teamId: string;
  channelId: string;
  fileName: string;
  uploadedBy: string;
  uploadedAt: Date;
  /** Data rows read: customers, or order lines for an order file. */
  rows: number;
  skippedRows: number;
  sha256: string;
  holds: DatasetHolds;
}

/** Which bundled sample: the customers (the default, and what a channel starts with) or the order lines. */
export type SampleKind = DatasetHolds;

/**
 * The data a channel analyses: its own upload, or a bundled sample until it uploads one
 * (`holds` absent: the customer sample, data/customers.csv; 'orders': data/orders.csv).
 */
export type ActiveDataset = { kind: 'sample'; holds?: SampleKind } | UploadedDataset;

export const datasetHolds = (dataset: ActiveDataset): DatasetHolds => dataset.holds ?? 'customers';

export interface ChannelView {
  dataset: ActiveDataset;
  settings: ChannelSettings;
}

/** The chart groups a reply can ask for (see CHART_GROUPS in charts/). */
export type ChartGroup = 'summary' | 'eda' | 'check' | 'k' | 'predict';

export interface AnalysisRequest {
  dataset: ActiveDataset;
  settings: ChannelSettings;
  seed: number;
  charts?: ChartGroup;
  /** When set, the answer carries the prediction for this customer (and the predict chart). */
  customer?: CustomerInput;
  /** Order data: when set, the answer carries the RFM segment for these figures. */
  rfm?: RfmInput;
}

interface ResultImages {
  images: ReplyImage[];
  /** Titles of charts that could not be drawn; the answer goes out without them and says so. */
  missingCharts?: string[];
}

/** A customer file's analysis. */
export interface CustomerResult extends ResultImages {
  kind: 'customers';
  analysis: Analysis;
  prediction?: Prediction;
}

/** An order-line file's RFM analysis, with how the file was read and cleaned. */
export interface OrderResult extends ResultImages {
  kind: 'orders';
  orders: OrderSummary;
  prediction?: RfmPrediction;
}

/** What the engine answers; `kind` says which data the channel holds. */
export type AnalysisResult = CustomerResult | OrderResult;

/** Heavy work: ingest, analyse, draw, export. Implemented in-process or by a worker thread. */
export interface AnalysisRunner {
  analyze(request: AnalysisRequest): Promise<AnalysisResult>;
  exportCsv(request: AnalysisRequest): Promise<ReplyFile>;
}

/** A progress line for the user, with the fraction of the file read so far (0..1) when known. */
export type Progress = (line: string, fraction?: number) => void;

export interface UploadRequest {
  fileName: string;
  bytes: Uint8Array;
  settings: ChannelSettings;
  seed: number;
}

/** A validated, analysed upload, ready to be saved. */
export type UploadOutcome = AnalysisResult & UploadFacts;

export interface UploadFacts {
  sha256: string;
  rows: number;
  skippedRows: number;
  /** The first few problems that made a row be skipped, in words ("line 7, column Age: …"). */
  skipped: string[];
  /** Rows kept despite a note (an unknown gender, empty extra values at the end of the row). */
  notedRows: number;
  /** The kinds of note those rows had, short and distinct ("gender not stated (line 7)"). */
  notes: string[];
  duplicateIdCount: number;
  holds: DatasetHolds;
}

/** Validates and analyses an uploaded file off the main thread. */
export interface UploadAnalyser {
  ingest(upload: UploadRequest, onProgress?: Progress): Promise<UploadOutcome>;
}

/** An accepted upload as it is saved. */
export interface NewUpload {
  fileName: string;
  uploadedBy: string;
  uploadedAt: Date;
  bytes: Uint8Array;
  sha256: string;
  rows: number;
  skippedRows: number;
  holds: DatasetHolds;
  /** Which delivery brought it (a Slack upload job): accepting the same key twice saves it once. */
  sourceKey?: string;
}

/**
 * Saving uploads: accept is all-or-nothing (and asynchronous, because writing
 * a large file is done off the main thread) and makes the file active with
 * k = null and the channel's features and scaling as they are when it is
 * saved; reject only records the attempt.
 */
export interface UploadPort {
  accept(file: NewUpload): Promise<UploadedDataset>;
  reject(
    attempt: { fileName: string; uploadedBy: string; at: Date },
    error: { code: string; message: string },
  ): void;
}

/** One channel's saved state, already bound to its team + channel. */
export interface ChannelPort {
  view(): ChannelView;
  /**
   * Each save writes only its own setting(s), in one step, so commands that
   * ran at the same time never undo each other, and never switch the dataset.
   */
  saveK(k: number | null): void;
  saveFeatures(features: Feature[], scaling: Scaling | null): void;
  /** The analysis date of order data; null: the day after the last invoice. */
  saveAsOf(asOf: string | null): void;
  /** Back to a bundled sample (the customers by default) with default settings; the uploaded files stay in history. */
  reset(sample?: SampleKind): void;
}

export interface CommandContext {
  channel: ChannelPort;
  runner: AnalysisRunner;
  clock: () => Date;
  seed: number;
}
