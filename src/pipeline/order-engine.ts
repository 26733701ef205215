/**
 * The engine's order-line half: RFM analyses of stored order files (cached
 * in memory like customer analyses; not in the database, whose analyses
 * table stores the customer Analysis shape), the RFM prediction, the export
 * and new uploads. engine.ts hands it every request whose dataset holds
 * order lines.
 */
import type { RfmInput } from '../commands/command.ts';
import type {
  AnalysisRequest,
  ChannelSettings,
  ChartGroup,
  OrderResult,
  UploadFacts,
} from '../commands/context.ts';
import { formatCount } from '../commands/format.ts';
import { customerPredictOnOrders } from '../commands/messages.ts';
import type { RfmPrediction } from '../commands/orders.ts';
import type { ReplyFile } from '../commands/reply.ts';
import { analyzeRfm, predictRfm, type RfmAnalysis } from '../core/rfm/analyze.ts';
import type { IngestLimits } from '../ingest/csv.ts';
import { imageBytes, type RenderedGroup } from './charts.ts';
import { exportFileName } from './export-csv.ts';
import { rfmCustomersCsv } from './export-rfm.ts';
import type { CachePart, Lru } from './lru.ts';
import { renderOrderCharts } from './order-charts.ts';
import { type LoadedOrders, type OrderFile, OrderSource, ordersKey } from './order-source.ts';
import { PROGRESS_MIN_ROWS } from './progress.ts';
import { sha256Hex } from './tables.ts';
import type { Progress, UploadRequest } from './types.ts';

const PROBLEMS_SHOWN = 5;

export function rfmSettingsKey(settings: ChannelSettings, seed: number, codeVersion: string): string {
  return `rfm|k=${settings.k ?? 'auto'}|seed=${seed}|${codeVersion}`;
}

export class OrderEngine {
  private readonly source: OrderSource;
  private readonly analyses: CachePart<RfmAnalysis>;
  private readonly images: CachePart<RenderedGroup>;

  constructor(
    private readonly options: {
      limits?: Partial<IngestLimits>;
      codeVersion: string;
      onChartError: (kind: string, error: unknown) => void;
      /** The engine's one cache budget, shared with the customer side. */
      memory: Lru<unknown>;
    },
  ) {
    this.source = new OrderSource(options);
    this.analyses = options.memory.part('rfm-analysis');
    this.images = options.memory.part('rfm-charts', imageBytes);
  }

  async analyze(request: AnalysisRequest, file: OrderFile): Promise<OrderResult> {
    if (request.customer) throw customerPredictOnOrders();
    const loaded = await this.source.load(file, request.settings.asOf);
    const { analysis, key } = this.analysisFor(loaded, request.settings, request.seed);
    const result: OrderResult = {
      kind: 'orders',
      orders: { reading: loaded.reading, describe: loaded.describe, analysis },
      ...(await this.chartsFor(key, request.charts, loaded, analysis)),
    };
    return request.rfm ? { ...result, prediction: prediction(analysis, request.rfm) } : result;
  }

  async exportCsv(request: AnalysisRequest, file: OrderFile): Promise<ReplyFile> {
    const loaded = await this.source.load(file, request.settings.asOf);
    const { analysis } = this.analysisFor(loaded, request.settings, request.seed);
    return {
      filename: exportFileName(file.fileName, analysis.k),
      title: `Customers with their RFM segment (${formatCount(analysis.customers)})`,
      mimetype: 'text/csv',
      content: Buffer.from(rfmCustomersCsv(loaded.customers, analysis), 'utf8'),
    };
  }

  /** A new order file: read, clean, aggregate and segment it; remembered only once it all worked. */
  async ingest(upload: UploadRequest, onProgress?: Progress): Promise<OrderResult & UploadFacts> {
    const sha256 = sha256Hex(upload.bytes);
    const { asOf } = upload.settings;
    const key = ordersKey(sha256, upload.fileName, asOf);
    const loaded = await this.source.read(key, upload.bytes, upload.fileName, asOf, onProgress);
    if (loaded.customers.length >= PROGRESS_MIN_ROWS / 10)
      onProgress?.(`Finding segments in ${formatCount(loaded.customers.length)} customers…`, 1);
    const { analysis, key: analysisKey } = this.analysisFor(loaded, upload.settings, upload.seed);
    if (loaded.customers.length >= PROGRESS_MIN_ROWS / 10) onProgress?.('Drawing charts…', 1);
    const charts = await this.chartsFor(analysisKey, 'summary', loaded, analysis);
    this.source.remember(loaded);
    const { reading, describe } = loaded;
    return {
      kind: 'orders',
      orders: { reading, describe, analysis },
      ...charts,
      sha256,
      rows: reading.totalLines,
      skippedRows: reading.unreadableLines,
      skipped: reading.firstProblems.slice(0, PROBLEMS_SHOWN),
      notedRows: 0,
      notes: [],
      duplicateIdCount: 0,
      holds: 'orders',
    };
  }

  private analysisFor(loaded: LoadedOrders, settings: ChannelSettings, seed: number) {
    const key = `${loaded.key}|${rfmSettingsKey(settings, seed, this.options.codeVersion)}`;
    const kept = this.analyses.get(key);
    if (kept) return { analysis: kept, key };
    const analysis = analyzeRfm(loaded.customers, { seed, ...(settings.k !== null && { k: settings.k }) });
    this.analyses.set(key, analysis);
    return { analysis, key };
  }

  /** A group's charts, kept per analysis like customer charts; a set with a failed chart is drawn again next time. */
  private async chartsFor(
    key: string,
    group: ChartGroup | undefined,
    loaded: LoadedOrders,
    analysis: RfmAnalysis,
  ): Promise<Pick<OrderResult, 'images' | 'missingCharts'>> {
    if (!group) return { images: [], missingCharts: [] };
    const imageKey = `${key}|${group}`;
    const cached = this.images.get(imageKey);
    if (cached) return { images: cached.images, missingCharts: cached.missing };
    const source = { analysis, aggregation: { customers: loaded.customers, months: loaded.reading.months } };
    const charts = await renderOrderCharts(group, source, this.options.onChartError);
    if (charts.missing.length === 0) this.images.set(imageKey, charts);
    return { images: charts.images, missingCharts: charts.missing };
  }
}

function prediction(analysis: RfmAnalysis, figures: RfmInput): RfmPrediction {
  const { segment, distances } = predictRfm(analysis.model, figures);
  const names = new Map(analysis.model.segments.map((s) => [s.id, s.name]));
  return {
    segment: { id: segment.id, name: segment.name, code: segment.code },
    distances: distances.map(({ id, distance }) => ({ id, name: names.get(id)!, distance })),
  };
}
