import { defineEntity, p } from '@mikro-orm/core';
import { User } from './user.ts';

/**
 * 本人確認: where a person's identity check stands (one row per person, no image): submitted and
 * waiting, verified, or sent back with a reason. Who decided and when is also in the audit log.
 */
export const IdentityCheckSchema = defineEntity({
  name: 'IdentityCheck',
  tableName: 'identity_checks',
  uniques: [{ properties: ['userId'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    userId: () => p.manyToOne(User).mapToPk().fieldName('user_id').deleteRule('cascade'),
    status: p.enum(['pending', 'verified', 'rejected'] as const),
    /** The kind of document last submitted: drivers_license, health_insurance, passport, residence. */
    kind: p.string().length(20),
    submittedAt: p.datetime(),
    /** The review deadline (business days on the Japanese calendar). */
    dueAt: p.datetime(),
    reason: p.text().nullable(),
    decidedBy: () => p.manyToOne(User).mapToPk().fieldName('decided_by').nullable().deleteRule('set null'),
    decidedAt: p.datetime().nullable(),
  },
});
export class IdentityCheck extends IdentityCheckSchema.class {}
IdentityCheckSchema.setClass(IdentityCheck);

/**
 * The pages of a submitted identity document, sealed (AES-256-GCM, base64 inside), kept apart from
 * ordinary files and only until the decision (or the retention limit): then the rows are deleted.
 */
export const IdentityDocumentSchema = defineEntity({
  name: 'IdentityDocument',
  tableName: 'identity_documents',
  indexes: [{ properties: ['userId'] }, { properties: ['createdAt'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    userId: () => p.manyToOne(User).mapToPk().fieldName('user_id').deleteRule('cascade'),
    name: p.string().length(200),
    mime: p.string().length(100),
    size: p.integer(),
    contentEnc: p.text(),
    createdAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date()),
  },
});
export class IdentityDocument extends IdentityDocumentSchema.class {}
IdentityDocumentSchema.setClass(IdentityDocument);

/** 機密保持確認: a person agreed to one version of the NDA, at a time. */
export const NdaAgreementSchema = defineEntity({
  name: 'NdaAgreement',
  tableName: 'nda_agreements',
  uniques: [{ properties: ['userId', 'version'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    userId: () => p.manyToOne(User).mapToPk().fieldName('user_id').deleteRule('cascade'),
    version: p.string().length(40),
    agreedAt: p.datetime(),
  },
});
export class NdaAgreement extends NdaAgreementSchema.class {}
NdaAgreementSchema.setClass(NdaAgreement);

export const identityCheckEntities = [IdentityCheck, IdentityDocument, NdaAgreement];
