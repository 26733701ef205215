import { formatBytes, formatCount } from '../ingest/chunks.ts';
import { DEFAULT_LIMITS } from '../ingest/result.ts';

// The defaults are the reader's own (ingest/result.ts), so the help cannot drift from them.
const LIMITS = `default ${formatBytes(DEFAULT_LIMITS.maxBytes)}, ${formatCount(DEFAULT_LIMITS.maxRows)} rows`;

export const HELP = `segment — customer segmentation with K-means

Usage
  segment analyze <file> [options]     analyse a customer CSV and print the segments
  segment <summary|eda|check|k|features|scale|predict|export> … [--data <file>]
                                       any /segment command, on a file (default the bundled
                                       sample), with the same words and limits as in Slack;
                                       settings as flags: --k N, --features a,b, --scale s
  segment predict <age> <gender> <income> <spending> [--data <file>] [--json]
  segment export --data <file> [--out customers.csv]   the CSV of /segment export (stdout without --out)

Options for analyze
  --features income,spending   features to cluster on: age, income, spending or the file's other numeric
                               columns (visits, …; listed in the report), 2 to 20 (default income,spending)
  --k N                        number of segments (default: the recommended k)
  --k-range 2..10              k values to compare when choosing k
  --scale none|zscore|minmax   feature scaling (default none; zscore when age is included)
  --seed N                     random seed (default 42): same file + seed = same segments
  --restarts N                 k-means++ restarts per k, best kept (default 10)
  --json                       print one JSON object instead of the summary
  --out DIR                    also write charts (PNG), report.md and report.json to DIR
  --max-bytes N, --max-rows N  refuse larger files (${LIMITS})
  --min-valid ${DEFAULT_LIMITS.minValidShare}              stop when fewer than this share of rows are valid

Order-line files (InvoiceNo/Invoice/Order ID, CustomerID or Email, InvoiceDate, Quantity × UnitPrice
or Line Total, Country) are recognised by their header and segmented per customer on RFM:
  --as-of 2011-12-10           analysis date for recency (default: the day after the last invoice)
  --cancellations net|exclude  net cancellations against spend (default) or leave them out
  --export FILE                write CustomerID, Recency, Frequency, Monetary, Country, Segment,
                               Segment name and the 1-5 R/F/M scores as CSV
The commands take them too (segment summary|eda|check|k|export --data orders.csv [--as-of DATE]),
with predict in the RFM form: segment predict recency=30 frequency=5 monetary=900 --data orders.csv

Exit codes: 0 success, 2 a problem with your input (message on stderr), 1 anything else.

Examples
  segment analyze data/customers.csv
  segment analyze customers.csv --features age,income,spending --scale zscore --out report/
  segment analyze data/orders.csv --export customers-rfm.csv
  segment predict 25 F 60 75
  segment summary --data data/orders.csv --as-of 2011-06-01
`;
