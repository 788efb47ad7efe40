/**
 * LINE profiles (display name, language): read when someone new writes or follows, and again once a day
 * for people who write (LINE sends no event when a name changes), after the answer so it never delays one.
 * At most one profile call per person per day per process.
 */
import { isLocale, type Locale } from '../../src/i18n/index.ts';
import type { Logger } from '../../src/logger.ts';
import type { IdentityKey, Store } from '../../src/store.ts';
import type { LineClient } from './client.ts';

/** How long a LINE profile read stays fresh (names are refreshed when people write after this). */
const NAME_REFRESH_MS = 24 * 3600 * 1000;

export class LineProfiles {
  /** When this process last read each person's LINE profile. */
  private readonly readAt = new Map<string, number>();

  private readonly o: { client: LineClient; store: Store; clock: () => Date; log: Logger };

  constructor(o: { client: LineClient; store: Store; clock: () => Date; log: Logger }) {
    this.o = o;
  }

  /** Renames the person when their LINE name changed and it was not read for a day (in the background). */
  refreshName(key: IdentityKey): void {
    const last = this.readAt.get(key.externalId);
    if (last !== undefined && this.o.clock().getTime() - last < NAME_REFRESH_MS) return;
    void this.profileOf(key.externalId)
      .then((p) => (p.displayName ? this.o.store.users.renameByIdentity(key, p.displayName) : false))
      .then((renamed) => {
        if (renamed) this.o.log.info('name changed in LINE; renamed');
      })
      .catch((err: unknown) => this.o.log.debug({ err: (err as Error).message }, 'name not refreshed'));
  }

  async profileOf(userId: string): Promise<{ displayName?: string; localeHint?: Locale }> {
    // Remembered for refreshName; the oldest entries go first once it holds 50,000 people.
    this.readAt.delete(userId);
    this.readAt.set(userId, this.o.clock().getTime());
    if (this.readAt.size > 50_000) {
      const oldest = this.readAt.keys().next().value;
      if (oldest !== undefined) this.readAt.delete(oldest);
    }
    try {
      const p = await this.o.client.profile(userId);
      const lang = p.language?.slice(0, 2);
      return { displayName: p.displayName, ...(isLocale(lang) ? { localeHint: lang } : {}) };
    } catch (err) {
      this.o.log.debug({ err: (err as Error).message }, 'profile not available');
      return {};
    }
  }
}
