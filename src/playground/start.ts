/**
 * The playground: the real bot (config → service → Bolt app in HTTP mode,
 * with real request signing under a secret made up for this run) talking to
 * the embedded Slack stand-in, and a page that plays the Slack client. One
 * port serves the page and the stand-in's Web API; the Bolt app listens on a
 * free port of 127.0.0.1 that only the page's server talks to.
 */
import { randomBytes } from 'node:crypto';
import { type Bot, type BotOptions, startBot } from '../main.ts';
import { StartupError } from '../slack/app.ts';
import { BOT_TOKEN, SlackStandin } from './standin/server.ts';
import { type BoltTarget, uiRoutes } from './ui-routes.ts';
import { MESSAGES_KEPT, Workspace } from './workspace.ts';

export interface Playground {
  /** The page's address, e.g. http://127.0.0.1:3000. */
  url: string;
  bot: Bot;
  standin: SlackStandin;
  workspace: Workspace;
  stop(): Promise<void>;
}

const DEFAULT_PORT = 3000;

/** The one line `npm start` prints in playground mode. */
export const playgroundLine = (url: string) =>
  `segment-bot playground: ${url} (no Slack needed; set SLACK_BOT_TOKEN to run in Slack)`;

/** True when no Slack credential is set at all: then `npm start` opens the playground. */
export function wantsPlayground(env: Record<string, string | undefined>): boolean {
  const blank = (name: string) => (env[name] ?? '').trim() === '';
  return blank('SLACK_BOT_TOKEN') && blank('SLACK_APP_TOKEN') && blank('SLACK_SIGNING_SECRET');
}

export async function startPlayground(
  env: Record<string, string | undefined>,
  options: BotOptions = {},
): Promise<Playground> {
  const port = env.PORT?.trim() ? Number(env.PORT) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new StartupError('PORT must be 0–65535');
  let bolt: BoltTarget | undefined;
  const routes: { handle?: ReturnType<typeof uiRoutes> } = {};
  const standin = await SlackStandin.start({
    port,
    host: env.HOST?.trim() || '127.0.0.1',
    extra: (req, res, body) => routes.handle?.(req, res, body) ?? false,
    // As many as the page shows (workspace.ts), so a playground left running stays bounded.
    historyKept: MESSAGES_KEPT,
  }).catch((error: { code?: string }) => {
    if (error.code === 'EADDRINUSE') throw new StartupError(`port ${port} is already in use; set PORT`);
    throw error;
  });
  const workspace = new Workspace(standin);
  routes.handle = uiRoutes(standin, workspace, () => bolt);
  const signingSecret = randomBytes(16).toString('hex');
  let bot: Bot;
  try {
    bot = await startBot(
      {
        ...env,
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: signingSecret,
        SLACK_APP_TOKEN: '',
        PORT: '0',
        HOST: '127.0.0.1',
        SLACK_API_URL: standin.apiUrl,
        SLACK_FILE_HOST: standin.host,
        // Quiet by default: the page is where answers show; warnings and errors still print.
        LOG_LEVEL: env.LOG_LEVEL?.trim() || 'warn',
      },
      options,
    );
  } catch (error) {
    await standin.close();
    throw error;
  }
  bolt = { url: `http://127.0.0.1:${bot.port}`, signingSecret };
  return {
    url: standin.origin,
    bot,
    standin,
    workspace,
    stop: async () => {
      await bot.stop();
      await standin.close();
    },
  };
}
