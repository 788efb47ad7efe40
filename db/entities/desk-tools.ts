/**
 * The desk's own tools (docs/domain.md §2.11, §2.12): satisfaction ratings of completed inquiries and
 * the staff's canned replies. Times come from the domain's clock; the defaults serve raw inserts.
 */
import { defineEntity, p } from '@mikro-orm/core';
import { CSAT_MAX, CSAT_MIN } from '../../src/domain/support/desk-records.ts';
import { Inquiry } from './support.ts';
import { User } from './user.ts';

const stamp = () =>
  p
    .datetime()
    .defaultRaw('now()')
    .onCreate(() => new Date());

/** 満足度: one per inquiry (the unique key settles a double tap), by the customer who opened it. */
export const InquiryRatingSchema = defineEntity({
  name: 'InquiryRating',
  tableName: 'inquiry_ratings',
  checks: [
    { name: 'inquiry_ratings_score_check', expression: `score >= ${CSAT_MIN} and score <= ${CSAT_MAX}` },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    inquiryId: () => p.oneToOne(Inquiry).mapToPk().fieldName('inquiry_id').owner().deleteRule('cascade'),
    userId: () => p.manyToOne(User).mapToPk().fieldName('user_id').deleteRule('cascade'),
    score: p.smallint(),
    comment: p.text().nullable(),
    createdAt: stamp(),
    commentedAt: p.datetime().nullable(),
  },
});
export class InquiryRating extends InquiryRatingSchema.class {}
InquiryRatingSchema.setClass(InquiryRating);

/** 定型文: looked up by `name_key` (NFKC, lower case). */
export const CannedReplySchema = defineEntity({
  name: 'CannedReply',
  tableName: 'canned_replies',
  properties: {
    id: p.integer().primary().autoincrement(),
    name: p.string().length(30),
    nameKey: p.string().length(30).unique(),
    bodyJa: p.text(),
    bodyEn: p.text().nullable(),
    createdBy: () => p.manyToOne(User).mapToPk().fieldName('created_by').nullable().deleteRule('set null'),
    updatedBy: () => p.manyToOne(User).mapToPk().fieldName('updated_by').nullable().deleteRule('set null'),
    createdAt: stamp(),
    updatedAt: stamp(),
  },
});
export class CannedReply extends CannedReplySchema.class {}
CannedReplySchema.setClass(CannedReply);

export const deskToolEntities = [InquiryRating, CannedReply];
