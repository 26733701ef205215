/**
 * The file-system edge of ingest: checks the path and size before reading a
 * byte, then streams the file through readCustomers.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { InputError } from '../core/errors.ts';
import { fileTooLarge } from '../words.ts';
import { DEFAULT_LIMITS, type IngestLimits, type IngestResult, readCustomers } from './csv.ts';

/**
 * The checks before a byte of a file on disk is read: it exists, is a file,
 * and is within the size limit ("sales.csv: the file is 612 MB, over the
 * 512 MB limit", the sizes in the words Slack's gate uses). The CLI runs them
 * on order-line files too, which it reads whole. Gives the size in bytes.
 */
export async function checkTableFile(path: string, limits: Partial<IngestLimits> = {}): Promise<number> {
  const file = basename(path);
  const maxBytes = limits.maxBytes ?? DEFAULT_LIMITS.maxBytes;
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') {
      throw new InputError('file_not_found', `there is no file at ${path}; check the path`, { file });
    }
    throw error;
  });
  if (!info.isFile()) {
    throw new InputError('file_not_found', `${path} is not a file (a folder?); give the path of a CSV file`, {
      file,
    });
  }
  if (info.size > maxBytes) {
    throw new InputError('file_too_large', fileTooLarge('the file', info.size, maxBytes), { file });
  }
  return info.size;
}

const READ_BYTES = 1024 * 1024;

export async function readCustomerFile(
  path: string,
  limits: Partial<IngestLimits> = {},
): Promise<IngestResult> {
  const size = await checkTableFile(path, limits);
  // The byte limit is also enforced while streaming, in case the file grows while being read.
  // Read 1 MB at a time (ingest still slices it to 64 KB): at the default 64 KB, reading a
  // 230 MB file alone took ~240 ms of CPU, at 1 MB ~90 ms.
  const stream = createReadStream(path, { highWaterMark: READ_BYTES });
  return readCustomers(stream, { fileName: basename(path), limits, sizeHint: size });
}
