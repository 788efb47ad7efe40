/**
 * Renders a platform-neutral `Reply` as Slack Block Kit within its limits (docs/platforms.md §2.5;
 * https://api.slack.com/reference/block-kit/blocks): ≤ 50 blocks per message, section text ≤ 3,000
 * characters, ≤ 10 fields per section (each ≤ 2,000), ≤ 25 elements per actions block, button text
 * ≤ 75 characters. Content that does not fit is split into more sections or messages, never cut off.
 */
import type { ActionsBlock, KnownBlock, SectionBlock, Button as SlackButton } from '@slack/types';
import type { Block, Button, QuickReply, Reply } from '../../src/chat/types.ts';
import { clip, splitText } from '../shared/text.ts';

export const MAX_BLOCKS = 50;
export const MAX_SECTION_TEXT = 3000;
export const MAX_FIELDS = 10;
export const MAX_FIELD_TEXT = 2000;
export const MAX_ACTIONS = 25;
export const MAX_BUTTON_TEXT = 75;
/** Fallback `text` (notifications and screen readers) is kept short. */
const MAX_FALLBACK = 3000;

/** Every button our messages carry has an action_id starting with this; its value is the payload. */
export const BUTTON_ACTION = 'bot-button';

export type SlackBlock = KnownBlock;
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/** Slack's mrkdwn needs only &, < and > escaped (https://api.slack.com/reference/surfaces/formatting). */
export const mrkdwnEscape = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

const section = (text: string): SectionBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });

function sections(text: string): SectionBlock[] {
  return splitText(mrkdwnEscape(text), MAX_SECTION_TEXT).map(section);
}

let seq = 0;

function button(b: Button | QuickReply, index: number): SlackButton {
  const style =
    'style' in b && b.style === 'primary'
      ? 'primary'
      : 'style' in b && b.style === 'danger'
        ? 'danger'
        : undefined;
  return {
    type: 'button',
    text: { type: 'plain_text', text: clip(b.label, MAX_BUTTON_TEXT), emoji: true },
    value: b.payload,
    // Unique within a message (Slack requires it); the prefix routes every tap to one listener.
    action_id: `${BUTTON_ACTION}:${index}:${(seq++ % 1000).toString(36)}`,
    ...(style ? { style } : {}),
  };
}

function actions(buttons: readonly (Button | QuickReply)[], counter: { n: number }): ActionsBlock[] {
  const out: ActionsBlock[] = [];
  for (let i = 0; i < buttons.length; i += MAX_ACTIONS) {
    out.push({
      type: 'actions',
      elements: buttons.slice(i, i + MAX_ACTIONS).map((b) => button(b, counter.n++)),
    });
  }
  return out;
}

function blockToSlack(block: Block, counter: { n: number }): SlackBlock[] {
  switch (block.type) {
    case 'text':
      return block.text.trim() === '' ? [] : sections(block.text);
    case 'card': {
      const out: SlackBlock[] = [];
      const head = `*${mrkdwnEscape(block.title)}*${block.subtitle ? `\n${mrkdwnEscape(block.subtitle)}` : ''}`;
      out.push(section(clip(head, MAX_SECTION_TEXT)));
      if (block.body) out.push(...sections(block.body));
      for (let i = 0; i < block.fields.length; i += MAX_FIELDS) {
        out.push({
          type: 'section',
          fields: block.fields.slice(i, i + MAX_FIELDS).map((f) => ({
            type: 'mrkdwn',
            text: clip(`*${mrkdwnEscape(f.label)}*\n${mrkdwnEscape(f.value)}`, MAX_FIELD_TEXT),
          })),
        });
      }
      if (block.buttons?.length) out.push(...actions(block.buttons, counter));
      out.push({ type: 'divider' });
      return out;
    }
    case 'list': {
      const out: SlackBlock[] = [];
      if (block.title) out.push(section(`*${clip(mrkdwnEscape(block.title), MAX_SECTION_TEXT - 2)}*`));
      for (const item of block.items) {
        const text = clip(
          `${mrkdwnEscape(item.title)}${item.description ? `\n${mrkdwnEscape(item.description)}` : ''}`,
          MAX_SECTION_TEXT,
        );
        out.push(
          item.button
            ? { type: 'section', text: { type: 'mrkdwn', text }, accessory: button(item.button, counter.n++) }
            : section(text),
        );
      }
      return out;
    }
    case 'buttons':
      return actions(block.buttons, counter);
    case 'file':
      // Uploaded into the conversation after the message (the adapter's file upload).
      return [];
  }
}

/** Plain text of a reply for `text` (notifications, accessibility), in the user's words. */
function fallback(reply: Reply): string {
  const parts: string[] = [];
  for (const b of reply.blocks) {
    if (b.type === 'text') parts.push(b.text);
    else if (b.type === 'card') parts.push(b.title);
    else if (b.type === 'list' && b.title) parts.push(b.title);
  }
  return clip(parts.join('\n') || ' ', MAX_FALLBACK);
}

/** The reply as one or more Slack messages of at most 50 blocks each. */
export function renderSlackMessages(reply: Reply): SlackMessage[] {
  const counter = { n: 0 };
  const blocks: SlackBlock[] = reply.blocks.flatMap((b) => blockToSlack(b, counter));
  if (reply.quickReplies?.length) blocks.push(...actions(reply.quickReplies, counter));
  // A trailing divider adds nothing.
  while (blocks.at(-1)?.type === 'divider') blocks.pop();
  const text = fallback(reply);
  if (blocks.length === 0) return [{ text, blocks: [section(mrkdwnEscape(text))] }];
  const messages: SlackMessage[] = [];
  for (let i = 0; i < blocks.length; i += MAX_BLOCKS) {
    messages.push({ text: i === 0 ? text : '…', blocks: blocks.slice(i, i + MAX_BLOCKS) });
  }
  return messages;
}
