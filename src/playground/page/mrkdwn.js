// Slack mrkdwn → DOM nodes (never HTML strings, so message text cannot inject markup).
// Covers what the bot writes: *bold*, _italic_, ~strike~, `code`, ```blocks```,
// <url|label> links, <@U…> mentions, "• " and "- " lists, "> " quotes, :emoji:.

const EMOJI = {
  warning: '⚠️',
  bar_chart: '📊',
  hourglass_flowing_sand: '⏳',
  x: '❌',
  wave: '👋',
  white_check_mark: '✅',
  heavy_check_mark: '✔️',
  information_source: 'ℹ️',
  mag: '🔍',
  bulb: '💡',
  point_right: '👉',
  chart_with_upwards_trend: '📈',
  busts_in_silhouette: '👥',
  round_pushpin: '📍',
  inbox_tray: '📥',
  outbox_tray: '📤',
  question: '❓',
  tada: '🎉',
  large_green_circle: '🟢',
  large_yellow_circle: '🟡',
  red_circle: '🔴',
  arrows_counterclockwise: '🔄',
  page_facing_up: '📄',
  memo: '📝',
};

const decode = (text) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

const el = (tag, className, children = []) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const child of children) node.append(child);
  return node;
};

// Names the page knows for mention ids (set by app.js).
export const names = { users: {}, channels: {} };

function control(inner) {
  const [target, label] = inner.split('|');
  if (target.startsWith('@')) {
    const id = target.slice(1);
    return el('span', 'mention', [`@${label ?? names.users[id] ?? id}`]);
  }
  if (target.startsWith('#')) {
    const id = target.slice(1);
    return el('span', 'mention', [`#${label ?? names.channels[id] ?? id}`]);
  }
  if (target.startsWith('!')) return el('span', 'mention', [`@${label ?? target.slice(1).split('^')[0]}`]);
  const link = el('a', '', [decode(label ?? target)]);
  if (/^(https?:|mailto:|\/)/i.test(target)) link.href = decode(target);
  link.target = '_blank';
  link.rel = 'noopener';
  return link;
}

const INLINE =
  /`([^`\n]+)`|<([^<>\n]+)>|:([a-z0-9_+-]+):|(?<![\w*])\*([^*\n]+?)\*(?![\w*])|(?<![\w_])_([^_\n]+?)_(?![\w_])|(?<![\w~])~([^~\n]+?)~(?![\w~])/g;

/** One line of mrkdwn as inline nodes. */
export function inline(text) {
  const nodes = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    if (match.index > last) nodes.push(decode(text.slice(last, match.index)));
    const [whole, code, ctrl, emoji, bold, italic, strike] = match;
    if (code !== undefined) nodes.push(el('code', '', [decode(code)]));
    else if (ctrl !== undefined) nodes.push(control(ctrl));
    else if (emoji !== undefined) nodes.push(EMOJI[emoji] ?? whole);
    else if (bold !== undefined) nodes.push(el('strong', '', inline(bold)));
    else if (italic !== undefined) nodes.push(el('em', '', inline(italic)));
    else if (strike !== undefined) nodes.push(el('s', '', inline(strike)));
    last = match.index + whole.length;
  }
  if (last < text.length) nodes.push(decode(text.slice(last)));
  return nodes;
}

const BULLET = /^\s*(?:[•◦▪-]|\d+\.)\s+/;

function lines(text) {
  const out = [];
  let list;
  let paragraph;
  for (const line of text.split('\n')) {
    if (BULLET.test(line)) {
      paragraph = undefined;
      if (!list) {
        list = el('ul');
        out.push(list);
      }
      list.append(el('li', '', inline(line.replace(BULLET, ''))));
      continue;
    }
    list = undefined;
    if (line.startsWith('&gt; ') || line.startsWith('> ')) {
      paragraph = undefined;
      out.push(el('blockquote', '', inline(line.replace(/^(&gt;|>) /, ''))));
      continue;
    }
    if (line.trim() === '') {
      paragraph = undefined;
      continue;
    }
    if (paragraph) paragraph.append(el('br'), ...inline(line));
    else {
      paragraph = el('p', '', inline(line));
      out.push(paragraph);
    }
  }
  return out;
}

/** A whole mrkdwn text as a div of paragraphs, lists, quotes and code blocks. */
export function mrkdwn(text) {
  const root = el('div', 'mrkdwn');
  const parts = String(text ?? '').split('```');
  parts.forEach((part, i) => {
    if (i % 2 === 1) root.append(el('pre', '', [decode(part.replace(/^\n/, '').replace(/\n$/, ''))]));
    else root.append(...lines(part));
  });
  return root;
}
