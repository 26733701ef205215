/**
 * `segment <command> … --data FILE`: the CLI as a second transport over
 * commands/run(). The command text goes through the same grammar as Slack's
 * `/segment` text, settings flags through the same grammar pieces and limits,
 * the file through the same ingest and the same pipeline engine; the Reply is
 * rendered for a terminal by report/reply.ts.
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type ActiveDataset,
  type ChannelPort,
  type ChannelSettings,
  type ChannelView,
  type CommandContext,
  datasetHolds,
  type UploadedDataset,
} from '../commands/context.ts';
import { parseCommand } from '../commands/grammar.ts';
import { predictionInWords } from '../commands/messages.ts';
import type { Reply } from '../commands/reply.ts';
import { rfmPredictionInWords } from '../commands/rfm/predict.ts';
import { run } from '../commands/run.ts';
import { type IngestLimits, readCustomers } from '../ingest/csv.ts';
import { checkTableFile } from '../ingest/file.ts';
import { isOrderLineBytes } from '../ingest/transactions/file.ts';
import { createLogger } from '../log.ts';
import { AnalysisEngine } from '../pipeline/engine.ts';
import { sha256Hex } from '../pipeline/tables.ts';
import { toJson } from '../report/json.ts';
import { replyToTerminal } from '../report/reply.ts';

export const BUNDLED_SAMPLE = fileURLToPath(new URL('../../data/customers.csv', import.meta.url));
const DEFAULT_SETTINGS: ChannelSettings = { k: null, features: ['income', 'spending'], scaling: null };
const DEFAULT_SEED = 42;

export interface CommandArgs {
  kind: 'command';
  /** The command words as they would follow `/segment`. */
  text: string;
  data?: string;
  settings: Partial<ChannelSettings>;
  seed?: number;
  out?: string;
  json: boolean;
  limits: Partial<IngestLimits>;
}

/** The channel of a CLI run: the flags' settings, kept for this one command. */
class FlagChannel implements ChannelPort {
  constructor(private current: ChannelView) {}
  view(): ChannelView {
    return structuredClone(this.current);
  }
  saveK(k: number | null): void {
    this.current = { ...this.current, settings: { ...this.current.settings, k } };
  }
  saveAsOf(asOf: string | null): void {
    const { asOf: _, ...settings } = this.current.settings;
    this.current = { ...this.current, settings: asOf === null ? settings : { ...settings, asOf } };
  }
  saveFeatures(features: ChannelSettings['features'], scaling: ChannelSettings['scaling']): void {
    this.current = {
      ...this.current,
      settings: { ...this.current.settings, features: [...features], scaling },
    };
  }
  reset(): void {}
}

const cliDataset = (
  path: string,
  bytes: Uint8Array,
  facts: Pick<UploadedDataset, 'rows' | 'skippedRows' | 'holds'>,
): UploadedDataset => ({
  kind: 'upload',
  id: 0,
  teamId: 'cli',
  channelId: 'cli',
  fileName: basename(path),
  uploadedBy: 'cli',
  uploadedAt: new Date(),
  sha256: sha256Hex(bytes),
  ...facts,
});

/**
 * The file as the channel's data. Customer files get the same checks as
 * `segment analyze` (path, size, rows, the share of valid rows); order-line
 * files (recognised by the header, as in Slack) are read by the engine as an
 * upload would be, which keeps their customers for the command that follows.
 */
async function datasetOf(
  path: string | undefined,
  engine: AnalysisEngine,
  request: { settings: ChannelSettings; seed: number; limits: Partial<IngestLimits> },
): Promise<{ dataset: ActiveDataset; bytes: Uint8Array | null }> {
  if (!path) return { dataset: { kind: 'sample' }, bytes: null };
  // Path and size before any byte is read: the file is then read whole, once, and checked for its kind once.
  await checkTableFile(path, request.limits);
  const bytes = readFileSync(path);
  if (await isOrderLineBytes(bytes, request.limits)) {
    const upload = { fileName: basename(path), bytes, settings: request.settings, seed: request.seed };
    const { rows, skippedRows } = await engine.ingestOrders(upload);
    return { dataset: cliDataset(path, bytes, { rows, skippedRows, holds: 'orders' }), bytes };
  }
  const ingest = await readCustomers(bytes, { fileName: basename(path), limits: request.limits });
  const facts = { rows: ingest.table.length, skippedRows: ingest.source.skippedRows } as const;
  return { dataset: cliDataset(path, bytes, { ...facts, holds: 'customers' }), bytes };
}

export interface CommandOutcome {
  stdout: string;
  /** An answer that is an error exits 2, like any input problem. */
  code: 0 | 2;
}

export async function runCommand(args: CommandArgs): Promise<CommandOutcome> {
  const parsed = parseCommand(args.text);
  if (!parsed.ok) throw parsed.error;
  const { command } = parsed;
  if (command.kind === 'data' || command.kind === 'reset') {
    return {
      stdout: `${command.kind} is about a Slack channel's upload; the CLI uses --data FILE\n`,
      code: 2,
    };
  }
  let bytes: Uint8Array | null = null;
  const engine = new AnalysisEngine({
    samplePath: BUNDLED_SAMPLE,
    limits: args.limits,
    log: createLogger('info', undefined, 'segment'),
    loadBytes: () => bytes,
  });
  const seed = args.seed ?? DEFAULT_SEED;
  const settings: ChannelSettings = { ...DEFAULT_SETTINGS, ...args.settings };
  const data = await datasetOf(args.data, engine, { settings, seed, limits: args.limits });
  bytes = data.bytes;
  const { dataset } = data;
  const context: CommandContext = {
    channel: new FlagChannel({ dataset, settings }),
    runner: engine,
    clock: () => new Date(),
    seed,
  };
  if (command.kind === 'predict' && args.json && datasetHolds(dataset) === 'customers') {
    // The predict JSON keeps its fields: the customer, the data file and the prediction;
    // `tentative` and `warnings` (in words; the codes stay inside) say when the customer is unlike the data.
    const result = await engine.analyze({ dataset, settings, seed, customer: command.customer });
    if (result.kind !== 'customers') throw new Error('a customer predict answered with order data');
    if (!result.prediction) throw new Error('a customer predict answered without a prediction');
    const json = {
      customer: command.customer,
      data: dataName(dataset),
      ...predictionInWords(result.prediction),
    };
    return { stdout: toJson(json), code: 0 };
  }
  if (command.kind === 'predictRfm' && args.json && datasetHolds(dataset) === 'orders') {
    const result = await engine.analyze({ dataset, settings, seed, rfm: command.rfm });
    if (result.kind !== 'orders') throw new Error('an RFM predict answered with customer data');
    if (!result.prediction) throw new Error('an RFM predict answered without a prediction');
    const json = {
      customer: command.rfm,
      data: dataName(dataset),
      ...rfmPredictionInWords(result.prediction),
    };
    return { stdout: toJson(json), code: 0 };
  }
  const reply = await run(command, context);
  if (command.kind === 'export' && !args.out && !reply.isError) {
    return { stdout: reply.files.map((f) => f.content.toString('utf8')).join(''), code: 0 };
  }
  const written = args.out ? await writeFiles(reply, args.out, command.kind === 'export') : new Map();
  return { stdout: replyToTerminal(reply, { written }), code: reply.isError ? 2 : 0 };
}

const dataName = (dataset: ActiveDataset) =>
  dataset.kind === 'upload' ? dataset.fileName : basename(BUNDLED_SAMPLE);

/** `--out`: a file name for `export`, a folder for the charts of any other command. */
async function writeFiles(reply: Reply, out: string, single: boolean): Promise<Map<string, string>> {
  const written = new Map<string, string>();
  if (single) {
    const [file] = reply.files;
    if (file) {
      await mkdir(dirname(out), { recursive: true });
      await writeFile(out, file.content);
      written.set(file.filename, out);
    }
    return written;
  }
  await mkdir(out, { recursive: true });
  for (const item of [
    ...reply.images.map((i) => ({ name: i.filename, bytes: i.png })),
    ...reply.files.map((f) => ({ name: f.filename, bytes: f.content })),
  ]) {
    const path = join(out, item.name);
    await writeFile(path, item.bytes);
    written.set(item.name, path);
  }
  return written;
}
