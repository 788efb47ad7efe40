/**
 * Renders a platform-neutral `Reply` as Discord messages within the documented limits, in one of two
 * layouts. Which one:
 *
 * - Components V2 (render-v2.ts) when a button belongs to an item: a card with buttons (a job card
 *   with 応募する, a person with メッセージ / チームに招待, a notification with its action) or a list
 *   whose items carry buttons. Each card is a Container holding its own buttons, each list item has
 *   its button beside it, so the button sits next to what it acts on; classic buttons all sit under
 *   the embeds and must name their card ("山田: メッセージ") to be told apart.
 * - Classic (content, embeds, action rows) otherwise: text, cards without buttons (embeds show short
 *   fields side by side), a bare row of buttons or quick replies gain nothing from V2.
 * - Classic also where V2 cannot hold the reply well: a card or list item too large for one V2 message
 *   (40 components, 4,000 characters) would be cut in two, where an embed holds it whole (6,000); and
 *   when turned off (`DISCORD_COMPONENTS_V2=off`).
 *
 * A V2 reply is V2 in every message it takes: each carries IS_COMPONENTS_V2 in `flags`, and callers
 * add theirs with `|` (EPHEMERAL). The flag is set when a message is created and never removed
 * ("once a message has been sent with this flag, it can't be removed",
 * https://discord.com/developers/docs/components/reference). The one message the adapter edits is
 * the @original of a deferred response: the deferral (type 5) may carry only EPHEMERAL, and a V2
 * answer gets its flag on that @original edit, as documented
 * (https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-messages).
 *
 * Classic limits (docs/platforms.md §3.4): content ≤ 2,000 characters; ≤ 10 embeds per message and
 * 6,000 characters across them; ≤ 25 fields (value ≤ 1,024); ≤ 5 action rows of ≤ 5 buttons (label
 * ≤ 80, custom_id ≤ 100, unique in a message). What does not fit goes into further messages
 * (follow-ups), never cut off.
 */
import type { Block, Button, CardBlock, Reply } from '../../src/chat/types.ts';
import { clip, splitText } from '../shared/text.ts';
import {
  type ActionRow,
  type ButtonComponent,
  type ClassicMessage,
  COLOR,
  type DiscordMessage,
  type Embed,
  MAX_BUTTONS_PER_ROW,
  MAX_LABEL,
  rows,
  toButton,
} from './components.ts';
import { renderV2Messages } from './render-v2.ts';

export type { ClassicMessage, DiscordMessage, V2Message } from './components.ts';

export const MAX_CONTENT = 2000;
export const MAX_EMBEDS = 10;
export const MAX_EMBED_TOTAL = 6000;
export const MAX_FIELDS = 25;
export const MAX_FIELD_VALUE = 1024;
export const MAX_DESCRIPTION = 4096;
export const MAX_TITLE = 256;
export const MAX_ROWS = 5;

export interface RenderOptions {
  /** Components V2 where the rule above picks it (default true; `DISCORD_COMPONENTS_V2=off` sets false). */
  componentsV2?: boolean;
}

/** Whether a button belongs to an item: a card's, or a list item's. */
const hasItemButtons = (reply: Reply): boolean =>
  reply.blocks.some(
    (b) =>
      (b.type === 'card' && (b.buttons?.length ?? 0) > 0) ||
      (b.type === 'list' && b.items.some((it) => it.button !== undefined)),
  );

/** The reply as Discord messages: the first answers the interaction, the rest are follow-ups. */
export function renderDiscordMessages(reply: Reply, options: RenderOptions = {}): DiscordMessage[] {
  if (options.componentsV2 !== false && hasItemButtons(reply)) {
    const v2 = renderV2Messages(reply);
    if (v2) return v2;
  }
  return renderClassicMessages(reply);
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

/** The reply as classic messages (content, embeds, action rows). */
export function renderClassicMessages(reply: Reply): ClassicMessage[] {
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

  const messages: ClassicMessage[] = splitText(text, MAX_CONTENT)
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
    const chunkRows: ActionRow[] = rows(buttons.slice(i, i + perMessage));
    const last = messages.at(-1);
    if (i === 0 && last && !last.components) last.components = chunkRows;
    else messages.push({ content: '…', components: chunkRows });
  }
  if (messages.length === 0) messages.push({ content: '…' });
  return messages;
}
