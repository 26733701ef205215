/**
 * What a command answers, independent of where it is shown. The Slack adapter
 * turns it into Block Kit plus file uploads; the CLI into stdout and files.
 */
export interface ReplyImage {
  filename: string;
  title: string;
  /** One sentence describing the chart, for screen readers and the text fallback. */
  alt: string;
  png: Buffer;
}

/** A non-image attachment, e.g. the customer export CSV. */
export interface ReplyFile {
  filename: string;
  title: string;
  mimetype: string;
  content: Buffer;
}

/** A small table kept as text so it stays searchable and copyable. */
export interface ReplyTable {
  columns: string[];
  rows: string[][];
  /** Per column; numbers read best right-aligned. */
  align?: Array<'left' | 'right'>;
}

export interface ReplySection {
  heading?: string;
  /** Slack-flavoured light markdown: *bold*, _italic_, bullet lines starting with "• ". */
  body: string;
}

/** A button under the answer that runs a command, as if it were typed (`command` is the text after /segment). */
export interface ReplyAction {
  label: string;
  command: string;
  style?: 'primary';
}

export interface Reply {
  title: string;
  /** One or two plain sentences: the notification fallback and the gist. */
  text: string;
  sections: ReplySection[];
  /** Buttons: next steps one click away. */
  actions?: ReplyAction[];
  table?: ReplyTable;
  images: ReplyImage[];
  files: ReplyFile[];
  warnings: string[];
  /** Errors, help and usage hints go only to the person who asked. */
  visibility: 'ephemeral' | 'in_channel';
  isError: boolean;
}
