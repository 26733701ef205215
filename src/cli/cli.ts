/**
 * The offline CLI: the same analysis as the Slack app, on a file. Input
 * problems exit 2 with one `error:` line (no stack trace); anything else is a
 * bug and exits 1, logged with an id as the Slack app logs its bugs.
 */

import { isInputError } from '../commands/errors.ts';
import { apologyWords, errorText } from '../commands/messages.ts';
import { createLogger, describeError, newErrorId } from '../log.ts';
import { terminalWords } from '../report/reply.ts';
import { runAnalyze } from './analyze.ts';
import { parseCliArgs } from './args.ts';
import { HELP } from './help.ts';
import { runCommand } from './transport.ts';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  try {
    const args = parseCliArgs(argv);
    if (args.kind === 'help') io.stdout(HELP);
    else if (args.kind === 'analyze') io.stdout((await runAnalyze(args)).stdout);
    else {
      const outcome = await runCommand(args);
      (outcome.code === 0 ? io.stdout : io.stderr)(outcome.stdout);
      return outcome.code;
    }
    return 0;
  } catch (e) {
    if (isInputError(e)) {
      io.stderr(`error: ${terminalWords(errorText(e))}\n`);
      return 2;
    }
    return reportBug(e, io);
  }
}

/**
 * A bug: one log line through the one logger (tokens masked, the id, what
 * failed; the stack with SEGMENT_DEBUG set), then the apology with the same id.
 */
export function reportBug(error: unknown, io: Io, id = newErrorId()): number {
  const logger = createLogger('info', (line) => io.stderr(`${line}\n`), 'segment');
  logger.error(`unexpected failure [${id}]: ${describeError(error)}`);
  if (process.env.SEGMENT_DEBUG && error instanceof Error) logger.error(error.stack);
  io.stderr(`error: ${terminalWords(apologyWords(id))}\n`);
  return 1;
}
