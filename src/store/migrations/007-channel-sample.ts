/**
 * Which bundled sample a channel without an upload uses (issue 10): the
 * customers, as every channel did before this step, or the order lines after
 * `/segment reset orders`. Read only while dataset_id is NULL.
 */
export const channelSample = `
ALTER TABLE channel_state ADD COLUMN sample TEXT NOT NULL DEFAULT 'customers'
  CHECK (sample IN ('customers', 'orders'));
`;
