import { defineEntity, p } from '@mikro-orm/core';
import { AuditLog } from './audit-log.ts';
import { Team } from './market.ts';

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
