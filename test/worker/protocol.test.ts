import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.ts';
import { deserializeError, parseWorkerData, serializeError } from '../../src/worker/protocol.ts';

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
