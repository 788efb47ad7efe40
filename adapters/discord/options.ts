/** What a slash command's options bring: files attached to `/bot file:`, and choices as you type. */
import type { APIAttachment } from 'discord-api-types/v10';
import type { ChatAttachment, RejectedFile } from '../../src/chat/types.ts';
import type { Actor } from '../../src/domain/actor.ts';
import type { DomainServices } from '../../src/domain/services.ts';
import type { FileStorage } from '../../src/files/storage.ts';
import { acceptUpload, DEFAULT_UPLOAD_RULES, tooLarge, type UploadRules } from '../../src/files/uploads.ts';
import type { Logger } from '../../src/logger.ts';
import type { Store } from '../../src/store.ts';
import { clip } from '../shared/text.ts';
import { JOB_ARGUMENT, TEAM_ARGUMENT } from './commands.ts';

/**
 * Files attached to the command (`resolved.attachments`): checked against the upload rules (the
 * declared size first, then the bytes: src/files/uploads.ts), fetched from Discord's CDN and stored.
 */
export async function fetchAttachments(
  resolved: Readonly<Record<string, Pick<APIAttachment, 'filename' | 'size' | 'url'>>> | undefined,
  files: FileStorage,
  log: Logger,
  rules: UploadRules = DEFAULT_UPLOAD_RULES,
): Promise<{ attachments: ChatAttachment[]; rejected: RejectedFile[] }> {
  const attachments: ChatAttachment[] = [];
  const rejected: RejectedFile[] = [];
  for (const a of Object.values(resolved ?? {})) {
    const name = String(a.filename ?? 'file');
    if (tooLarge(Number(a.size ?? 0), rules)) {
      rejected.push({ name, problem: 'upload.too_large', limitBytes: rules.maxBytes });
      continue;
    }
    try {
      if (typeof a.url !== 'string') throw new Error('no url');
      const res = await fetch(a.url, { signal: AbortSignal.timeout(30_000) });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const accepted = await acceptUpload(files, rules, Buffer.from(await res.arrayBuffer()), name);
      if ('rejected' in accepted) rejected.push(accepted.rejected);
      else attachments.push(accepted.attachment);
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'Discord attachment not fetched');
      rejected.push({ name, problem: 'upload.failed' });
    }
  }
  return { attachments, rejected };
}

/** Job ids and team slugs as you type (≤ 25 choices; name and value ≤ 100, docs/platforms.md §3.7). */
export async function suggest(
  line: { subcommand: string; args: string },
  discordUserId: string,
  deps: { store: Store; domain: DomainServices },
  log: Logger,
): Promise<{ name: string; value: string }[]> {
  const { subcommand, args } = line;
  try {
    if (JOB_ARGUMENT.has(subcommand)) {
      const keyword = args.replace(/^#?\d+\s*/, '');
      const page = await deps.domain.jobs.listOpen(keyword ? { keyword } : {}, { offset: 0, limit: 25 });
      return page.items
        .filter((j) => !/^#?\d+$/.test(args) || String(j.id).startsWith(args.replace('#', '')))
        .map((j) => ({ name: clip(`#${j.id} ${j.title}`, 100), value: String(j.id) }));
    }
    if (TEAM_ARGUMENT.has(subcommand)) {
      const user = await deps.store.users.findByIdentity({
        platform: 'discord',
        workspace: '',
        externalId: discordUserId,
      });
      if (!user) return [];
      const actor: Actor = { userId: user.id, roles: user.roles, companyId: user.companyId };
      return (await deps.domain.teams.myTeams(actor))
        .filter((team) => args === '' || team.slug.includes(args) || team.name.includes(args))
        .slice(0, 25)
        .map((team) => ({ name: clip(`${team.slug} — ${team.name}`, 100), value: team.slug }));
    }
  } catch (err) {
    log.debug({ err: (err as Error).message }, 'autocomplete failed');
  }
  return [];
}
