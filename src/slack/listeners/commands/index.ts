/** Registers the slash commands; callbacks live one per file. */
import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.ts';
import { segmentCommand } from './segment.ts';

export const COMMANDS = ['/segment'] as const;

export function registerCommands(app: Pick<App, 'command'>, deps: ListenerDeps): void {
  app.command('/segment', segmentCommand(deps));
}
