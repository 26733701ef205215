// Block Kit → DOM, for the blocks segment-bot sends: header, section (text,
// fields, accessory), context, divider, table, actions (buttons), image,
// markdown, rich_text and file. Anything else is shown as a labelled stub.
import { inline, mrkdwn } from './mrkdwn.js';

const el = (tag, className, children = []) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const child of children) node.append(child);
  return node;
};

const textObject = (object) =>
  object?.type === 'mrkdwn' ? mrkdwn(object.text) : el('div', 'plain', [object?.text ?? '']);

function richText(elements = []) {
  const out = [];
  for (const section of elements) {
    for (const item of section.elements ?? []) {
      if (item.type === 'text') {
        let node = document.createTextNode(item.text ?? '');
        if (item.style?.code) node = el('code', '', [node]);
        if (item.style?.bold) node = el('strong', '', [node]);
        if (item.style?.italic) node = el('em', '', [node]);
        out.push(node);
      } else if (item.type === 'link') {
        const link = el('a', '', [item.text ?? item.url]);
        link.href = item.url;
        link.target = '_blank';
        out.push(link);
      } else if (item.type === 'emoji')
        out.push(item.unicode ? String.fromCodePoint(`0x${item.unicode}`) : '');
      else if (item.text) out.push(item.text);
    }
  }
  return out;
}

function cell(value) {
  if (value?.type === 'raw_text') return [value.text ?? ''];
  if (value?.type === 'rich_text') return richText(value.elements);
  return [String(value?.text ?? '')];
}

/** A table block; on a narrow screen CSS stacks each row as a card labelled by the header cells. */
function table(block) {
  const [head = [], ...rows] = block.rows ?? [];
  const settings = block.column_settings ?? [];
  const labels = head.map((value) =>
    cell(value)
      .map((n) => n.textContent ?? n)
      .join(''),
  );
  const style = (node, i) => {
    const setting = settings[i];
    if (setting?.align) node.style.textAlign = setting.align;
    if (setting?.is_wrapped) node.classList.add('wrap');
    return node;
  };
  const thead = el('thead', '', [
    el(
      'tr',
      '',
      head.map((value, i) => style(el('th', '', cell(value)), i)),
    ),
  ]);
  const body = rows.map((row) =>
    el(
      'tr',
      '',
      row.map((value, i) => {
        const td = style(el('td', '', cell(value)), i);
        td.dataset.label = labels[i] ?? '';
        return td;
      }),
    ),
  );
  return el('div', 'block-table', [el('table', '', [thead, el('tbody', '', body)])]);
}

function button(element, context) {
  const node = el('button', `button ${element.style ?? ''}`.trim(), [element.text?.text ?? 'Button']);
  node.type = 'button';
  if (element.url) {
    node.addEventListener('click', () => window.open(element.url, '_blank', 'noopener'));
    return node;
  }
  node.addEventListener('click', () => context.onAction(element, node));
  return node;
}

function image(block, context) {
  const src = block.image_url ?? block.slack_file?.url ?? context.fileUrl(block.slack_file?.id);
  const img = el('img', 'block-image');
  img.src = src ?? '';
  img.alt = block.alt_text ?? '';
  img.addEventListener('click', () => context.openImage(img.src, img.alt));
  const title = block.title ? [el('div', 'image-title', [block.title.text])] : [];
  return el('figure', 'image', [...title, img]);
}

const RENDER = {
  header: (block) => el('h3', 'block-header', [block.text?.text ?? '']),
  divider: () => el('hr', 'block-divider'),
  section: (block, context) => {
    const parts = [];
    if (block.text) parts.push(textObject(block.text));
    if (block.fields?.length)
      parts.push(
        el(
          'div',
          'fields',
          block.fields.map((f) => textObject(f)),
        ),
      );
    const accessory = block.accessory;
    const side =
      accessory?.type === 'button'
        ? [button(accessory, context)]
        : accessory?.type === 'image'
          ? [image(accessory, context)]
          : [];
    return el('div', 'block-section', [el('div', 'section-body', parts), ...side]);
  },
  context: (block) =>
    el(
      'div',
      'block-context',
      (block.elements ?? []).map((e) =>
        e.type === 'image'
          ? Object.assign(el('img', 'context-image'), { src: e.image_url, alt: e.alt_text })
          : textObject(e),
      ),
    ),
  actions: (block, context) =>
    el(
      'div',
      'block-actions',
      (block.elements ?? [])
        .filter((e) => e.type === 'button')
        .map((e) => button({ ...e, block_id: block.block_id }, context)),
    ),
  table,
  image,
  markdown: (block) => mrkdwn((block.text ?? '').replace(/\*\*(.+?)\*\*/g, '*$1*')),
  rich_text: (block) => el('div', 'rich-text', richText(block.elements)),
  file: (block) => el('div', 'block-file', [`File ${block.file_id ?? ''}`]),
};

/** Every block of a message; `context` has onAction, openImage and fileUrl. */
export function renderBlocks(blocks, context) {
  return blocks.map((block) => {
    const render = RENDER[block.type];
    const node = render ? render(block, context) : el('div', 'block-unknown', [`[${block.type} block]`]);
    node.classList.add('block');
    return node;
  });
}

export { inline };
