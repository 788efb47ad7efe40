/** What a slash command's options bring: files attached to `/bot file:`, and choices as you type. */
import type { ChatAttachment } from '../../src/chat/types.ts';
import type { Actor } from '../../src/domain/actor.ts';
import type { DomainServices } from '../../src/domain/services.ts';
import { type FileStorage, MAX_FILE_BYTES } from '../../src/files/storage.ts';
import type { Logger } from '../../src/logger.ts';
import type { Store } from '../../src/store.ts';
import { clip } from '../shared/text.ts';
import { JOB_ARGUMENT, TEAM_ARGUMENT } from './commands.ts';

/** Files attached to the command (`resolved.attachments`): fetched from Discord's CDN and stored. */
export async function fetchAttachments(
  resolved: Record<string, Record<string, unknown>> | undefined,
  files: FileStorage,
  log: Logger,
): Promise<ChatAttachment[]> {
  const out: ChatAttachment[] = [];
  for (const a of Object.values(resolved ?? {})) {
    if (typeof a.url !== 'string' || Number(a.size ?? 0) > MAX_FILE_BYTES) continue;
    try {
      const res = await fetch(a.url, { signal: AbortSignal.timeout(30_000) });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const bytes = Buffer.from(await res.arrayBuffer());
      if (bytes.length === 0 || bytes.length > MAX_FILE_BYTES) continue;
      const stored = await files.put(bytes);
      out.push({
        name: String(a.filename ?? 'file'),
        mime: String(a.content_type ?? 'application/octet-stream'),
        size: stored.size,
        storageKey: stored.key,
      });
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'Discord attachment not fetched');
    }
  }
  return out;
}

/** Job ids and team slugs as you type (≤ 25 choices; name and value ≤ 100, PLATFORMS.md). */
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
