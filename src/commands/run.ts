/**
 * One entry point for every transport: a Command and the ports in, a Reply out.
 * Mistakes users can make (InputError) become an error Reply; anything else
 * is a bug and is thrown for the transport to log.
 */
import { isInputError } from '../core/errors.ts';
import type { Command } from './command.ts';
import type { CommandContext } from './context.ts';
import { asOf } from './handlers/asof.ts';
import { check } from './handlers/check.ts';
import { data, reset } from './handlers/data.ts';
import { eda } from './handlers/eda.ts';
import { exportCustomers } from './handlers/export.ts';
import { features } from './handlers/features.ts';
import { helpReply } from './handlers/help.ts';
import { chooseK } from './handlers/k.ts';
import { predict, predictRfm } from './handlers/predict.ts';
import { summary } from './handlers/summary.ts';
import { errorReply } from './messages.ts';
import type { Reply } from './reply.ts';

type Handlers = {
  [K in Command['kind']]: (command: Extract<Command, { kind: K }>, context: CommandContext) => Promise<Reply>;
};

const HANDLERS: Handlers = {
  help: async () => helpReply(),
  summary: (_, context) => summary(context),
  eda: (_, context) => eda(context),
  check: (_, context) => check(context),
  k: chooseK,
  features,
  predict,
  predictRfm,
  asof: asOf,
  export: (_, context) => exportCustomers(context),
  data: (_, context) => data(context),
  reset: (command, context) => reset(command, context),
};

export async function run(command: Command, context: CommandContext): Promise<Reply> {
  const handler = HANDLERS[command.kind] as (command: Command, context: CommandContext) => Promise<Reply>;
  try {
    return await handler(command, context);
  } catch (error) {
    if (isInputError(error)) return errorReply(error);
    throw error;
  }
}
