// The playground page: a small Slack-like client for the local stand-in.
// State comes from /ui/state, changes live from /ui/events (server-sent events);
// typing, uploading and clicking go to /ui/command, /ui/upload and /ui/action.
import { renderBlocks } from './blocks.js';
import { mrkdwn, names } from './mrkdwn.js';

const $ = (id) => document.getElementById(id);
const el = (tag, className, children = []) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const child of children) node.append(child);
  return node;
};

const state = {
  channels: [],
  channel: '',
  me: {},
  bot: {},
  suggestions: [],
  messages: new Map(),
  unread: {},
};
const rows = new Map();
const key = (m) => `${m.channel}/${m.ts}`;

async function post(path, body, type = 'application/json') {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': type },
    body: type === 'application/json' ? JSON.stringify(body) : body,
  });
  if (!response.ok) {
    const answer = await response.json().catch(() => ({}));
    localNote(`:warning: The playground could not send that (${answer.error ?? response.status}).`);
  }
}

function localNote(text) {
  upsert({ channel: state.channel, ts: `local-${Date.now()}`, user: 'USLACKBOT', text, ephemeral: true });
}

// ---- rendering ------------------------------------------------------------

function avatar(user) {
  const bot = user === state.bot.id || user === 'USLACKBOT';
  const label = user === state.bot.id ? 'SB' : user === 'USLACKBOT' ? 'S' : 'Y';
  return el('span', `avatar ${bot ? 'bot' : 'human'}`, [label]);
}

function who(user) {
  if (user === state.bot.id) return [el('strong', 'name', ['segment-bot']), el('span', 'app-tag', ['APP'])];
  if (user === 'USLACKBOT') return [el('strong', 'name', ['Slackbot'])];
  return [el('strong', 'name', [state.me.name ?? 'you'])];
}

function files(message) {
  return (message.files ?? []).map((file) => {
    if (file.isImage) {
      const img = el('img', 'chart');
      img.src = file.url;
      img.alt = file.title;
      img.loading = 'lazy';
      img.addEventListener('click', () => openImage(file.url, file.title));
      return el('figure', 'file image', [el('figcaption', '', [file.title]), img]);
    }
    const link = el('a', 'file-link', [el('span', 'file-icon', ['📄']), el('span', '', [file.name])]);
    link.href = file.url;
    link.download = file.name;
    return el('div', 'file', [link]);
  });
}

function messageBody(message) {
  const context = {
    onAction: (element, node) => {
      node.disabled = true;
      setTimeout(() => {
        node.disabled = false;
      }, 1500);
      void post('/ui/action', {
        channel: message.channel,
        ts: message.ts,
        actionId: element.action_id,
        ...(element.block_id ? { blockId: element.block_id } : {}),
        ...(element.value === undefined ? {} : { value: element.value }),
        text: element.text?.text ?? '',
      });
    },
    openImage,
    fileUrl: (id) => (id ? `/ui/files/${id}/image.png` : ''),
  };
  const content = message.blocks?.length
    ? renderBlocks(message.blocks, context)
    : message.text
      ? [mrkdwn(message.text)]
      : [];
  const header = el('div', 'meta', [
    ...who(message.user),
    ...(message.edited ? [el('span', 'edited', ['(edited)'])] : []),
  ]);
  const parts = [header, ...content, ...files(message)];
  if (message.ephemeral) parts.push(el('div', 'only-you', ['👁 Only visible to you']));
  const body = el('div', 'body', parts);
  const node = el('div', `message${message.ephemeral ? ' ephemeral' : ''}`, [avatar(message.user), body]);
  node.dataset.ts = message.ts;
  return node;
}

function threadBox(row) {
  let box = row.querySelector(':scope > .thread');
  if (!box) {
    const toggle = el('button', 'thread-toggle', ['']);
    toggle.type = 'button';
    toggle.addEventListener('click', () => box.classList.toggle('collapsed'));
    box = el('div', 'thread', [toggle, el('div', 'replies')]);
    row.append(box);
  }
  const count = box.querySelector('.replies').children.length + 1;
  box.querySelector('.thread-toggle').textContent = `${count} ${count === 1 ? 'reply' : 'replies'} in thread`;
  return box;
}

function place(message) {
  const list = $('messages');
  const existing = rows.get(key(message));
  const node = messageBody(message);
  if (existing) {
    existing.querySelector(':scope > .message').replaceWith(node);
    return;
  }
  const row = el('div', 'row', [node]);
  rows.set(key(message), row);
  const parent = message.threadTs ? rows.get(`${message.channel}/${message.threadTs}`) : undefined;
  const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 120;
  if (parent && parent !== row) {
    const box = threadBox(parent);
    box.querySelector('.replies').append(row);
  } else list.append(row);
  if (nearBottom || message.user === state.me.id) list.scrollTop = list.scrollHeight;
}

function upsert(message) {
  state.messages.set(key(message), message);
  if (message.channel === state.channel) place(message);
  else {
    state.unread[message.channel] = (state.unread[message.channel] ?? 0) + 1;
    renderChannels();
  }
}

function renderChannels() {
  const list = $('channels');
  list.replaceChildren(
    ...state.channels.map((channel) => {
      const unread = state.unread[channel.id];
      const link = el('button', `channel${channel.id === state.channel ? ' active' : ''}`, [
        el('span', 'hash', ['#']),
        el('span', '', [channel.name]),
        ...(unread ? [el('span', 'badge', [String(unread)])] : []),
      ]);
      link.type = 'button';
      link.addEventListener('click', () => switchTo(channel.id));
      return el('li', '', [link]);
    }),
  );
}

function switchTo(id) {
  state.channel = id;
  state.unread[id] = 0;
  const channel = state.channels.find((c) => c.id === id);
  $('channel-name').textContent = `# ${channel.name}`;
  $('channel-topic').textContent = channel.topic;
  $('composer').placeholder = `Message #${channel.name}`;
  rows.clear();
  $('messages').replaceChildren(intro(channel));
  for (const message of state.messages.values()) if (message.channel === id) place(message);
  renderChannels();
  $('composer').focus();
}

function intro(channel) {
  return el('div', 'intro', [
    el('h2', '', [`Welcome to #${channel.name}`]),
    mrkdwn(
      'This is a local stand-in for a Slack workspace, with the real segment-bot answering. ' +
        'Type `/segment summary` to see the segments of the bundled sample, `/segment help` for every command, ' +
        'or drop a CSV or XLSX file of customers here.',
    ),
  ]);
}

// ---- image viewer ---------------------------------------------------------

function openImage(src, alt) {
  $('viewer-img').src = src;
  $('viewer-img').alt = alt ?? '';
  $('viewer-open').href = src;
  $('viewer').hidden = false;
}
$('viewer').addEventListener('click', (event) => {
  if (event.target.id !== 'viewer-img' && event.target.id !== 'viewer-open') $('viewer').hidden = true;
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') $('viewer').hidden = true;
});

// ---- composer and suggestions ---------------------------------------------

let highlighted = -1;

function matches() {
  const text = $('composer').value;
  if (!text.startsWith('/') || text.includes('\n')) return [];
  const lower = text.toLowerCase();
  return state.suggestions.filter((s) => s.command.startsWith(lower) && s.command !== lower).slice(0, 7);
}

function showSuggestions() {
  const found = matches();
  const list = $('suggestions');
  highlighted = Math.min(highlighted, found.length - 1);
  list.hidden = found.length === 0;
  list.replaceChildren(
    ...found.map((s, i) => {
      const item = el('li', i === highlighted ? 'active' : '', [
        el('code', '', [s.command]),
        el('span', '', [s.what]),
      ]);

      item.addEventListener('mousedown', (event) => {
        event.preventDefault();
        accept(s.command);
      });
      return item;
    }),
  );
}

function accept(command) {
  $('composer').value = command;
  highlighted = -1;
  showSuggestions();
  $('composer').focus();
}

function send() {
  const text = $('composer').value.trim();
  if (!text) return;
  $('composer').value = '';
  highlighted = -1;
  showSuggestions();
  if (/^\/segment\b/i.test(text)) return void post('/ui/command', { channel: state.channel, text });
  upsert({ channel: state.channel, ts: `local-${Date.now()}`, user: state.me.id, text });
  const what = text.startsWith('/')
    ? `\`${text.split(/\s/)[0]}\` is not a command here.`
    : 'segment-bot answers commands.';
  localNote(`${what} Try \`/segment help\` or \`/segment summary\`.`);
}

$('composer').addEventListener('keydown', (event) => {
  const found = matches();
  if (event.key === 'ArrowDown' && found.length) {
    event.preventDefault();
    highlighted = (highlighted + 1) % found.length;
    return showSuggestions();
  }
  if (event.key === 'ArrowUp' && found.length) {
    event.preventDefault();
    highlighted = (highlighted - 1 + found.length) % found.length;
    return showSuggestions();
  }
  if (event.key === 'Tab' && found.length) {
    event.preventDefault();
    return accept(found[Math.max(0, highlighted)].command);
  }
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    if (highlighted >= 0 && found[highlighted]) return accept(found[highlighted].command);
    send();
  }
});
$('composer').addEventListener('input', showSuggestions);
$('composer').addEventListener('blur', () => {
  $('suggestions').hidden = true;
});
$('composer-form').addEventListener('submit', (event) => {
  event.preventDefault();
  send();
});

// ---- uploads --------------------------------------------------------------

function upload(file) {
  if (!/\.(csv|tsv|txt|xlsx|xls)$/i.test(file.name)) {
    localNote(`:x: *${file.name}* is not a CSV or XLSX file, so it was not shared.`);
    return;
  }
  const query = new URLSearchParams({ channel: state.channel, name: file.name });
  void post(`/ui/upload?${query}`, file, 'application/octet-stream');
}

$('file-input').addEventListener('change', () => {
  for (const file of $('file-input').files) upload(file);
  $('file-input').value = '';
});
const main = $('main');
main.addEventListener('dragover', (event) => {
  event.preventDefault();
  main.classList.add('dragging');
});
main.addEventListener('dragleave', (event) => {
  if (event.target === main || !main.contains(event.relatedTarget)) main.classList.remove('dragging');
});
main.addEventListener('drop', (event) => {
  event.preventDefault();
  main.classList.remove('dragging');
  for (const file of event.dataTransfer?.files ?? []) upload(file);
});

// ---- start ----------------------------------------------------------------

async function start() {
  // Connected first so nothing posted while the state loads is missed (upserts are idempotent).
  const early = [];
  const events = new EventSource('/ui/events');
  events.onmessage = (event) => early.push(JSON.parse(event.data));
  const initial = await (await fetch('/ui/state')).json();
  Object.assign(state, {
    channels: initial.channels,
    me: initial.me,
    bot: initial.bot,
    suggestions: initial.suggestions,
  });
  names.users[initial.me.id] = initial.me.name;
  names.users[initial.bot.id] = initial.bot.name;
  for (const channel of initial.channels) names.channels[channel.id] = channel.name;
  for (const message of initial.messages) state.messages.set(key(message), message);
  const fromHash = initial.channels.find((c) => `#${c.name}` === location.hash);
  switchTo((fromHash ?? initial.channels[0]).id);
  for (const message of early) upsert(message);
  events.onmessage = (event) => upsert(JSON.parse(event.data));
  document.body.dataset.ready = 'true';
}

void start();
