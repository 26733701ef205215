import { afterEach } from 'vitest';
import { openDatabase } from '../../src/store/db.ts';
import { SqliteJobQueue } from '../../src/store/jobs.ts';
import { describeJobQueue, MAX_ATTEMPTS, VISIBILITY_MS } from '../jobs/queue-contract.ts';
import { tempDir } from './helpers.ts';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describeJobQueue('SqliteJobQueue', () => {
  const tmp = tempDir('segment-jobs-');
  let now = Date.parse('2026-12-01T10:00:00Z');
  const clock = () => new Date(now);
  const options = { visibilityMs: VISIBILITY_MS, maxAttempts: MAX_ATTEMPTS, clock };
  const dbs = [openDatabase(tmp.file)];
  cleanups.push(() => {
    for (const db of dbs) db.close();
    tmp.cleanup();
  });
  return {
    queue: new SqliteJobQueue(dbs[0]!, options),
    advance: (ms) => {
      now += ms;
    },
    reopen: () => {
      const db = openDatabase(tmp.file);
      dbs.push(db);
      return new SqliteJobQueue(db, options);
    },
  };
});
