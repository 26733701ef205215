/**
 * The first schema. Every table that holds channel data carries team_id and
 * channel_id so each query can be scoped; the uploaded CSV is kept as bytes so
 * an analysis can be recomputed after a restart or a code change.
 */
export const initialSchema = `
CREATE TABLE datasets (
  id INTEGER PRIMARY KEY,
  team_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  file_name TEXT NOT NULL,
  uploaded_by TEXT NOT NULL,
  uploaded_at TEXT NOT NULL,
  rows INTEGER NOT NULL CHECK (rows >= 0),
  skipped_rows INTEGER NOT NULL CHECK (skipped_rows >= 0),
  bytes BLOB NOT NULL,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64)
);
CREATE INDEX datasets_by_channel ON datasets (team_id, channel_id, id);

CREATE TABLE channel_state (
  team_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  dataset_id INTEGER REFERENCES datasets (id) ON DELETE SET NULL,
  k INTEGER CHECK (k IS NULL OR k BETWEEN 2 AND 15),
  features TEXT NOT NULL,
  scaling TEXT CHECK (scaling IS NULL OR scaling IN ('none', 'zscore', 'minmax')),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (team_id, channel_id)
);

CREATE TABLE analyses (
  dataset_key TEXT NOT NULL,
  settings_key TEXT NOT NULL,
  analysis_json TEXT NOT NULL,
  labels BLOB NOT NULL,
  silhouette_rows BLOB NOT NULL,
  silhouette_values BLOB NOT NULL,
  used_at TEXT NOT NULL,
  PRIMARY KEY (dataset_key, settings_key)
);
CREATE INDEX analyses_by_use ON analyses (used_at);

CREATE TABLE upload_history (
  id INTEGER PRIMARY KEY,
  team_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  file_name TEXT NOT NULL,
  uploaded_by TEXT NOT NULL,
  at TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('accepted', 'rejected')),
  dataset_id INTEGER,
  rows INTEGER,
  skipped_rows INTEGER,
  error_code TEXT,
  message TEXT
);
CREATE INDEX upload_history_by_channel ON upload_history (team_id, channel_id, id);

CREATE TABLE seen_events (
  event_id TEXT PRIMARY KEY,
  seen_at TEXT NOT NULL
);
CREATE INDEX seen_events_by_time ON seen_events (seen_at);
`;
