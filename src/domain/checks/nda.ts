/**
 * 機密保持確認: the NDA is a versioned text the operator configures (`nda.<ja|en>.md` in the content
 * directory; the Japanese file's first line `<!-- version: … -->` names the version, and the
 * Japanese text is the binding one). A worker or client reads it and agrees; the agreement is kept
 * with its version and time. A new version asks everyone again. Staff see who agreed to which.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../../errors.ts';
import type { Locale } from '../../i18n/index.ts';
import { type Actor, requireRole, requireStaff } from '../actor.ts';
import type { DomainContext } from '../context.ts';
import { ensureProfile } from '../market/profiles.ts';
import { DuplicateRecordError } from '../table.ts';
import type { Tx } from '../tx.ts';

const BUILT_IN = fileURLToPath(new URL('../../../content/', import.meta.url));
const VERSION_LINE = /^<!--\s*version:\s*([\w.-]{1,40})\s*-->\s*\n?/;

export interface NdaDocument {
  version: string;
  /** The text without its version line. */
  text: string;
}

export interface NdaStatus {
  current: string;
  /** The latest agreement, whichever version. */
  agreed: { version: string; agreedAt: Date } | null;
  upToDate: boolean;
}

export interface NdaAgreementRow {
  userId: number;
  displayName: string;
  version: string;
  agreedAt: Date;
  current: boolean;
}

const cache = new Map<string, { mtimeMs: number; doc: NdaDocument }>();

/** The NDA in `locale` (Japanese when that file is missing); its version is the Japanese file's. */
export async function readNda(contentDir: string | undefined, locale: Locale): Promise<NdaDocument> {
  const dir = contentDir ?? BUILT_IN;
  const load = async (file: string): Promise<NdaDocument | null> => {
    const full = path.join(dir, file);
    try {
      const { mtimeMs } = await stat(full);
      const hit = cache.get(full);
      if (hit && hit.mtimeMs === mtimeMs) return hit.doc;
      const raw = (await readFile(full, 'utf8')).replace(/\r\n/g, '\n');
      const version = VERSION_LINE.exec(raw)?.[1] ?? '';
      const doc = { version, text: raw.replace(VERSION_LINE, '').trim() };
      cache.set(full, { mtimeMs, doc });
      return doc;
    } catch {
      return null;
    }
  };
  const ja = await load('nda.ja.md');
  if (!ja || ja.version === '') throw new UserError('checks.nda.missing');
  const shown = locale === 'ja' ? ja : ((await load(`nda.${locale}.md`)) ?? ja);
  return { version: ja.version, text: shown.text };
}

export class NdaService {
  private readonly ctx: DomainContext;

  constructor(ctx: DomainContext) {
    this.ctx = ctx;
  }

  document(locale: Locale): Promise<NdaDocument> {
    return readNda(this.ctx.contentDir, locale);
  }

  async currentVersion(): Promise<string> {
    return (await this.document('ja')).version;
  }

  /** Where the actor (staff: anyone) stands against the current version. */
  async status(actor: Actor, userId: number = actor.userId): Promise<NdaStatus> {
    if (userId !== actor.userId) requireStaff(actor);
    const current = await this.currentVersion();
    return this.ctx.uow.read((tx) => statusOf(tx, userId, current));
  }

  /**
   * [worker, client] Agrees to `version`, which must be the current one (someone who read an older
   * text is asked to read the new one). Agreeing twice to the same version changes nothing.
   */
  async agree(actor: Actor, version: string): Promise<{ version: string; agreedAt: Date; already: boolean }> {
    requireRole(actor, 'worker', 'client');
    const current = await this.currentVersion();
    if (version !== current) throw new UserError('checks.nda.outdated');
    try {
      return await this.ctx.uow.run(async (tx) => {
        const existing = await tx.ndaAgreements.findOne({ userId: actor.userId, version });
        if (existing) return { version, agreedAt: existing.agreedAt, already: true };
        const now = this.ctx.clock();
        const row = await tx.ndaAgreements.insert({ userId: actor.userId, version, agreedAt: now });
        const profile = await ensureProfile(tx, actor.userId, now);
        await tx.market.profiles.update(profile.id, { ndaVerifiedAt: now });
        await tx.audit({
          actorUserId: actor.userId,
          action: 'nda.agreed',
          subjectType: 'nda_agreement',
          subjectId: row.id,
          data: { version },
        });
        return { version, agreedAt: now, already: false };
      });
    } catch (err) {
      // The same person pressed 同意する twice at once: the other press recorded it.
      if (!(err instanceof DuplicateRecordError)) throw err;
      const row = await this.ctx.uow.read((tx) =>
        tx.ndaAgreements.findOne({ userId: actor.userId, version }),
      );
      return { version, agreedAt: row?.agreedAt ?? this.ctx.clock(), already: true };
    }
  }

  /** [staff] Who agreed to which version, latest first (each person's latest agreement). */
  async agreements(actor: Actor, limit = 50): Promise<NdaAgreementRow[]> {
    requireStaff(actor);
    const current = await this.currentVersion();
    return this.ctx.uow.read(async (tx) => {
      const rows = await tx.ndaAgreements.find(
        {},
        { orderBy: { agreedAt: 'desc', id: 'desc' }, limit: limit * 4 },
      );
      const seen = new Set<number>();
      const out: NdaAgreementRow[] = [];
      for (const r of rows) {
        if (seen.has(r.userId)) continue;
        seen.add(r.userId);
        const user = await tx.users.get(r.userId);
        out.push({
          userId: r.userId,
          displayName: user?.displayName ?? '',
          version: r.version,
          agreedAt: r.agreedAt,
          current: r.version === current,
        });
        if (out.length === limit) break;
      }
      return out;
    });
  }
}

export async function statusOf(tx: Tx, userId: number, current: string): Promise<NdaStatus> {
  const [latest] = await tx.ndaAgreements.find(
    { userId },
    { orderBy: { agreedAt: 'desc', id: 'desc' }, limit: 1 },
  );
  const mine = await tx.ndaAgreements.findOne({ userId, version: current });
  return {
    current,
    agreed: latest ? { version: latest.version, agreedAt: latest.agreedAt } : null,
    upToDate: mine !== null,
  };
}
