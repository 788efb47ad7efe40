/**
 * Renders a platform-neutral `Reply` as LINE message objects, within the Messaging API limits
 * (docs/platforms.md §1.6; https://developers.line.biz/en/reference/messaging-api/#message-objects):
 * text ≤ 5,000 characters, Flex bubble ≤ 30 KB, carousel ≤ 12 bubbles and ≤ 50 KB, quick reply
 * ≤ 13 items (last message only), action labels ≤ 20 characters, postback data ≤ 300 characters.
 * Long content is split into more messages instead of breaking a limit; the sender then sends them
 * five per call (reply first, push for the rest).
 */
import type { messagingApi } from '@line/bot-sdk';
import {
  type Block,
  type Button,
  type CardBlock,
  filesOf,
  type ListBlock,
  type QuickReply,
  type Reply,
} from '../../src/chat/types.ts';
import type { Locale } from '../../src/i18n/index.ts';
import { clip, splitText } from '../shared/text.ts';
import { lineFileMessages } from './files.ts';

export { clip, splitText };

export const MAX_TEXT = 5000;
export const MAX_BUBBLE_BYTES = 30 * 1024;
export const MAX_CAROUSEL_BYTES = 50 * 1024;
export const MAX_CAROUSEL_BUBBLES = 12;
export const MAX_QUICK_REPLIES = 13;
export const MAX_LABEL = 20;
export const MAX_ALT_TEXT = 400;
export const MAX_POSTBACK_DATA = 300;
/** Messages per reply or push call. */
export const MESSAGES_PER_CALL = 5;

/** List rows per bubble: keeps a bubble readable on a phone and far below 30 KB. */
const LIST_ROWS_PER_BUBBLE = 8;
/** Buttons per bubble footer (more scroll off a phone screen); the rest go to the next bubble. */
const BUTTONS_PER_BUBBLE = 6;
/** Any single Flex text is cut here, so a bubble stays under 30 KB whatever the content. */
const MAX_FLEX_TEXT = 2000;

const COLORS = { muted: '#8C8C8C', danger: '#C0392B', primary: '#06C755' };

type FlexBubble = messagingApi.FlexBubble;
type FlexComponent = messagingApi.FlexComponent;
export type FlexMessage = messagingApi.FlexMessage;
/** What the renderer produces (and the sender sends): text, Flex, and images for files. */
export type LineMessage = messagingApi.TextMessage | FlexMessage | messagingApi.ImageMessage;
/** A button's postback: `data` is the payload, `displayText` shows the tap in the chat. */
type PostbackAction = messagingApi.PostbackAction & { label: string; data: string; displayText: string };

const utf8Bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

function action(button: { label: string; payload: string }): PostbackAction {
  if (button.payload.length > MAX_POSTBACK_DATA) {
    throw new Error(`postback data over ${MAX_POSTBACK_DATA} characters: ${button.payload.slice(0, 40)}…`);
  }
  const label = clip(button.label, MAX_LABEL);
  // displayText shows the tap in the chat as if the user had said it (≤ 300 characters).
  return { type: 'postback', label, data: button.payload, displayText: clip(button.label, 300) };
}

function flexText(value: string, extra: Omit<messagingApi.FlexText, 'type'> = {}): messagingApi.FlexText {
  // wrap: true lets LINE break long Japanese lines at the bubble width instead of cutting them off.
  return { type: 'text', text: clip(value === '' ? ' ' : value, MAX_FLEX_TEXT), wrap: true, ...extra };
}

function flexButton(button: Button): messagingApi.FlexButton {
  return {
    type: 'button',
    action: action(button),
    height: 'sm',
    style: button.style === 'primary' || button.style === 'danger' ? 'primary' : 'secondary',
    ...(button.style === 'danger' ? { color: COLORS.danger } : {}),
    ...(button.style === 'primary' ? { color: COLORS.primary } : {}),
  };
}

function bubble(header: FlexComponent[], body: FlexComponent[], buttons: Button[]): FlexBubble {
  const node: FlexBubble = { type: 'bubble', size: 'mega' };
  if (header.length > 0) node.header = { type: 'box', layout: 'vertical', spacing: 'xs', contents: header };
  if (body.length > 0) node.body = { type: 'box', layout: 'vertical', spacing: 'sm', contents: body };
  if (buttons.length > 0) {
    node.footer = { type: 'box', layout: 'vertical', spacing: 'sm', contents: buttons.map(flexButton) };
  }
  return node;
}

/** Splits buttons into footers of a few each: the first bubble keeps the content. */
function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function cardBubbles(card: CardBlock): FlexBubble[] {
  const header = [flexText(card.title, { weight: 'bold', size: 'md' })];
  if (card.subtitle) header.push(flexText(card.subtitle, { size: 'xs', color: COLORS.muted }));
  const body: FlexComponent[] = [];
  if (card.body) body.push(flexText(card.body, { size: 'sm' }));
  for (const f of card.fields) {
    body.push({
      type: 'box',
      layout: 'baseline',
      spacing: 'sm',
      contents: [
        flexText(f.label, { size: 'sm', color: COLORS.muted, flex: 2 }),
        flexText(f.value, { size: 'sm', flex: 5 }),
      ],
    });
  }
  const groups = chunk(card.buttons ?? [], BUTTONS_PER_BUBBLE);
  const first = bubble(header, body, groups[0] ?? []);
  const more = groups
    .slice(1)
    .map((g) => bubble([flexText(card.title, { weight: 'bold', size: 'sm' })], [], g));
  return [first, ...more];
}

function listBubbles(list: ListBlock): FlexBubble[] {
  const pages = chunk(list.items, LIST_ROWS_PER_BUBBLE);
  if (pages.length === 0) pages.push([]);
  return pages.map((items, page) => {
    const header =
      list.title !== undefined
        ? [
            flexText(pages.length > 1 ? `${list.title} (${page + 1}/${pages.length})` : list.title, {
              weight: 'bold',
              size: 'md',
            }),
          ]
        : [];
    const rows: FlexComponent[] = [];
    items.forEach((item, i) => {
      if (i > 0) rows.push({ type: 'separator' });
      const contents: FlexComponent[] = [flexText(item.title, { size: 'sm', weight: 'bold' })];
      if (item.description) contents.push(flexText(item.description, { size: 'xs', color: COLORS.muted }));
      if (item.button) {
        contents.push({ type: 'button', action: action(item.button), height: 'sm', style: 'link' });
      }
      rows.push({ type: 'box', layout: 'vertical', spacing: 'xs', contents });
    });
    return bubble(header, rows, []);
  });
}

function buttonBubbles(buttons: readonly Button[]): FlexBubble[] {
  return chunk(buttons, BUTTONS_PER_BUBBLE).map((group) => bubble([], [], group));
}

function altTextOf(bubbles: FlexBubble[], fallback: string): string {
  const texts: string[] = [];
  const walk = (node: unknown) => {
    if (texts.length > 3 || node === null || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n.type === 'text' && typeof n.text === 'string' && n.text.trim() !== '') texts.push(n.text);
    for (const v of Object.values(n)) if (typeof v === 'object') walk(v);
  };
  for (const b of bubbles) walk(b);
  return clip(texts.join(' / ') || fallback, MAX_ALT_TEXT);
}

/** Shrinks a bubble that is still over 30 KB by cutting its longest texts (pathological content). */
function fitBubble(node: FlexBubble): FlexBubble {
  let budget = MAX_FLEX_TEXT;
  let current = node;
  while (utf8Bytes(current) > MAX_BUBBLE_BYTES && budget > 40) {
    budget = Math.floor(budget / 2);
    const cut = budget;
    current = JSON.parse(JSON.stringify(current), (key, value) =>
      key === 'text' && typeof value === 'string' ? clip(value, cut) : value,
    ) as FlexBubble;
  }
  return current;
}

/** Packs bubbles into carousels of ≤ 12 bubbles and ≤ 50 KB each (a lone bubble stays a bubble). */
function flexMessages(bubbles: FlexBubble[], altFallback: string): FlexMessage[] {
  const messages: FlexMessage[] = [];
  let group: FlexBubble[] = [];
  let bytes = 0;
  const flush = () => {
    if (group.length === 0) return;
    const [only] = group;
    const contents: messagingApi.FlexContainer =
      group.length === 1 && only ? only : { type: 'carousel', contents: group };
    messages.push({ type: 'flex', altText: altTextOf(group, altFallback), contents });
    group = [];
    bytes = 0;
  };
  for (const raw of bubbles) {
    const b = fitBubble(raw);
    const size = utf8Bytes(b) + 1;
    // 512 bytes of headroom for the carousel wrapper.
    if (group.length === MAX_CAROUSEL_BUBBLES || bytes + size > MAX_CAROUSEL_BYTES - 512) flush();
    group.push(b);
    bytes += size;
  }
  flush();
  return messages;
}

function quickReply(items: readonly QuickReply[]): messagingApi.QuickReply {
  return { items: items.map((q) => ({ type: 'action' as const, action: action(q) })) };
}

/**
 * The reply as LINE messages, in order. Consecutive text blocks share one text message; cards,
 * lists and buttons become Flex bubbles, grouped into carousels. Quick replies go on the last
 * message; past 13, the rest become buttons in a bubble before it.
 */
export function renderLineMessages(
  reply: Reply,
  altFallback = '…',
  locale: Locale = reply.locale ?? 'ja',
): LineMessage[] {
  const messages: LineMessage[] = [];
  let texts: string[] = [];
  let bubbles: FlexBubble[] = [];
  const flushTexts = () => {
    if (texts.length === 0) return;
    for (const piece of splitText(texts.join('\n\n'), MAX_TEXT)) messages.push({ type: 'text', text: piece });
    texts = [];
  };
  const flushBubbles = () => {
    if (bubbles.length === 0) return;
    messages.push(...flexMessages(bubbles, altFallback));
    bubbles = [];
  };
  const add = (block: Block) => {
    if (block.type === 'text') {
      flushBubbles();
      if (block.text.trim() !== '') texts.push(block.text);
      return;
    }
    flushTexts();
    if (block.type === 'card') bubbles.push(...cardBubbles(block));
    else if (block.type === 'list') bubbles.push(...listBubbles(block));
    else if (block.type === 'buttons' && block.buttons.length > 0)
      bubbles.push(...buttonBubbles(block.buttons));
    // Files go as their own messages (an image, or a card with a download button): adapters/line/files.ts.
  };
  for (const block of reply.blocks) add(block);

  const quick = reply.quickReplies ?? [];
  const shown = quick.slice(0, MAX_QUICK_REPLIES);
  const overflow = quick.slice(MAX_QUICK_REPLIES);
  if (overflow.length > 0) add({ type: 'buttons', buttons: overflow });
  flushTexts();
  flushBubbles();
  // The files it hands over, after the record they belong to (files.ts).
  messages.push(...lineFileMessages(filesOf(reply), locale));
  if (messages.length === 0 && shown.length > 0) messages.push({ type: 'text', text: altFallback });
  const last = messages.at(-1);
  if (last && shown.length > 0) last.quickReply = quickReply(shown);
  return messages;
}

/** Groups messages into API calls of at most five. */
export function perCall(messages: readonly LineMessage[]): LineMessage[][] {
  return chunk(messages, MESSAGES_PER_CALL);
}
