/**
 * Parsed columns per dataset (issue 12): a cold answer after a restart reads
 * typed arrays instead of parsing the stored CSV again. `format` is the
 * codec's version (store/columns.ts); a row of another format is ignored and
 * rebuilt from the CSV bytes.
 */
export const datasetColumns = `
CREATE TABLE dataset_columns (
  dataset_id INTEGER PRIMARY KEY REFERENCES datasets (id) ON DELETE CASCADE,
  format INTEGER NOT NULL,
  data BLOB NOT NULL
);
`;
