import { initialSchema } from './001-initial.ts';
import { jobsSchema } from './002-jobs.ts';
import { datasetColumns } from './003-dataset-columns.ts';
import { orderDatasets } from './004-order-datasets.ts';
import { datasetSource } from './005-dataset-source.ts';
import { chartImages } from './006-chart-images.ts';
import { channelSample } from './007-channel-sample.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Applied in order, each once; never edit a released step, add the next number. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial schema', sql: initialSchema },
  { version: 2, name: 'durable jobs', sql: jobsSchema },
  { version: 3, name: 'parsed columns per dataset', sql: datasetColumns },
  { version: 4, name: 'order-line datasets and the analysis date', sql: orderDatasets },
  { version: 5, name: 'which delivery saved a dataset', sql: datasetSource },
  { version: 6, name: 'drawn charts per analysis', sql: chartImages },
  { version: 7, name: 'which bundled sample a channel uses', sql: channelSample },
];
