/**
 * Posts team news to each team's bound Discord channel (docs/domain.md §3.8: a team can bind a
 * Discord channel where its news is posted): members joining and leaving, new jobs matching the team's
 * skills, status changes of jobs the team works on. Never anyone's money or personal data: names,
 * job titles and statuses only. Catches up from the audit log every pass, so nothing is lost.
 */
import { type Locale, t, translateRaw } from '../../src/i18n/index.ts';
import type { Logger } from '../../src/logger.ts';
import type { Store, TeamNewsItem } from '../../src/store.ts';
import type { DiscordMessage } from './render.ts';
import { channelGone } from './send.ts';

export interface TeamNewsOptions {
  store: Store;
  post(channelId: string, message: DiscordMessage): Promise<void>;
  logger: Logger;
  locale?: Locale;
}

export function newsText(item: TeamNewsItem, locale: Locale): string {
  const team = item.teamName;
  switch (item.kind) {
    case 'member_joined':
      return t(locale, 'discord.news.member_joined', { team, name: item.memberName ?? '' });
    case 'member_left':
      return t(locale, 'discord.news.member_left', { team, name: item.memberName ?? '' });
    case 'job_match':
      return t(locale, 'discord.news.job_match', {
        team,
        id: item.job?.id ?? 0,
        title: item.job?.title ?? '',
      });
    case 'job_status':
      return t(locale, 'discord.news.job_status', {
        id: item.job?.id ?? 0,
        title: item.job?.title ?? '',
        status: translateRaw(locale, `job.status.${item.job?.status ?? 'open'}` as never),
      });
  }
}

export class TeamNews {
  private readonly o: TeamNewsOptions;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(options: TeamNewsOptions) {
    this.o = options;
  }

  async postOnce(): Promise<number> {
    let posted = 0;
    for (const item of await this.o.store.teamNews.claim(50)) {
      const content = newsText(item, this.o.locale ?? 'ja');
      try {
        await this.o.post(item.channelId, { content });
        await this.o.store.teamNews.posted(item.auditId, item.teamId);
        posted++;
      } catch (err) {
        // The bot cannot see or write the channel (removed, no permission): drop it, or it would retry forever.
        if (channelGone(err)) {
          this.o.logger.warn(
            { teamId: item.teamId, code: err.code },
            'team news channel not writable; news dropped',
          );
          await this.o.store.teamNews.posted(item.auditId, item.teamId);
        } else {
          await this.o.store.teamNews.release(item.auditId, item.teamId);
          this.o.logger.warn(
            { teamId: item.teamId, err: (err as Error).message },
            'team news not posted; will retry',
          );
        }
      }
    }
    return posted;
  }

  start(intervalMs = 1000): void {
    const tick = () => {
      this.running = this.postOnce()
        .catch((err: unknown) => this.o.logger.warn({ err }, 'team news failed'))
        .finally(() => {
          if (this.timer !== undefined) this.timer = setTimeout(tick, intervalMs);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
