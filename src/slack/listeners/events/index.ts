/** Registers the Events API listeners; callbacks live one per file. */
import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.ts';
import { fileShareMessage } from './file-share.ts';

/** Event types listened to; manifest.yml subscribes to their message.* variants. */
export const EVENTS = ['message'] as const;

export function registerEvents(app: Pick<App, 'event'>, deps: ListenerDeps): void {
  app.event('message', fileShareMessage(deps));
}
