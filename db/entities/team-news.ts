import { defineEntity, p } from '@mikro-orm/core';
import { AuditLog } from './audit-log.ts';
import { Conversation, Message, Team } from './market.ts';

/**
 * Team news posted (or being posted) to a team's Discord channel: one row per audit event per team,
 * so each piece of news is posted once. `postedAt` null while a worker holds it (`claimedAt` lease).
 */
export const TeamNewsSchema = defineEntity({
  name: 'TeamNews',
  tableName: 'team_news',
  properties: {
    auditId: () => p.manyToOne(AuditLog).mapToPk().fieldName('audit_id').primary().deleteRule('cascade'),
    teamId: () => p.manyToOne(Team).mapToPk().fieldName('team_id').primary().deleteRule('cascade'),
    channelId: p.string().length(20),
    claimedAt: p.datetime().nullable(),
    postedAt: p.datetime().nullable(),
  },
});

export class TeamNews extends TeamNewsSchema.class {}
TeamNewsSchema.setClass(TeamNews);

/**
 * The Discord thread a marketplace conversation with a team is mirrored to, in the team's bound
 * channel (adapters/discord/team-threads.ts). `threadId` is null while a worker holds the row
 * (claimed) and has not created the thread yet; messages from `sinceMessageId` on are mirrored.
 */
export const TeamThreadSchema = defineEntity({
  name: 'TeamThread',
  tableName: 'team_threads',
  indexes: [{ properties: ['threadId'] }],
  properties: {
    conversationId: () =>
      p.oneToOne(Conversation).mapToPk().fieldName('conversation_id').primary().deleteRule('cascade'),
    teamId: () => p.manyToOne(Team).mapToPk().fieldName('team_id').deleteRule('cascade'),
    channelId: p.string().length(20),
    threadId: p.string().length(20).nullable(),
    sinceMessageId: p.integer().default(0),
    claimedAt: p.datetime().nullable(),
    createdAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date()),
  },
});

export class TeamThread extends TeamThreadSchema.class {}
TeamThreadSchema.setClass(TeamThread);

/**
 * A conversation message as it appears in its team thread: written there by a member (`origin`
 * 'discord', never posted back) or posted there by the mirror ('mirror'). `discordMessageId` null =
 * claimed, not yet posted.
 */
export const TeamThreadMessageSchema = defineEntity({
  name: 'TeamThreadMessage',
  tableName: 'team_thread_messages',
  indexes: [{ properties: ['conversationId'] }],
  properties: {
    messageId: () => p.oneToOne(Message).mapToPk().fieldName('message_id').primary().deleteRule('cascade'),
    conversationId: () =>
      p.manyToOne(Conversation).mapToPk().fieldName('conversation_id').deleteRule('cascade'),
    discordMessageId: p.string().length(20).nullable(),
    origin: p.enum(['discord', 'mirror'] as const),
    claimedAt: p.datetime().nullable(),
    createdAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date()),
  },
});

export class TeamThreadMessage extends TeamThreadMessageSchema.class {}
TeamThreadMessageSchema.setClass(TeamThreadMessage);

export const teamDiscordEntities = [TeamNews, TeamThread, TeamThreadMessage];
