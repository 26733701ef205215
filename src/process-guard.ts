/**
 * The last line of defence: an error nothing else caught (a rejected promise
 * no one awaited, a throw in a timer or a library callback) is logged once
 * with a short id, and the process keeps serving every other channel. Node's
 * default is to exit, which takes the bot away from everyone for one bug.
 */
import type { Logger } from '@slack/bolt';
import { describeError, newErrorId } from './log.ts';

export interface ProcessGuard {
  /** How many unexpected errors were absorbed (for /metrics). */
  count(): number;
  uninstall(): void;
}

export function installProcessGuard(logger: Logger, onError?: (id: string) => void): ProcessGuard {
  let count = 0;
  const absorb = (kind: string) => (error: unknown) => {
    count += 1;
    const id = newErrorId();
    logger.error(`unexpected ${kind} [${id}], still serving: ${describeError(error)}`);
    onError?.(id);
  };
  const onException = absorb('exception');
  const onRejection = absorb('promise rejection');
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return {
    count: () => count,
    uninstall: () => {
      process.off('uncaughtException', onException);
      process.off('unhandledRejection', onRejection);
    },
  };
}
