/**
 * Order-line datasets (issue 10): a stored file says what it holds, so a
 * restart analyses it the same way (every file saved before this step was a
 * customer file); the channel keeps an analysis date for order data (NULL:
 * the day after the last invoice).
 */
export const orderDatasets = `
ALTER TABLE datasets ADD COLUMN holds TEXT NOT NULL DEFAULT 'customers'
  CHECK (holds IN ('customers', 'orders'));
ALTER TABLE channel_state ADD COLUMN as_of TEXT
  CHECK (as_of IS NULL OR as_of GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
`;
