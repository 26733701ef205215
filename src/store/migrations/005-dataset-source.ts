/**
 * Which delivery saved a dataset (the Slack upload job's key): a job resumed
 * after a crash between saving the file and answering finds its dataset
 * instead of saving the same file a second time. NULL for files saved before
 * this step and for the CLI.
 */
export const datasetSource = `
ALTER TABLE datasets ADD COLUMN source_key TEXT;
CREATE UNIQUE INDEX datasets_by_source ON datasets (team_id, channel_id, source_key)
  WHERE source_key IS NOT NULL;
`;
