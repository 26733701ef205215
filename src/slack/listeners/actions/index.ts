/** Registers the interactive listeners (buttons); callbacks live one per file. */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { COMMAND_ACTION_PREFIX } from '../../blocks/index.ts';
import type { ListenerDeps } from '../deps.ts';
import { commandButton } from './command-button.ts';

/** Matches every button made by blocks/actionsBlock (manifest.yml enables interactivity for them). */
export const COMMAND_BUTTON = new RegExp(`^${COMMAND_ACTION_PREFIX}_\\d+$`);

export function registerActions(app: Pick<App, 'action'>, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(COMMAND_BUTTON, commandButton(deps));
}
