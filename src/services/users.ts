/** Who is talking: finds the user behind a platform identity, registering newcomers (docs/domain.md §4.3, §4.5). */

import { isPlatformIdentity } from '../chat/ids.ts';
import type { ChatSender } from '../chat/types.ts';
import type { Platform } from '../domain/platforms.ts';
import type { Role } from '../domain/roles.ts';
import { AppError } from '../errors.ts';
import { DEFAULT_LOCALE, type Locale } from '../i18n/index.ts';
import type { Store, UserRecord } from '../store.ts';

export interface ResolvedUser {
  user: UserRecord;
  /** First contact: the user was created by this event. */
  created: boolean;
}

/**
 * Returns the user bound to this identity. A newcomer becomes a user with the open sign-up role
 * (`OPEN_SIGNUP_ROLE`, default worker) or, when sign-up is by invitation only, with no role at all:
 * such a user can read help and join with an invitation code, nothing else.
 */
export async function resolveUser(
  store: Store,
  platform: Platform,
  sender: ChatSender,
  openSignupRole: Role | null,
): Promise<ResolvedUser> {
  const key = { platform, workspace: sender.workspace, externalId: sender.externalId };
  // Never a user from an id the platform could not have sent (src/chat/ids.ts).
  if (!isPlatformIdentity(key)) throw new AppError('invalid_identity', `not a ${platform} user id`);
  const existing = await store.users.findByIdentity(key);
  if (existing) return { user: existing, created: false };
  // A newcomer is greeted by name: what the event carries, else what the platform says of them.
  const looked = !sender.displayName && sender.profile ? await sender.profile().catch(() => ({})) : {};
  const name = sender.displayName ?? (looked as { displayName?: string }).displayName;
  const locale = sender.localeHint ?? (looked as { localeHint?: Locale }).localeHint;
  return store.users.createWithIdentity(key, {
    displayName: (name?.trim() || sender.externalId).slice(0, 200),
    locale: locale ?? DEFAULT_LOCALE,
    roles: openSignupRole ? [openSignupRole] : [],
  });
}
