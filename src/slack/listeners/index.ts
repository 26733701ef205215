/** Every listener the app has, registered in one call (the architecture test checks manifest.yml against it). */
import type { App } from '@slack/bolt';
import { registerActions } from './actions/index.ts';
import { registerCommands } from './commands/index.ts';
import type { ListenerDeps } from './deps.ts';
import { registerEvents } from './events/index.ts';

export type { ListenerDeps } from './deps.ts';

export function registerListeners(app: Pick<App, 'command' | 'event' | 'action'>, deps: ListenerDeps): void {
  registerCommands(app, deps);
  registerEvents(app, deps);
  registerActions(app, deps);
}
