/**
 * Who people are in Slack: a newcomer's name and language from `users.info` (scope users:read),
 * looked up only when they are registered, and a name changed in Slack (`user_change`) carried
 * over, so greetings and desk cards use the name people chose (README, "Slack").
 */
import type { UserChangeEvent } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Store } from '../../src/store.ts';

/** The names in a Slack user object: users.info's `user`, or user_change's (inbound.ts checks these). */
type SlackNames =
  | {
      name?: string | undefined;
      real_name?: string | undefined;
      profile?: { display_name?: string | undefined; real_name?: string | undefined } | undefined;
    }
  | undefined;

/** The display name they chose, else their full name, else their handle. */
function nameOf(u: SlackNames): string | undefined {
  const name = u?.profile?.display_name || u?.profile?.real_name || u?.real_name || u?.name;
  return typeof name === 'string' && name.trim() ? name.trim() : undefined;
}

/** A newcomer's name, and English when that is their Slack language (Japanese first otherwise). */
export async function slackProfile(
  client: WebClient,
  user: string,
): Promise<{ displayName?: string; localeHint?: 'en' }> {
  const res = await client.users.info({ user, include_locale: true });
  const name = nameOf(res.user);
  const english = res.user?.locale?.toLowerCase().startsWith('en') === true;
  return { ...(name ? { displayName: name } : {}), ...(english ? { localeHint: 'en' as const } : {}) };
}

/** `user_change`: the person's new name, if they are known here. */
export async function renameFromSlack(
  store: Store,
  team: string,
  user: UserChangeEvent['user'] | undefined,
): Promise<void> {
  const name = nameOf(user);
  if (typeof user?.id !== 'string' || !name) return;
  const workspace = typeof user.team_id === 'string' ? user.team_id : team;
  await store.users.renameByIdentity({ platform: 'slack', workspace, externalId: user.id }, name);
}
