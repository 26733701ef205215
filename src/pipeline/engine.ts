/**
 * The heavy work behind every command: load the table, analyse it (cached in
 * memory and, when a cache is given, in the database), draw charts, predict,
 * export, and validate uploads. This is the pipeline itself, in-process; the
 * Slack service runs it inside the analysis worker thread (src/worker), tests
 * and tools call it directly. Both see the same results for the same inputs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  type ActiveDataset,
  type AnalysisRequest,
  type AnalysisResult,
  type ChannelSettings,
  type ChartGroup,
  type CustomerResult,
  datasetHolds,
  type UploadedDataset,
} from '../commands/context.ts';
import { formatCount } from '../commands/format.ts';
import { rfmPredictOnCustomers } from '../commands/messages.ts';
import type { ReplyFile, ReplyImage } from '../commands/reply.ts';
import { type AnalysisObserver, analyze } from '../core/analyze.ts';
import { predict } from '../core/model.ts';
import { generateOrderLines, ORDERS_SAMPLE } from '../core/rfm/synthetic-orders.ts';
import type { Analysis } from '../core/types.ts';
import { describeProblem, type IngestLimits, type RowProblem } from '../ingest/csv.ts';
import { GENDER_EXPECTED } from '../ingest/rules.ts';
import { isOrderLineBytes } from '../ingest/transactions/file.ts';
import { imageBytes, type RenderedGroup, renderGroup } from './charts.ts';
import { customersCsv, exportFileName } from './export-csv.ts';
import { chartFingerprint, coreFingerprint } from './fingerprint.ts';
import { type CachePart, DEFAULT_CACHE_BYTES, Lru } from './lru.ts';
import { OrderEngine } from './order-engine.ts';
import { type OrderFile, uploadedOrderFile } from './order-source.ts';
import { PROGRESS_MIN_ROWS } from './progress.ts';
import {
  type BytesLoader,
  type ColumnStore,
  type LoadedTable,
  sha256Hex,
  TableSource,
  uploadKey,
} from './tables.ts';
import type { Engine, EngineOptions, LogPort, Progress, UploadOutcome, UploadRequest } from './types.ts';

/** Bump when the stored form of an analysis changes (core code changes are caught by the fingerprint). */
export const ANALYSIS_CACHE_VERSION = 1;
const PROBLEMS_SHOWN = 5;

/** A kept row's note in a few words, so harmless notes do not read like errors. */
function noteWords(p: RowProblem): string {
  if (p.reason === GENDER_EXPECTED) return 'gender not stated';
  if (p.column === '') return 'empty extra values at the end ignored';
  return `${p.column}: ${p.reason}`;
}

/** Each kind of note on kept rows once, with the first line it occurs on. */
function rowNotes(problems: readonly RowProblem[]): string[] {
  const first = new Map<string, number>();
  for (const p of problems) {
    if (!p.kept) continue;
    const words = noteWords(p);
    if (!first.has(words)) first.set(words, p.line);
    if (first.size >= PROBLEMS_SHOWN) break;
  }
  return [...first].map(([words, line]) => `${words} (line ${line})`);
}
const NO_CHARTS: RenderedGroup = { images: [], missing: [] };

/**
 * The bundled order lines (data/orders.csv), read once; made in memory from the generator's
 * sample settings (data/README.md) when the file is missing, as the customer sample is.
 */
function orderSampleFile(path: string): OrderFile {
  let bytes: Uint8Array | undefined;
  const present = existsSync(path);
  return {
    fileName: present ? basename(path) : 'orders.csv',
    sha256: 'bundled-order-sample',
    what: 'the bundled order sample',
    limits: false,
    bytes: () => {
      bytes ??= present
        ? readFileSync(path)
        : Buffer.from(generateOrderLines({ ...ORDERS_SAMPLE }).csv, 'utf8');
      return bytes;
    },
  };
}

/** A lazy step run at most once (concurrent callers share the first call's promise). */
function once<T>(step: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= step();
    return pending;
  };
}

/** A chart that fails is a bug worth a log line; the user gets the answer without it. */
export const chartFailureLogger = (log: LogPort) => (kind: string, error: unknown) =>
  log.error(`the ${kind} chart could not be drawn: ${(error as Error)?.stack ?? error}`);

/** The persistent half of the chart cache (store/chart-images.ts in production), keyed by chartKey. */
export interface ChartImageCache {
  load(chartKey: string): ReplyImage[] | null;
  save(chartKey: string, images: readonly ReplyImage[]): void;
}

/** The persistent half of the analysis cache (store/analyses.ts in production). */
export interface AnalysisCache {
  load(datasetKey: string, settingsKey: string): Analysis | null;
  save(datasetKey: string, settingsKey: string, analysis: Analysis): void;
}

export function settingsKey(settings: ChannelSettings, seed: number, codeVersion: string): string {
  const { features, scaling, k } = settings;
  const version = `v${ANALYSIS_CACHE_VERSION}-${codeVersion}`;
  return `${features.join('+')}|scale=${scaling ?? 'auto'}|k=${k ?? 'auto'}|seed=${seed}|${version}`;
}

export function analysisOptions(settings: ChannelSettings, seed: number) {
  return {
    features: [...settings.features],
    seed,
    ...(settings.scaling ? { scaling: settings.scaling } : {}),
    ...(settings.k ? { k: settings.k } : {}),
  };
}

export class AnalysisEngine implements Engine {
  private readonly tables: TableSource;
  /** Every in-memory cache of this engine (tables, analyses, charts, order data): one budget in bytes. */
  readonly memory: Lru<unknown>;
  private readonly analyses: CachePart<Analysis>;
  private readonly images: CachePart<RenderedGroup>;
  private readonly cache: AnalysisCache | undefined;
  private readonly chartCache: ChartImageCache | undefined;
  private readonly codeVersion: string;
  private readonly orders: OrderEngine;
  private readonly orderSample: OrderFile;
  private readonly loadBytes: BytesLoader;
  private readonly limits: Partial<IngestLimits>;
  private readonly logChartError: (kind: string, error: unknown) => void;

  constructor(
    options: EngineOptions & {
      loadBytes: BytesLoader;
      columns?: ColumnStore;
      cache?: AnalysisCache;
      chartCache?: ChartImageCache;
      codeVersion?: string;
    },
  ) {
    this.memory = new Lru(options.cacheBytes ?? DEFAULT_CACHE_BYTES);
    this.analyses = this.memory.part('analysis');
    this.images = this.memory.part('charts', imageBytes);
    this.tables = new TableSource({ ...options, memory: this.memory });
    this.cache = options.cache;
    this.chartCache = options.chartCache;
    this.codeVersion = options.codeVersion ?? coreFingerprint();
    this.logChartError = chartFailureLogger(options.log);
    this.orders = new OrderEngine({
      ...(options.limits && { limits: options.limits }),
      codeVersion: this.codeVersion,
      onChartError: this.logChartError,
      memory: this.memory,
    });
    this.loadBytes = options.loadBytes;
    this.limits = options.limits ?? {};
    this.orderSample = orderSampleFile(
      options.orderSamplePath ?? join(dirname(options.samplePath), 'orders.csv'),
    );
  }

  /** The order file behind a dataset that holds order lines (an upload or the bundled sample); null for customers. */
  private orderFile(dataset: ActiveDataset): OrderFile | null {
    if (datasetHolds(dataset) !== 'orders') return null;
    return dataset.kind === 'sample' ? this.orderSample : uploadedOrderFile(dataset, this.loadBytes);
  }

  async analyze(request: AnalysisRequest): Promise<AnalysisResult> {
    const orders = this.orderFile(request.dataset);
    if (orders) return this.orders.analyze(request, orders);
    return this.analyzeCustomers(request);
  }

  private async analyzeCustomers(request: AnalysisRequest): Promise<CustomerResult> {
    if (request.rfm) throw rfmPredictOnCustomers();
    // The table is read only when something needs it: a cached analysis with cached charts does not.
    const tableOf = once(() => this.tables.load(request.dataset));
    const datasetKey = await this.tables.keyOf(request.dataset);
    const { analysis, key } = await this.analysisFor(datasetKey, tableOf, request.settings, request.seed);
    if (!request.customer) {
      const charts = request.charts
        ? await this.chartsFor(key, request.charts, tableOf, analysis)
        : NO_CHARTS;
      return { kind: 'customers', analysis, images: charts.images, missingCharts: charts.missing };
    }
    const prediction = predict(analysis.model, request.customer);
    const chartInput = {
      analysis,
      table: (await tableOf()).table,
      prediction: { customer: request.customer, result: prediction },
    };
    const charts = request.charts
      ? await renderGroup(request.charts, chartInput, this.logChartError)
      : NO_CHARTS;
    return { kind: 'customers', analysis, images: charts.images, missingCharts: charts.missing, prediction };
  }

  async exportCsv(request: AnalysisRequest): Promise<ReplyFile> {
    const orders = this.orderFile(request.dataset);
    if (orders) return this.orders.exportCsv(request, orders);
    const loaded = await this.tables.load(request.dataset);
    const { analysis } = await this.analysisFor(
      loaded.key,
      async () => loaded,
      request.settings,
      request.seed,
    );
    return {
      filename: exportFileName(loaded.source.fileName, analysis.k),
      title: `Customers with their segment (${formatCount(analysis.rows)})`,
      mimetype: 'text/csv',
      content: Buffer.from(customersCsv(loaded.table, analysis), 'utf8'),
    };
  }

  /** An upload its caller already found to hold order lines (the CLI, which read the file): not checked again. */
  ingestOrders(upload: UploadRequest, onProgress?: Progress): Promise<UploadOutcome> {
    return this.orders.ingest(upload, onProgress);
  }

  /** A new upload: order lines (recognised by the header) go the RFM path, anything else is customers. */
  async ingest(upload: UploadRequest, onProgress?: Progress): Promise<UploadOutcome> {
    if (await isOrderLineBytes(upload.bytes, this.limits)) return this.orders.ingest(upload, onProgress);
    const sha256 = sha256Hex(upload.bytes);
    const read = await this.tables.read(upload.bytes, upload.fileName, onProgress);
    const loaded: LoadedTable = {
      key: uploadKey(sha256, upload.fileName),
      table: read.table,
      source: read.source,
    };
    const large = read.table.length >= PROGRESS_MIN_ROWS ? onProgress : undefined;
    const { analysis, key } = await this.analysisFor(
      loaded.key,
      async () => loaded,
      upload.settings,
      upload.seed,
      (step) => {
        if (step === 'sweep') large?.(`Finding segments in ${formatCount(read.table.length)} customers…`, 1);
      },
    );
    large?.('Drawing charts…', 1);
    const charts = await this.chartsFor(key, 'summary', async () => loaded, analysis);
    this.tables.rememberRead(loaded);
    return {
      kind: 'customers',
      analysis,
      images: charts.images,
      missingCharts: charts.missing,
      holds: 'customers',
      sha256,
      rows: read.table.length,
      skippedRows: read.source.skippedRows,
      skipped: read.problems
        .filter((p) => !p.kept)
        .slice(0, PROBLEMS_SHOWN)
        .map(describeProblem),
      notedRows: read.notedRows,
      notes: rowNotes(read.problems),
      duplicateIdCount: read.duplicateIdCount,
    };
  }

  /** After the upload is saved: its parsed columns go beside it (see TableSource.keepColumns). */
  keepColumns(dataset: UploadedDataset): void {
    this.tables.keepColumns(dataset);
  }

  async close(): Promise<void> {}

  private async analysisFor(
    datasetKey: string,
    tableOf: () => Promise<LoadedTable>,
    settings: ChannelSettings,
    seed: number,
    observe?: AnalysisObserver,
  ) {
    const settingsPart = settingsKey(settings, seed, this.codeVersion);
    const key = `${datasetKey}|${settingsPart}`;
    const kept = this.analyses.get(key);
    if (kept) return { analysis: kept, key };
    let analysis = this.cache?.load(datasetKey, settingsPart) ?? undefined;
    if (!analysis) {
      const loaded = await tableOf();
      analysis = analyze(loaded.table, analysisOptions(settings, seed), loaded.source, observe);
      this.cache?.save(datasetKey, settingsPart, analysis);
    }
    // Weighed once, when it enters the cache (a hit above only refreshes its place).
    this.analyses.set(key, analysis);
    return { analysis, key };
  }

  private async chartsFor(
    key: string,
    group: ChartGroup,
    tableOf: () => Promise<LoadedTable>,
    analysis: Analysis,
  ): Promise<RenderedGroup> {
    const imageKey = `${key}|${group}`;
    const cached = this.images.get(imageKey);
    if (cached) return cached;
    const chartKey = `${imageKey}|charts-${chartFingerprint()}`;
    const stored = this.chartCache?.load(chartKey);
    if (stored) {
      const charts = { images: stored, missing: [] };
      this.images.set(imageKey, charts);
      return charts;
    }
    const { table } = await tableOf();
    const charts = await renderGroup(group, { analysis, table }, this.logChartError);
    // A set with a failed chart is not cached, so the next request tries again.
    if (charts.missing.length === 0) {
      this.images.set(imageKey, charts);
      this.chartCache?.save(chartKey, charts.images);
    }
    return charts;
  }
}
