/**
 * 本人確認 with documents. A worker (or client) sends one of the accepted documents (運転免許証,
 * 健康保険証, パスポート, 住民票) as photos or a PDF. The pages are sealed (AES-256-GCM) into their own
 * table, apart from ordinary files, and the plain bytes the platform adapter stored are removed from
 * file storage (local disk or S3) in the same step. Staff are notified with a review card (deadline:
 * 5 bank business days on the Japanese calendar; the guide promises 3–5). At the decision the pages
 * are deleted and the person is notified; a document nobody decided on is deleted after
 * `RETENTION_DAYS`. The audit log records who submitted and who decided what and when, never a page.
 */
import { UserError } from '../../errors.ts';
import type { UploadedFile } from '../../files/storage.ts';
import { type Actor, requireRole, requireStaff } from '../actor.ts';
import type { DomainContext } from '../context.ts';
import { ensureProfile } from '../market/profiles.ts';
import type { Tx } from '../tx.ts';
import { usersWithRole } from '../work/notices.ts';
import { isBankBusinessDay, zonedParts, zonedTimeToInstant } from '../work/pay-date.ts';
import { DOCUMENT_KINDS, type DocumentKind, type IdentityCheckRecord } from './records.ts';

/** Business days staff have to decide (the guide: 3–5). */
export const REVIEW_BUSINESS_DAYS = 5;
/** A document nobody decided on is deleted after this many days. */
export const RETENTION_DAYS = 30;
/** Pages per document (a licence's front and back, a few pages of a 住民票). */
export const MAX_PAGES = 4;
const ACCEPTED_TYPES = new Set(['image/jpeg', 'image/png', 'image/heic', 'image/webp', 'application/pdf']);
const MAX_REASON = 1000;

export type IdentityStatus =
  | { status: 'none' }
  | {
      status: IdentityCheckRecord['status'];
      kind: DocumentKind;
      submittedAt: Date;
      dueAt: Date;
      reason: string | null;
      decidedAt: Date | null;
    };

export interface PendingCheck {
  userId: number;
  displayName: string;
  kind: DocumentKind;
  submittedAt: Date;
  dueAt: Date;
  pages: number;
}

export interface DocumentPage {
  name: string;
  mime: string;
  bytes: Buffer;
}

export const isDocumentKind = (k: string): k is DocumentKind =>
  (DOCUMENT_KINDS as readonly string[]).includes(k);

/** The end (23:59) of the `days`-th bank business day after `from`, in `timeZone`. */
export function businessDeadline(from: Date, days: number, timeZone: string): Date {
  const p = zonedParts(from, timeZone);
  const day = new Date(Date.UTC(p.year, p.month - 1, p.day));
  let left = days;
  while (left > 0) {
    day.setUTCDate(day.getUTCDate() + 1);
    if (isBankBusinessDay(day.toISOString().slice(0, 10))) left--;
  }
  return zonedTimeToInstant(
    { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour: 23, minute: 59 },
    timeZone,
  );
}

export class IdentityCheckService {
  private readonly ctx: DomainContext;

  constructor(ctx: DomainContext) {
    this.ctx = ctx;
  }

  /** Where the actor's check stands (staff: anyone's). */
  status(actor: Actor, userId: number = actor.userId): Promise<IdentityStatus> {
    return this.ctx.uow.read(async (tx) => {
      if (userId !== actor.userId) requireStaff(actor);
      const row = await tx.identityChecks.findOne({ userId });
      if (!row) return { status: 'none' };
      return {
        status: row.status,
        kind: row.kind,
        submittedAt: row.submittedAt,
        dueAt: row.dueAt,
        reason: row.reason,
        decidedAt: row.decidedAt,
      };
    });
  }

  /**
   * [worker, client] Submits a document of `kind` (its pages already in file storage, as adapters
   * leave them). Replaces a document still waiting; refused once verified.
   */
  async submit(actor: Actor, kind: string, pages: readonly UploadedFile[]): Promise<IdentityCheckRecord> {
    requireRole(actor, 'worker', 'client');
    if (!isDocumentKind(kind)) throw new UserError('checks.identity.bad_kind');
    if (pages.length === 0) throw new UserError('checks.identity.no_pages');
    if (pages.length > MAX_PAGES) throw new UserError('checks.identity.too_many_pages', { max: MAX_PAGES });
    for (const page of pages)
      if (!ACCEPTED_TYPES.has(page.mime))
        throw new UserError('checks.identity.bad_type', { name: page.name });
    // Read before the transaction: a slow storage must not hold it open.
    const sealed: { name: string; mime: string; size: number; contentEnc: string }[] = [];
    for (const page of pages) {
      const bytes = await this.ctx.files.read(page.storageKey);
      sealed.push({
        name: page.name.slice(0, 200),
        mime: page.mime,
        size: bytes.byteLength,
        contentEnc: this.ctx.secrets.seal(bytes.toString('base64')),
      });
    }
    const record = await this.ctx.uow.run(async (tx) => {
      const now = this.ctx.clock();
      await purgeExpired(tx, now);
      const current = await tx.identityChecks.findOne({ userId: actor.userId });
      if (current?.status === 'verified') throw new UserError('checks.identity.already_verified');
      await tx.identityDocuments.delete({ userId: actor.userId });
      for (const page of sealed) await tx.identityDocuments.insert({ userId: actor.userId, ...page });
      const values = {
        status: 'pending' as const,
        kind,
        submittedAt: now,
        dueAt: businessDeadline(now, REVIEW_BUSINESS_DAYS, this.ctx.businessTimeZone),
        reason: null,
        decidedBy: null,
        decidedAt: null,
      };
      const saved = current
        ? await tx.identityChecks.update(current.id, values)
        : await tx.identityChecks.insert({ userId: actor.userId, ...values });
      const user = await tx.users.get(actor.userId);
      for (const staffId of await usersWithRole(tx, 'staff')) {
        await tx.notify({
          type: 'identity.submitted',
          recipientUserId: staffId,
          dedupeKey: `identity.submitted:${actor.userId}:${now.getTime()}:${staffId}`,
          payload: {
            userId: actor.userId,
            name: user?.displayName ?? '',
            kind,
            pages: sealed.length,
            dueAt: saved.dueAt.toISOString(),
          },
        });
      }
      await tx.audit({
        actorUserId: actor.userId,
        action: 'identity.submitted',
        subjectType: 'identity_check',
        subjectId: saved.id,
        data: { kind, pages: sealed.length },
      });
      return saved;
    });
    // The plain bytes leave ordinary storage, unless another record holds the same bytes.
    await this.removePlain(pages);
    return record;
  }

  private async removePlain(pages: readonly UploadedFile[]): Promise<void> {
    for (const page of pages) {
      const shared = await this.ctx.uow.read((tx) => tx.files.count({ storageKey: page.storageKey }));
      if (shared === 0) await this.ctx.files.delete(page.storageKey);
    }
  }

  /** [staff] Checks waiting for a decision, the most urgent first. */
  pending(actor: Actor): Promise<PendingCheck[]> {
    return this.ctx.uow.read(async (tx) => {
      requireStaff(actor);
      const rows = await tx.identityChecks.find(
        { status: 'pending' },
        { orderBy: { dueAt: 'asc' }, limit: 50 },
      );
      const out: PendingCheck[] = [];
      for (const row of rows) {
        const user = await tx.users.get(row.userId);
        const pages = await tx.identityDocuments.count({ userId: row.userId });
        out.push({
          userId: row.userId,
          displayName: user?.displayName ?? '',
          kind: row.kind,
          submittedAt: row.submittedAt,
          dueAt: row.dueAt,
          pages,
        });
      }
      return out;
    });
  }

  /** [staff] One page of a document waiting for review, opened; null once decided or purged. */
  page(actor: Actor, documentId: number): Promise<(DocumentPage & { userId: number }) | null> {
    return this.ctx.uow.read(async (tx) => {
      requireStaff(actor);
      const r = await tx.identityDocuments.get(documentId);
      if (!r) return null;
      return {
        userId: r.userId,
        name: r.name,
        mime: r.mime,
        bytes: Buffer.from(this.ctx.secrets.open(r.contentEnc), 'base64'),
      };
    });
  }

  /** [staff] The ids and names of a waiting document's pages (for links), in order. */
  pageList(
    actor: Actor,
    userId: number,
  ): Promise<{ id: number; name: string; mime: string; size: number }[]> {
    return this.ctx.uow.read(async (tx) => {
      requireStaff(actor);
      const rows = await tx.identityDocuments.find({ userId }, { orderBy: { id: 'asc' } });
      return rows.map((r) => ({ id: r.id, name: r.name, mime: r.mime, size: r.size }));
    });
  }

  /** [staff] The pages of a document waiting for review, opened; empty once decided or purged. */
  pages(actor: Actor, userId: number): Promise<DocumentPage[]> {
    return this.ctx.uow.read(async (tx) => {
      requireStaff(actor);
      const rows = await tx.identityDocuments.find({ userId }, { orderBy: { id: 'asc' } });
      return rows.map((r) => ({
        name: r.name,
        mime: r.mime,
        bytes: Buffer.from(this.ctx.secrets.open(r.contentEnc), 'base64'),
      }));
    });
  }

  /**
   * [staff] Decides on a waiting document: verified, or sent back with the reason the person reads.
   * The pages are deleted in the same transaction; the person is notified.
   */
  decide(
    actor: Actor,
    userId: number,
    verdict: 'verified' | 'rejected',
    reason = '',
  ): Promise<IdentityCheckRecord> {
    return this.ctx.uow.run(async (tx) => {
      requireStaff(actor);
      const text = reason.trim();
      if (verdict === 'rejected' && text === '') throw new UserError('checks.identity.reason_required');
      if (text.length > MAX_REASON)
        throw new UserError('checks.identity.reason_too_long', { max: MAX_REASON });
      const current = await tx.identityChecks.findOne({ userId });
      if (!current) throw new UserError('checks.identity.not_submitted');
      if (current.status !== 'pending') throw new UserError('checks.identity.already_decided');
      const now = this.ctx.clock();
      const saved = await tx.identityChecks.update(current.id, {
        status: verdict,
        reason: verdict === 'rejected' ? text : null,
        decidedBy: actor.userId,
        decidedAt: now,
      });
      await tx.identityDocuments.delete({ userId });
      const profile = await ensureProfile(tx, userId, now);
      await tx.market.profiles.update(profile.id, {
        identityVerifiedAt: verdict === 'verified' ? now : null,
      });
      await tx.notify({
        type: 'identity.decided',
        recipientUserId: userId,
        dedupeKey: `identity.decided:${userId}:${now.getTime()}`,
        payload: { verdict, reason: saved.reason ?? '', kind: current.kind },
      });
      await tx.audit({
        actorUserId: actor.userId,
        action: verdict === 'verified' ? 'identity.verified' : 'identity.rejected',
        subjectType: 'identity_check',
        subjectId: saved.id,
        data: { userId, kind: current.kind },
      });
      return saved;
    });
  }

  /** Deletes documents older than the retention (also done on every submission). Returns how many. */
  purge(): Promise<number> {
    return this.ctx.uow.run((tx) => purgeExpired(tx, this.ctx.clock()));
  }
}

async function purgeExpired(tx: Tx, now: Date): Promise<number> {
  const before = new Date(now.getTime() - RETENTION_DAYS * 24 * 3600 * 1000);
  return tx.identityDocuments.delete({ createdAt: { $lt: before } } as never);
}
