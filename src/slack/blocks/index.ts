export {
  apology,
  chartsNotDelivered,
  chartsNote,
  couldNotDeliver,
  fileRefused,
  formatBytes,
  inviteHint,
  jobGaveUp,
  jobPaused,
  jobStalled,
  progressLine,
  readingFile,
  resumingFile,
  sharedNote,
  stillReading,
  unusableDataFile,
  withInviteHint,
} from './notices.ts';
export {
  actionsBlock,
  COMMAND_ACTION_PREFIX,
  chartComment,
  fallbackText,
  replyMessage,
  type SlackMessage,
  statusMessage,
} from './reply.ts';
export { TABLE_LIMITS, tableBlock, tableBlocks, tableCards, tableLines, tableTexts } from './table.ts';
export { chunkLines, escapeText, LIMITS, truncate } from './text.ts';
