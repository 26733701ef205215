import { describe, expect, it } from 'vitest';
import { InputError, inputProblem } from '../../src/core/errors.ts';
import {
  deserializeError,
  parseWorkerData,
  postingLog,
  serializeError,
  type WorkerMessage,
} from '../../src/worker/protocol.ts';

describe('worker messages', () => {
  it('rebuilds an InputError with its code, place and details', () => {
    const original = new InputError('missing_column', 'no Age column', { file: 'a.csv', line: 1 }, [
      'found: Id, Sex',
    ]);
    const rebuilt = deserializeError(structuredClone(serializeError(original)));
    expect(rebuilt).toBeInstanceOf(InputError);
    expect(rebuilt).toMatchObject({
      code: 'missing_column',
      message: 'no Age column',
      where: { file: 'a.csv', line: 1 },
    });
    expect((rebuilt as InputError).details).toEqual(['found: Id, Sex']);
  });

  it("carries core's problem across, so the main thread can word it", () => {
    const original = inputProblem({ kind: 'too_few_profiles', profiles: 2, k: 5 });
    const rebuilt = deserializeError(structuredClone(serializeError(original))) as InputError;
    expect(rebuilt.code).toBe('too_few_customers');
    expect(rebuilt.problem).toEqual({ kind: 'too_few_profiles', profiles: 2, k: 5 });
  });

  it("sends the engine's log lines to the main thread as log messages", () => {
    const sent: WorkerMessage[] = [];
    postingLog((m) => sent.push(m)).error('the segment-map chart could not be drawn: Error: x');
    expect(structuredClone(sent)).toEqual([
      { type: 'log', level: 'error', line: 'the segment-map chart could not be drawn: Error: x' },
    ]);
  });

  it('keeps a bug a plain Error, with the worker stack', () => {
    const rebuilt = deserializeError(structuredClone(serializeError(new TypeError('x is undefined'))));
    expect(rebuilt).not.toBeInstanceOf(InputError);
    expect(rebuilt.message).toBe('analysis worker: x is undefined');
    expect(rebuilt.stack).toContain('--- in the worker ---');
  });
});

describe('worker start-up data', () => {
  it('is checked on arrival and keeps only the limits given', () => {
    expect(parseWorkerData({ databaseFile: null, samplePath: 'data/customers.csv' })).toEqual({
      databaseFile: null,
      samplePath: 'data/customers.csv',
    });
    expect(parseWorkerData({ databaseFile: 'a.db', samplePath: 's.csv', limits: { maxRows: 10 } })).toEqual({
      databaseFile: 'a.db',
      samplePath: 's.csv',
      limits: { maxRows: 10 },
    });
    expect(() => parseWorkerData({ samplePath: 3 })).toThrow();
  });
});
