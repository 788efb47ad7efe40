/** Records of the identity check (本人確認) and the NDA (機密保持確認). */

export const DOCUMENT_KINDS = ['drivers_license', 'health_insurance', 'passport', 'residence'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export type IdentityCheckStatus = 'pending' | 'verified' | 'rejected';

export interface IdentityCheckRecord {
  id: number;
  userId: number;
  status: IdentityCheckStatus;
  kind: DocumentKind;
  submittedAt: Date;
  dueAt: Date;
  reason: string | null;
  decidedBy: number | null;
  decidedAt: Date | null;
}
export type NewIdentityCheck = Omit<IdentityCheckRecord, 'id'>;

/** One page of a submitted document, sealed; it exists only until the decision. */
export interface IdentityDocumentRecord {
  id: number;
  userId: number;
  name: string;
  mime: string;
  size: number;
  contentEnc: string;
  createdAt: Date;
}
export type NewIdentityDocument = Omit<IdentityDocumentRecord, 'id' | 'createdAt'>;

export interface NdaAgreementRecord {
  id: number;
  userId: number;
  version: string;
  agreedAt: Date;
}
export type NewNdaAgreement = Omit<NdaAgreementRecord, 'id'>;
