import { ActionToken } from './action-token.ts';
import { AlertTap } from './alert-tap.ts';
import { AuditLog } from './audit-log.ts';
import { Company } from './company.ts';
import { DatabaseInstance } from './database-instance.ts';
import { deskEntities } from './desk.ts';
import { deskSlaEntities } from './desk-sla.ts';
import { deskToolEntities } from './desk-tools.ts';
import { fanoutEntities } from './fanout.ts';
import { StoredFile } from './file.ts';
import { FlowSession } from './flow-session.ts';
import { identityCheckEntities } from './identity-check.ts';
import { InboundEvent } from './inbound-event.ts';
import { Invitation } from './invitation.ts';
import { JobNotice } from './job-notice.ts';
import { LinkCode } from './link-code.ts';
import { marketEntities } from './market.ts';
import { NotificationReceipt } from './notification-receipt.ts';
import { OrderTerms } from './order-terms.ts';
import { Outbox } from './outbox.ts';
import { PlatformIdentity } from './platform-identity.ts';
import { supportEntities } from './support.ts';
import { teamDiscordEntities } from './team-news.ts';
import { User } from './user.ts';
import { workEntities } from './work.ts';

export * from './desk.ts';
export * from './identity-check.ts';
export * from './work.ts';
export {
  ActionToken,
  AuditLog,
  Company,
  DatabaseInstance,
  FlowSession,
  InboundEvent,
  Invitation,
  JobNotice,
  LinkCode,
  NotificationReceipt,
  OrderTerms,
  Outbox,
  PlatformIdentity,
  StoredFile,
  User,
};

export const entities = [
  Company,
  User,
  PlatformIdentity,
  LinkCode,
  Invitation,
  StoredFile,
  Outbox,
  AuditLog,
  JobNotice,
  InboundEvent,
  ActionToken,
  NotificationReceipt,
  FlowSession,
  ...workEntities,
  ...supportEntities,
  ...marketEntities,
  ...deskEntities,
  ...deskToolEntities,
  ...deskSlaEntities,
  ...teamDiscordEntities,
  AlertTap,
  ...fanoutEntities,
  DatabaseInstance,
  ...identityCheckEntities,
  OrderTerms,
];
