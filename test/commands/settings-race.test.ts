/**
 * Settings commands and uploads that overlap in time, on the real store: each
 * one writes only what it changed, so none of them undoes another.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelPort, CommandContext, UploadPort } from '../../src/commands/context.ts';
import { parseCommand } from '../../src/commands/grammar.ts';
import { run } from '../../src/commands/run.ts';
import { ingestUpload } from '../../src/commands/upload.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { tempDir } from '../store/helpers.ts';
import { SAMPLE_CSV, SCOPE_A, serviceHarness, upload } from '../support/service.ts';
import { engine, SEED } from './support.ts';

const KEY = { teamId: SCOPE_A.teamId, channelId: SCOPE_A.channelId };
const clock = () => new Date('2026-11-29T12:00:00Z');

let harness = serviceHarness();
const cleanups: Array<() => void> = [];
afterEach(async () => {
  await harness.cleanup();
  harness = serviceHarness();
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function freshStore(): { store: Store; file: string } {
  const tmp = tempDir();
  const store = openStore(tmp.file, clock);
  cleanups.push(() => {
    store.close();
    tmp.cleanup();
  });
  return { store, file: tmp.file };
}

const channelPort = (store: Store): ChannelPort => ({
  view: () => store.channels.view(KEY),
  saveK: (k) => store.channels.saveK(KEY, k),
  saveFeatures: (features, scaling) => store.channels.saveFeatures(KEY, features, scaling),
  saveAsOf: (asOf) => store.channels.saveAsOf(KEY, asOf),
  reset: () => store.channels.reset(KEY),
});

function command(text: string) {
  const parsed = parseCommand(text);
  if (!parsed.ok) throw parsed.error;
  return parsed.command;
}

describe('settings commands that run at the same time', () => {
  it('keep both changes: features and k typed together both stick', async () => {
    const service = await harness.start();
    const [features, k] = await Promise.all([
      service.runText(SCOPE_A, 'features age income spending'),
      service.runText(SCOPE_A, 'k 8'),
    ]);
    expect(features.isError).toBe(false);
    expect(k.isError).toBe(false);
    const data = await service.runText(SCOPE_A, 'data');
    const settings = data.sections.find((s) => s.heading === 'Settings')?.body;
    expect(settings).toContain('Features: age, income and spending');
    expect(settings).toContain('k: 8, set by hand');
  });

  it('a settings save never switches the channel back to an older dataset', () => {
    const { store, file } = freshStore();
    store.uploads.accept(KEY, newUpload('old.csv'));
    // The worker saves uploads on its own connection.
    const worker = openStore(file, clock);
    worker.uploads.accept(KEY, newUpload('new.csv'));
    worker.close();
    store.channels.saveK(KEY, 5);
    store.channels.saveFeatures(KEY, ['age', 'spending'], 'minmax');
    const view = store.channels.view(KEY);
    expect(view.dataset).toMatchObject({ kind: 'upload', fileName: 'new.csv' });
    expect(view.settings).toEqual({ k: 5, features: ['age', 'spending'], scaling: 'minmax' });
  });
});

describe('an upload accepted while the settings change', () => {
  it('keeps the features chosen during its analysis, and drops k', async () => {
    const { store } = freshStore();
    store.channels.saveK(KEY, 4);
    const channel = channelPort(store);
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const uploads: UploadPort = {
      accept: async (file) => store.uploads.save(KEY, file),
      reject: (attempt, error) => store.uploads.reject(KEY, attempt, error),
    };
    const pending = ingestUpload(
      {
        channel,
        uploads,
        analyser: {
          ingest: async (request, onProgress) => gate.then(() => engine.ingest(request, onProgress)),
        },
        clock,
        seed: SEED,
      },
      upload('sales.csv', SAMPLE_CSV),
    );
    // While the upload is being analysed, someone changes the features.
    const context: CommandContext = { channel, runner: engine, clock, seed: SEED };
    const changed = await run(command('features age spending'), context);
    expect(changed.isError).toBe(false);
    release();
    const reply = await pending;
    expect(reply.title).toBe('New data: sales.csv');
    const view = store.channels.view(KEY);
    expect(view.dataset).toMatchObject({ kind: 'upload', fileName: 'sales.csv' });
    expect(view.settings).toEqual({ k: null, features: ['age', 'spending'], scaling: null });
  });
});

function newUpload(fileName: string) {
  return {
    fileName,
    uploadedBy: 'U123',
    uploadedAt: new Date('2026-11-29T10:00:00.000Z'),
    rows: 200,
    skippedRows: 0,
    bytes: new TextEncoder().encode(`id\n${fileName}\n`),
    sha256: 'a'.repeat(64),
    holds: 'customers' as const,
  };
}
