/**
 * Records of the desk's own tools (docs/domain.md §2.11, §2.12): a customer's satisfaction rating of a
 * completed inquiry (満足度) and the staff's canned replies (定型文).
 */

/** 満足度: 1 (very dissatisfied) … 5 (very satisfied). */
export const CSAT_MIN = 1;
export const CSAT_MAX = 5;

/** One rating per inquiry, by the customer who opened it; the comment is optional and comes after. */
export interface InquiryRatingRecord {
  id: number;
  inquiryId: number;
  userId: number;
  score: number;
  comment: string | null;
  createdAt: Date;
  commentedAt: Date | null;
}
export type NewInquiryRating = Pick<InquiryRatingRecord, 'inquiryId' | 'userId' | 'score' | 'createdAt'>;

/** 定型文: a named text staff send on an inquiry, in Japanese and optionally in English. */
export interface CannedReplyRecord {
  id: number;
  /** As staff named it (NFKC, no spaces). */
  name: string;
  /** The name looked up: NFKC and lower case, unique. */
  nameKey: string;
  bodyJa: string;
  /** Null: English-speaking customers get the Japanese text. */
  bodyEn: string | null;
  /** Null once the staff member's account is gone. */
  createdBy: number | null;
  updatedBy: number | null;
  createdAt: Date;
  updatedAt: Date;
}
export type NewCannedReply = Omit<CannedReplyRecord, 'id'>;
