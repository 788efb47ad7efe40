/**
 * A `Reply` laid out with Components V2 (when: render.ts). Blocks keep their order:
 *
 * - text: Text Displays of ≤ 2,000 characters (split at paragraphs, like classic content);
 * - a card: a Container (accent bar, like an embed) with its title as a heading, then a Separator and
 *   one Text Display of the body and the fields ("**label**: value" lines). A card's only button sits
 *   beside the title (a Section's accessory); several go in action rows at the foot of the card;
 * - a list: a Container with the title, then each item: a Section with the item's button beside it,
 *   or, for items without one, their lines gathered in Text Displays. A list that does not fit one
 *   message goes on in a Container in the next ("title (2)"), between sections, never inside one;
 * - buttons blocks and quick replies: action rows.
 *
 * Each message keeps to 40 components counting nested ones and 4,000 characters of text (labels
 * counted too); a custom_id is used once in the whole reply, as in classic rendering, so it is unique
 * in every message. A card or list item too large for a message of its own cannot be laid out here:
 * `null` says so, and render.ts renders the reply classic.
 */
import type { Block, Button, CardBlock, ListBlock, QuickReply, Reply } from '../../src/chat/types.ts';
import { splitText } from '../shared/text.ts';
import {
  COLOR,
  type Container,
  type ContainerChild,
  componentCount,
  IS_COMPONENTS_V2,
  MAX_V2_COMPONENTS,
  MAX_V2_TEXT,
  rows,
  type TextDisplay,
  textSize,
  toButton,
  type V2Component,
  type V2Message,
} from './components.ts';

/** Text pieces this long pack well around cards and stay readable. */
const TEXT_PIECE = 2000;

const display = (content: string): TextDisplay => ({ type: 10, content });
const heading = (title: string, subtitle?: string): TextDisplay =>
  display(`### ${title}${subtitle ? `\n${subtitle}` : ''}`);

/** Fills messages up to the limits, a whole component at a time. */
class Pack {
  readonly messages: V2Component[][] = [[]];
  private count = 0;
  private text = 0;

  fits(count: number, text: number): boolean {
    return this.count + count <= MAX_V2_COMPONENTS && this.text + text <= MAX_V2_TEXT;
  }

  /** Counts what was put into a component already in the current message. */
  grow(count: number, text: number): void {
    this.count += count;
    this.text += text;
  }

  /** Adds `c` to this message, or to the next when it does not fit; false when no message can hold it. */
  add(c: V2Component): boolean {
    const count = componentCount(c);
    const text = textSize(c);
    if (count > MAX_V2_COMPONENTS || text > MAX_V2_TEXT) return false;
    if (!this.fits(count, text)) {
      this.messages.push([]);
      this.count = 0;
      this.text = 0;
    }
    this.messages.at(-1)?.push(c);
    this.grow(count, text);
    return true;
  }
}

/** Buttons whose payload the reply has not used yet (custom_id is unique in a message). */
function unused<T extends Button | QuickReply>(buttons: readonly T[], seen: Set<string>): T[] {
  return buttons.filter((b) => {
    if (seen.has(b.payload)) return false;
    seen.add(b.payload);
    return true;
  });
}

function card(block: CardBlock, seen: Set<string>): Container {
  const buttons = unused(block.buttons ?? [], seen).map(toButton);
  const head = heading(block.title, block.subtitle);
  const [only] = buttons;
  const components: ContainerChild[] = [
    only && buttons.length === 1 ? { type: 9, components: [head], accessory: only } : head,
  ];
  const fields = block.fields.map((f) => (f.label ? `**${f.label}**: ${f.value || '-'}` : f.value || '-'));
  const details = [block.body ?? '', fields.join('\n')].filter((s) => s.trim() !== '').join('\n\n');
  if (details !== '') components.push({ type: 14, divider: true, spacing: 1 }, display(details));
  if (buttons.length > 1) components.push(...rows(buttons));
  return { type: 17, accent_color: COLOR, components };
}

/** A list's items as container children: a Section per item with a button, text for the rest. */
function listItems(block: ListBlock, seen: Set<string>): ContainerChild[] {
  const out: ContainerChild[] = [];
  let lines: string[] = [];
  const flush = () => {
    for (const piece of splitText(lines.join('\n'), TEXT_PIECE)) if (piece !== '') out.push(display(piece));
    lines = [];
  };
  for (const item of block.items) {
    const line = `**${item.title}**${item.description ? `\n${item.description}` : ''}`;
    const [button] = unused(item.button ? [item.button] : [], seen);
    if (!button) {
      lines.push(line);
      continue;
    }
    flush();
    out.push({ type: 9, components: [display(line)], accessory: toButton(button) });
  }
  flush();
  return out;
}

/** A list in containers, continued in the next message where one is full; false when an item fits no message. */
function addList(pack: Pack, block: ListBlock, seen: Set<string>): boolean {
  const { title } = block;
  const items = listItems(block, seen);
  if (items.length === 0) return title ? pack.add(heading(title)) : true;
  let open: Container | null = null;
  let part = 0;
  for (const item of items) {
    const count = componentCount(item);
    const text = textSize(item);
    if (open && pack.fits(count, text)) {
      open.components.push(item);
      pack.grow(count, text);
      continue;
    }
    part++;
    const next: Container = {
      type: 17,
      accent_color: COLOR,
      components: [...(title ? [heading(part === 1 ? title : `${title} (${part})`)] : []), item],
    };
    if (!pack.add(next)) return false;
    open = next;
  }
  return true;
}

function addBlock(pack: Pack, block: Block, seen: Set<string>): boolean {
  switch (block.type) {
    case 'text':
      return splitText(block.text.trim(), TEXT_PIECE)
        .filter((piece) => piece !== '')
        .every((piece) => pack.add(display(piece)));
    case 'card':
      return pack.add(card(block, seen));
    case 'list':
      return addList(pack, block, seen);
    case 'buttons':
      return rows(unused(block.buttons, seen).map(toButton)).every((row) => pack.add(row));
    case 'file':
      // Sent after the reply in messages of their own without the flag (files.ts): a V2 message shows
      // attachments only through File components (Component Reference).
      return true;
  }
}

/** The reply as V2 messages, or null when a card or list item is too large for one message. */
export function renderV2Messages(reply: Reply): V2Message[] | null {
  const pack = new Pack();
  const seen = new Set<string>();
  for (const block of reply.blocks) if (!addBlock(pack, block, seen)) return null;
  for (const row of rows(unused(reply.quickReplies ?? [], seen).map(toButton)))
    if (!pack.add(row)) return null;
  const messages = pack.messages.filter((m) => m.length > 0);
  if (messages.length === 0) return null;
  return messages.map((components) => ({ flags: IS_COMPONENTS_V2, components }));
}
