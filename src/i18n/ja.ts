/**
 * Japanese catalog: the default language and the source of the key set. Polite です・ます, with the
 * users' own terms from docs/domain.md (募集案件, 応募, 納品, …). Placeholders are `{name}`. Each file of
 * ja/ holds the keys of one prefix (ja/market.ts: `market.*`); the few general keys are here.
 */
import { account } from './ja/account.ts';
import { apphome } from './ja/apphome.ts';
import { application } from './ja/application.ts';
import { canned } from './ja/canned.ts';
import { checks } from './ja/checks.ts';
import { cmd } from './ja/cmd.ts';
import { company } from './ja/company.ts';
import { compliance } from './ja/compliance.ts';
import { csat } from './ja/csat.ts';
import { desk } from './ja/desk.ts';
import { discord } from './ja/discord.ts';
import { error } from './ja/error.ts';
import { flow } from './ja/flow.ts';
import { help } from './ja/help.ts';
import { home } from './ja/home.ts';
import { job } from './ja/job.ts';
import { jobs } from './ja/jobs.ts';
import { link } from './ja/link.ts';
import { market } from './ja/market.ts';
import { money } from './ja/money.ts';
import { notify } from './ja/notify.ts';
import { people } from './ja/people.ts';
import { profile } from './ja/profile.ts';
import { report } from './ja/report.ts';
import { sla } from './ja/sla.ts';
import { support } from './ja/support.ts';
import { work } from './ja/work.ts';

export const ja = {
  ...account,
  ...application,
  ...apphome,
  ...canned,
  ...checks,
  ...cmd,
  ...company,
  ...csat,
  ...compliance,
  ...desk,
  ...discord,
  ...error,
  ...flow,
  ...help,
  ...home,
  ...job,
  ...jobs,
  ...link,
  ...market,
  ...money,
  ...notify,
  ...people,
  ...profile,
  ...report,
  ...sla,
  ...support,
  ...work,
  forbidden: 'この操作を行う権限がありません。',
  not_found: 'ご指定の{thing}が見つかりませんでした。番号をご確認ください。',
  'thing.job': '募集案件',
  'thing.application': '応募',
  'thing.question': '質問',
  'thing.account': '連携アカウント',
  'thing.user': 'ユーザー',
  'thing.company': '会社',
  'invite.invalid_code':
    '[E111] 招待コードが正しくないか、有効期限(7日間)が切れているか、すでに使用されています。',
  'invite.role_not_allowed': '[E112] この招待を作成する権限がありません。',
  'invite.company_required': '[E113] お客様・クライアントの招待には会社の指定が必要です。',
  'invite.created':
    '招待コードは {code} です(有効期限: {expires})。招待する方に「参加 {code}」と送っていただくようお伝えください。',
  'invite.joined': '参加が完了しました。あなたの役割: {role}',
  'question.body_required': '質問内容を入力してください(4,000文字以内)。',
  'question.answer_required': '回答内容を入力してください(4,000文字以内)。',
  'question.already_answered': 'この質問にはすでに回答済みです。',
  'delivery.files_required': '納品ファイルを1つ以上添付してください。',
  'delivery.feedback_required': '修正内容(フィードバック)を入力してください。',
  'file.bad': 'ファイル「{name}」を受け付けられませんでした(空のファイル、または50MBを超えています)。',
  'platform.alt_text': 'ボットからのメッセージがあります。',
  'platform.direct_only':
    'このボットは1対1のトークでご利用いただけます。お手数ですが、ボットを友だち追加して個別のトークからお送りください。\n(This bot works in one-to-one chat. Please add it as a friend and message it directly.)',
  'platform.discord.answered_in_dm': '{user} さん、お返事はダイレクトメッセージでお送りしました。',
  'platform.file_failed': 'ファイルを受け取れませんでした。お手数ですが、もう一度送ってください。',
  'platform.file_too_large': 'ファイルが大きすぎます(50MBまで)。小さくしてからもう一度送ってください。',
  'platform.unsupported':
    'このメッセージには対応していません。文字で入力するか、「ヘルプ」と送って使えるコマンドをご確認ください。',
  'upload.too_large':
    '[E201] 「{name}」は大きすぎるため受け付けられませんでした({limit}MBまで)。小さくするか分けてから、もう一度お送りください。',
  'upload.type_not_allowed':
    '[E202] 「{name}」は受け付けていない種類のファイルです。お送りいただけるのは PDF、画像(JPEG・PNG・GIF・WebP・HEIC)、Word・Excel・PowerPoint、テキスト・CSV、ZIP です。',
  'upload.empty': '[E203] 「{name}」は空のファイルでした。内容を確認して、もう一度お送りください。',
  'upload.failed': '[E204] 「{name}」を受け取れませんでした。お手数ですが、もう一度お送りください。',
  'upload.nothing_kept': 'このメッセージは処理していません。ファイルを直して、もう一度お送りください。',
  'files.link': '📎 {name}: {url} (24時間有効なダウンロードリンクです)',
  'files.too_large_here':
    '📎 {name} はこのアプリでお渡しできない大きさです。お手数ですが、担当者にダウンロードリンクの発行をご依頼ください。',
  'files.no_link':
    '📎 {name} はLINEではお渡しできません(ダウンロード用のアドレスが設定されていません)。Slack・Discord・コンソールのいずれかでご確認いただくか、担当者にお問い合わせください。',
  'files.download': 'ダウンロード',
  'form.submit': '送信',
  'form.cancel': 'キャンセル',
  'form.title': '入力フォーム',
  'form.choose': '選択してください',
  'documents.faq': 'よくある質問',
  'documents.terms': '利用規約',
  'documents.privacy': '個人情報の取り扱い',
  'documents.missing': 'この文書はまだ用意されていません。お手数ですが「問い合わせ」からお尋ねください。',
  'common.separator': '、',
  'welcome.new_user': '{name}さん、はじめまして。業務ポータルのボットです。',
  'lang.changed': '表示言語を日本語に設定しました。',
  'lang.usage': '言語は「lang ja」(日本語)または「lang en」(English)で指定してください。',
} as const;
