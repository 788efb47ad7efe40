import { checksJa } from './domains/checks.ts';
import { cmdAccountJa } from './domains/cmd-account.ts';
import { cmdMarketJa } from './domains/cmd-market.ts';
import { cmdSupportJa } from './domains/cmd-support.ts';
import { cmdWorkJa } from './domains/cmd-work.ts';
import { deskJa } from './domains/desk.ts';
import { flowJa } from './domains/flow.ts';
import { homeJa } from './domains/home.ts';
/**
 * Japanese catalog: the default language and the source of the key set. Polite です・ます, with the
 * users' own terms from docs/domain.md (募集案件, 応募, 納品, …). Placeholders are `{name}`.
 */
import { identityJa } from './domains/identity.ts';
import { marketJa } from './domains/market.ts';
import { marketCompanyJa } from './domains/market-company.ts';
import { marketItemsJa } from './domains/market-items.ts';
import { marketProfileJa } from './domains/market-profile.ts';
import { moneyJa } from './domains/money.ts';
import { notifyJa } from './domains/notify.ts';
import { platformJa } from './domains/platform.ts';
import { supportJa } from './domains/support.ts';
import { workJa } from './domains/work.ts';

export const ja = {
  ...identityJa,
  ...checksJa,
  ...workJa,
  ...moneyJa,
  ...notifyJa,
  ...flowJa,
  ...platformJa,
  ...deskJa,
  ...homeJa,
  ...cmdWorkJa,
  ...cmdSupportJa,
  ...cmdMarketJa,
  ...cmdAccountJa,
  ...supportJa,
  ...marketJa,
  ...marketCompanyJa,
  ...marketItemsJa,
  ...marketProfileJa,
  'common.separator': '、',
  'welcome.new_user': '{name}さん、はじめまして。業務ポータルのボットです。',
  'help.title': 'ご利用いただけるコマンド',
  'help.footer': 'コマンド名は日本語でも英語でも入力できます(例: 「ヘルプ」「help」)。',
  'help.aliases': '別名: {aliases}',
  'help.more':
    '各コマンドの使い方は「ヘルプ コマンド名」(例: ヘルプ 応募)で確認できます。まずは「ホーム」からお使いください。',
  'help.joiner': '・',
  'help.group.work': '在宅業務(募集案件・応募・納品・請求)',
  'help.group.staff': '業務管理(求人登録・検収・支払)',
  'help.group.support': '問い合わせ窓口',
  'help.group.market': 'マーケットプレイス(メッセージ・チーム・プロフィール)',
  'help.group.account': 'アカウント・その他',
  'cmd.help.summary': 'このヘルプを表示します',
  'cmd.lang.summary': '表示言語を切り替えます(lang ja / lang en)',
  'cmd.jobs.summary': '募集中の募集案件を一覧します',
  'lang.changed': '表示言語を日本語に設定しました。',
  'lang.usage': '言語は「lang ja」(日本語)または「lang en」(English)で指定してください。',
  'jobs.title': '募集案件({count}件)',
  'jobs.title_at_least': '募集案件({count}件以上)',
  'jobs.empty': '現在、募集中の募集案件はありません。新しい募集案件が公開されたらお知らせします。',
  'jobs.title_keyword': '「{keyword}」の募集案件({count}件)',
  'jobs.empty_keyword':
    '「{keyword}」に合う募集中の募集案件はありません。別の言葉でお探しいただくか、「求人」ですべてご覧ください。',
  'jobs.more': 'ほかに{count}件あります。「jobs {page}」で次のページを表示します。',
  'jobs.field.reward': '報酬',
  'jobs.field.openings': '募集人数',
  'jobs.field.deadline': '応募締切',
  'jobs.field.location': '勤務地',
  'jobs.openings': '{count}名',
  'jobs.remote': '在宅(リモート)',
  'jobs.no_deadline': '定めなし',
  'jobs.button.next': '次のページ',
  'jobs.button.prev': '前のページ',
  'jobs.bad_page': 'ページ番号は1以上の数字で指定してください(例: jobs 2)。',
  'error.button_expired': 'このボタンは有効期限が切れています。もう一度コマンドを送ってください。',
  'error.bad_id': '「{input}」は番号として読み取れませんでした。「#12」や「12」のように入力してください。',
  'people.missing': '相手を番号(例: #12)または名前の一部で指定してください。',
  'people.not_found':
    '「{name}」という名前の方が見つかりませんでした。名前の一部か、番号(例: #12)で指定してください。',
  'people.which': '「{name}」に当てはまる方が複数います。どなたですか?',
  'people.which_many':
    '「{name}」に当てはまる方が多いため、最初の{count}名を表示します。どなたですか?(見つからない場合は、名前をもう少し詳しく入力してください)',
  'error.bad_amount':
    '「{input}」は金額として読み取れませんでした。「12000」や「12,000円」のように入力してください。',
  'error.bad_date':
    '「{input}」は日付として読み取れませんでした。「2026-12-10」や「12月10日」のように入力してください。',
  'error.unknown_command': '「{input}」というコマンドは見つかりませんでした。',
  'error.did_you_mean': 'もしかして: {suggestions}',
  'error.see_help': '「ヘルプ」と送ると、使えるコマンドの一覧を表示します。',
  'error.not_allowed': 'このコマンドを実行する権限がありません。',
  'error.invitation_only':
    'このサービスは招待制です。担当者から招待コードを受け取り、「参加 招待コード」と送ってください。',
  'error.internal':
    '申し訳ございません。処理中に問題が発生しました。時間をおいて再度お試しください。お問い合わせの際は参照番号 {ref} をお伝えください。',
  'error.empty_message': 'メッセージが空でした。「ヘルプ」と送ると、使えるコマンドを表示します。',
} as const;
