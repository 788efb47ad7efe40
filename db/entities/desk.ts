import { defineEntity, p } from '@mikro-orm/core';
import { Inquiry, InquiryMessage } from './support.ts';

/**
 * The chat thread an inquiry is mirrored to (the support desk channel in Slack): its summary card's
 * message, and which status/assignee the card shows, so a change is noticed and the card updated.
 * `ts` is null while a worker holds the row (claimed) and has not posted yet.
 */
export const DeskThreadSchema = defineEntity({
  name: 'DeskThread',
  tableName: 'desk_threads',
  indexes: [{ properties: ['channel', 'ts'] }],
  properties: {
    inquiryId: () => p.oneToOne(Inquiry).mapToPk().fieldName('inquiry_id').primary().deleteRule('cascade'),
    channel: p.string().length(40),
    ts: p.string().length(32).nullable(),
    cardState: p.string().length(64).default(''),
    /** The SLA line the card shows (adapters/slack/desk-sla.ts), so it is redrawn when it changes. */
    slaShown: p.string().length(200).default(''),
    claimedAt: p.datetime().nullable(),
    createdAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date()),
  },
});

export class DeskThread extends DeskThreadSchema.class {}
DeskThreadSchema.setClass(DeskThread);

/**
 * A message of an inquiry as it appears in its desk thread: written there by staff (`origin`
 * 'desk', never posted back) or posted there by the mirror ('mirror'). `ts` null = claimed, not yet posted.
 */
export const DeskMessageSchema = defineEntity({
  name: 'DeskMessage',
  tableName: 'desk_messages',
  indexes: [{ properties: ['inquiryId'] }],
  properties: {
    messageId: () =>
      p.oneToOne(InquiryMessage).mapToPk().fieldName('message_id').primary().deleteRule('cascade'),
    inquiryId: () => p.manyToOne(Inquiry).mapToPk().fieldName('inquiry_id').deleteRule('cascade'),
    channel: p.string().length(40),
    ts: p.string().length(32).nullable(),
    origin: p.enum(['desk', 'mirror'] as const),
    claimedAt: p.datetime().nullable(),
    createdAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date()),
  },
});

export class DeskMessage extends DeskMessageSchema.class {}
DeskMessageSchema.setClass(DeskMessage);

export const deskEntities = [DeskThread, DeskMessage];
