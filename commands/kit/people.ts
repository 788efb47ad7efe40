/**
 * People in replies, for every portal: display names by user id, and a person's label. The services
 * return ids only; call these with ids a service has just returned to this actor (it has already
 * checked the actor may see them), so they reveal nothing the actor may not see.
 */
import type { CommandContext } from '../../src/chat/command.ts';
import type { Translator } from '../../src/i18n/index.ts';

/** Display names of users by id (unknown ids are left out). */
export async function namesOf(ctx: CommandContext, ids: readonly number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const users = await ctx.services.store.uow.read((tx) => tx.users.find({ id: unique }));
  return new Map(users.map((u) => [u.id, u.displayName]));
}

/** The marketplace's polite label: `山田さん(#12)` / `Yamada (#12)`, or `ユーザー #12` when unknown. */
export function person(t: Translator, id: number, name: string | undefined): string {
  return name ? t('market.person', { name, id }) : t('market.person_unknown', { id });
}

/** `person` for one user whose name is read first. */
export async function personOf(ctx: CommandContext, id: number): Promise<string> {
  return person(ctx.t, id, (await namesOf(ctx, [id])).get(id));
}

/** The work portal's plain label: `山田 (#12)`, or `#12` when the name is unknown. */
export const personText = (names: Map<number, string>, id: number) =>
  names.has(id) ? `${names.get(id)} (#${id})` : `#${id}`;
