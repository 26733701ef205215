/**
 * Durable jobs (issue 11): one row per accepted upload or data command, with
 * what it needs to answer after a restart. dedupe_key is unique, so one Slack
 * event creates one job however often Slack retries it.
 */
export const jobsSchema = `
CREATE TABLE jobs (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('upload', 'command')),
  ordering_key TEXT NOT NULL,
  priority INTEGER NOT NULL DEFAULT 0,
  state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
  input TEXT NOT NULL,
  slack TEXT NOT NULL,
  dedupe_key TEXT UNIQUE,
  attempts INTEGER NOT NULL DEFAULT 0,
  owner TEXT,
  locked_until INTEGER,
  created_at INTEGER NOT NULL,
  started_at INTEGER,
  finished_at INTEGER,
  progress TEXT,
  fraction REAL,
  progress_at INTEGER,
  error TEXT
);
CREATE INDEX jobs_claimable ON jobs (state, priority, id);
CREATE INDEX jobs_by_key ON jobs (ordering_key, state, id);
`;
