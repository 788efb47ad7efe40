/**
 * The desk's own bookkeeping (docs/domain.md §2.8, §2.10): who is on duty, whose turn it is next in
 * a company's round-robin, and the SLA alerts and breaches already recorded (once each).
 */
import { defineEntity, p } from '@mikro-orm/core';
import { SLA_ALERT_KINDS, SLA_TARGETS } from '../../src/domain/support/sla.ts';
import { Company } from './company.ts';
import { Inquiry } from './support.ts';
import { User } from './user.ts';

/** A staff member on duty (勤務開始) since `since`; 勤務終了 deletes the row. */
export const DeskDutySchema = defineEntity({
  name: 'DeskDuty',
  tableName: 'desk_duty',
  properties: {
    userId: () => p.oneToOne(User).mapToPk().fieldName('user_id').primary().deleteRule('cascade'),
    since: p.datetime(),
  },
});
export class DeskDuty extends DeskDutySchema.class {}
DeskDutySchema.setClass(DeskDuty);

/** The support member a company's last round-robin inquiry went to; the next goes to the one after. */
export const DeskRotationSchema = defineEntity({
  name: 'DeskRotation',
  tableName: 'desk_rotation',
  properties: {
    companyId: () => p.oneToOne(Company).mapToPk().fieldName('company_id').primary().deleteRule('cascade'),
    lastUserId: () => p.manyToOne(User).mapToPk().fieldName('last_user_id').nullable().deleteRule('set null'),
    updatedAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date()),
  },
});
export class DeskRotation extends DeskRotationSchema.class {}
DeskRotationSchema.setClass(DeskRotation);

/**
 * An SLA warning (80% of a target used) or breach of one inquiry's target, recorded once (the
 * primary key); `postedAt` once the desk channel was told (`claimedAt` is a poster's lease).
 */
export const DeskSlaAlertSchema = defineEntity({
  name: 'DeskSlaAlert',
  tableName: 'desk_sla_alerts',
  indexes: [{ properties: ['postedAt'] }],
  properties: {
    inquiryId: () => p.manyToOne(Inquiry).mapToPk().fieldName('inquiry_id').primary().deleteRule('cascade'),
    target: p.enum(SLA_TARGETS).primary(),
    kind: p.enum(SLA_ALERT_KINDS).primary(),
    createdAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date()),
    claimedAt: p.datetime().nullable(),
    postedAt: p.datetime().nullable(),
  },
});
export class DeskSlaAlert extends DeskSlaAlertSchema.class {}
DeskSlaAlertSchema.setClass(DeskSlaAlert);

export const deskSlaEntities = [DeskDuty, DeskRotation, DeskSlaAlert];
