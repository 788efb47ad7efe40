/**
 * お知らせ pushed to the people they are addressed to (docs/domain.md §1.10): everyone, one role, or one
 * person (`noticeReaches`). The message shows the notice and a button that opens it, which marks it
 * read.
 */
import type { Reply } from '../../chat/types.ts';
import { type MessageKey, t, translateRaw } from '../../i18n/index.ts';
import { type FanoutKind, field, isNumber, isString, personalButtons } from './kind.ts';
import { noticeReachesSql } from './sql.ts';

export interface NoticeContent {
  id: number;
  kind: string;
  title: string;
  body: string;
}

/** How much of a notice's body the message quotes; the button opens the whole notice. */
const EXCERPT = 200;

/** The command its button runs: opening the notice (`notice <id>`, お知らせ詳細), which marks it read. */
export const openNoticeCommand = (noticeId: number): string => `notice ${noticeId}`;

export const noticeKind: FanoutKind<NoticeContent> = {
  type: 'notice.published',
  subject: { table: 'notices', alias: 'n' },
  audience: noticeReachesSql('u.id', 'u.roles'),
  // Notices are not withdrawn: the cause stands while the notice exists (content is null once it is gone).
  live: 'true',
  cancelledReason: 'notice_gone',
  content: `jsonb_build_object('id', n.id, 'kind', n.kind, 'title', n.title, 'body', left(n.body, ${EXCERPT + 1}))`,
  payload: `jsonb_build_object('noticeId', n.id, 'kind', n.kind, 'title', n.title)`,
  subjectKey: 'noticeId',
  quietHours: true,
  parse(json) {
    return {
      id: field(json, 'id', isNumber),
      kind: field(json, 'kind', isString),
      title: field(json, 'title', isString),
      body: field(json, 'body', isString),
    };
  },
  async render(notice, locale, options): Promise<Reply> {
    const chars = [...notice.body.trim()];
    const body = chars.length > EXCERPT ? `${chars.slice(0, EXCERPT).join('')}…` : chars.join('');
    const [open] = await personalButtons(
      [{ label: t(locale, 'notify.button.notice'), payload: openNoticeCommand(notice.id), style: 'primary' }],
      options,
    );
    return {
      locale,
      blocks: [
        { type: 'text', text: t(locale, 'notify.notice.published', { title: notice.title }) },
        {
          type: 'card',
          title: notice.title,
          subtitle: translateRaw(locale, `money.notice.kind.${notice.kind}` as MessageKey),
          ...(body ? { body } : {}),
          fields: [],
          ...(open ? { buttons: [open] } : {}),
        },
      ],
    };
  },
};
