/**
 * Renders a platform-neutral `Reply` as Discord messages within the documented limits (PLATFORMS.md,
 * Discord): content ≤ 2,000 characters; ≤ 10 embeds per message and 6,000 characters across them;
 * ≤ 25 fields (value ≤ 1,024); ≤ 5 action rows of ≤ 5 buttons (label ≤ 80, custom_id ≤ 100, unique
 * in a message). What does not fit goes into further messages (follow-ups), never cut off.
 */
import type { Block, Button, CardBlock, QuickReply, Reply } from '../../src/chat/types.ts';
import { clip, splitText } from '../shared/text.ts';

export const MAX_CONTENT = 2000;
export const MAX_EMBEDS = 10;
export const MAX_EMBED_TOTAL = 6000;
export const MAX_FIELDS = 25;
export const MAX_FIELD_VALUE = 1024;
export const MAX_DESCRIPTION = 4096;
export const MAX_TITLE = 256;
export const MAX_ROWS = 5;
export const MAX_BUTTONS_PER_ROW = 5;
export const MAX_LABEL = 80;
export const MAX_CUSTOM_ID = 100;

const COLOR = 0x5865f2;

export interface Embed {
  title?: string;
  description?: string;
  color?: number;
  fields?: { name: string; value: string; inline?: boolean }[];
}
export interface ButtonComponent {
  type: 2;
  style: 1 | 2 | 4;
  label: string;
  custom_id: string;
}
export interface DiscordMessage {
  content?: string;
  embeds?: Embed[];
  components?: { type: 1; components: ButtonComponent[] }[];
}

const embedSize = (e: Embed) =>
  (e.title?.length ?? 0) +
  (e.description?.length ?? 0) +
  (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);

function blockEmbeds(block: Block): Embed[] {
  if (block.type === 'card') {
    const description = [block.subtitle, block.body].filter(Boolean).join('\n');
    const out: Embed[] = [];
    const fields = block.fields.map((f) => ({
      name: clip(f.label || '\u200b', MAX_TITLE),
      value: clip(f.value || '-', MAX_FIELD_VALUE),
      inline: f.value.length <= 40,
    }));
    for (let i = 0; i === 0 || i < fields.length; i += MAX_FIELDS) {
      out.push({
        title: clip(block.title, MAX_TITLE),
        color: COLOR,
        ...(i === 0 && description ? { description: clip(description, MAX_DESCRIPTION) } : {}),
        ...(fields.length ? { fields: fields.slice(i, i + MAX_FIELDS) } : {}),
      });
    }
    return out;
  }
  if (block.type === 'list') {
    const lines = block.items.map((it) => `**${it.title}**${it.description ? `\n${it.description}` : ''}`);
    return splitText(lines.join('\n'), MAX_DESCRIPTION - 10).map((description, i) => ({
      ...(block.title ? { title: clip(i === 0 ? block.title : `${block.title} (${i + 1})`, MAX_TITLE) } : {}),
      color: COLOR,
      description,
    }));
  }
  return [];
}

/**
 * Buttons sit under the message, apart from the embeds: when several cards carry buttons (a list of
 * people, each with Message and Invite), each button names its card, so two "Message" buttons are
 * told apart. The card's title is shortened, never the action.
 */
function cardButtons(block: CardBlock, named: boolean): Button[] {
  const buttons = block.buttons ?? [];
  if (!named) return buttons;
  return buttons.map((b) => {
    const room = Math.max(MAX_LABEL - [...b.label].length - 2, 10);
    return { ...b, label: `${clip(block.title, room)}: ${b.label}` };
  });
}

function blockButtons(block: Block, namedCards = false): Button[] {
  if (block.type === 'card') return cardButtons(block, namedCards);
  if (block.type === 'list') return block.items.flatMap((it) => (it.button ? [it.button] : []));
  if (block.type === 'buttons') return block.buttons;
  return [];
}

function toButton(b: Button | QuickReply): ButtonComponent {
  const style = 'style' in b && b.style === 'primary' ? 1 : 'style' in b && b.style === 'danger' ? 4 : 2;
  if (b.payload.length > MAX_CUSTOM_ID) throw new Error(`button payload over ${MAX_CUSTOM_ID} characters`);
  return { type: 2, style, label: clip(b.label, MAX_LABEL), custom_id: b.payload };
}

/** The reply as Discord messages: the first answers the interaction, the rest are follow-ups. */
export function renderDiscordMessages(reply: Reply): DiscordMessage[] {
  const text = reply.blocks
    .filter((b) => b.type === 'text')
    .map((b) => (b as { text: string }).text)
    .filter((t) => t.trim() !== '')
    .join('\n\n');
  const embeds = reply.blocks.flatMap(blockEmbeds);
  // One button per payload in a message (custom_id must be unique).
  const seen = new Set<string>();
  const buttons: ButtonComponent[] = [];
  const namedCards = reply.blocks.filter((b) => b.type === 'card' && (b.buttons?.length ?? 0) > 0).length > 1;
  for (const b of [
    ...reply.blocks.flatMap((block) => blockButtons(block, namedCards)),
    ...(reply.quickReplies ?? []),
  ]) {
    if (seen.has(b.payload)) continue;
    seen.add(b.payload);
    buttons.push(toButton(b));
  }

  const messages: DiscordMessage[] = splitText(text, MAX_CONTENT)
    .filter((c) => c !== '')
    .map((content) => ({ content }));
  // Embeds: ≤ 10 and ≤ 6,000 characters per message.
  let group: Embed[] = [];
  let size = 0;
  const flushEmbeds = () => {
    if (group.length === 0) return;
    const last = messages.at(-1);
    if (last && !last.embeds && messages.length === 1) last.embeds = group;
    else messages.push({ embeds: group });
    group = [];
    size = 0;
  };
  for (const e of embeds) {
    const n = embedSize(e);
    if (group.length === MAX_EMBEDS || size + n > MAX_EMBED_TOTAL) flushEmbeds();
    group.push(e);
    size += n;
  }
  flushEmbeds();
  // Buttons: ≤ 5 rows of 5 per message; the first 25 go on the last message, the rest follow.
  const perMessage = MAX_ROWS * MAX_BUTTONS_PER_ROW;
  for (let i = 0; i < buttons.length; i += perMessage) {
    const chunk = buttons.slice(i, i + perMessage);
    const rows = [];
    for (let r = 0; r < chunk.length; r += MAX_BUTTONS_PER_ROW) {
      rows.push({ type: 1 as const, components: chunk.slice(r, r + MAX_BUTTONS_PER_ROW) });
    }
    const last = messages.at(-1);
    if (i === 0 && last && !last.components) last.components = rows;
    else messages.push({ content: '…', components: rows });
  }
  if (messages.length === 0) messages.push({ content: '…' });
  return messages;
}
