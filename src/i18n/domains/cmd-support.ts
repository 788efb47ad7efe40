/**
 * Messages of the support desk commands (docs/domain.md §2): 問い合わせ, 店舗, 担当営業, サポート担当. The
 * refusals the services raise (E3xx) live in support.ts; these are what the commands themselves say.
 */
export const cmdSupportJa = {
  'cmd.support.summary': '担当営業・サポート担当とコールセンターの受付時間を表示します',
  'cmd.categories.summary': '問い合わせのカテゴリと内容の一覧を表示します',
  'cmd.stores.summary': '店舗を店舗名・地域で検索します',
  'cmd.inquiry-new.summary': '新しい問い合わせを作成します(写真などを添付できます)',
  'cmd.inquiries.summary': '問い合わせを一覧・検索します(ステータス、カテゴリ、店舗、期間など)',
  'cmd.inquiry.summary': '問い合わせのやり取りをすべて表示します',
  'cmd.reply.summary': '問い合わせにコメントを送ります(ファイルも添付できます)',
  'cmd.files.summary': '問い合わせでやり取りしたファイルを一覧します',
  'cmd.file.summary': '問い合わせのファイルを1件受け取ります',
  'cmd.take.summary': '問い合わせの対応を開始します(社員)',
  'cmd.resolve.summary': '問い合わせを完了にします(社員)',
  'cmd.store-add.summary': 'お客様の店舗を登録します(社員)',
  'cmd.assign.summary': '会社の担当営業・サポート担当を設定します(社員)',
  'cmd.unassign.summary': '会社の担当営業・サポート担当を解除します(社員)',

  'support.usage.support': '使い方: 基本情報 <会社ID>(例: 基本情報 #3)と送ってください。',
  'support.usage.stores': '使い方: 店舗 <会社ID> [店舗名・地域](例: 店舗 #3 渋谷)と送ってください。',
  'support.usage.store-add':
    '使い方: 店舗登録 <会社ID> <店舗名> <都道府県>(例: 店舗登録 #3 渋谷店 東京都)と送ってください。',
  'support.usage.assign':
    '使い方: 担当設定 <会社ID> <社員のユーザーID> 担当営業|サポート(例: 担当設定 #3 #12 サポート)と送ってください。',
  'support.usage.unassign':
    '使い方: 担当解除 <会社ID> <社員のユーザーID> 担当営業|サポート(例: 担当解除 #3 #12 サポート)と送ってください。',
  'support.usage.inquiry-new':
    '使い方: 問い合わせ <カテゴリ番号> [内容番号] [#店舗ID] <コメント>(例: 問い合わせ 3 2 #12 音が出ません)と送ってください。番号は「カテゴリ」、店舗IDは「店舗」で確認できます。新規出店のご相談は店舗の指定が不要です。',
  'support.usage.inquiry': '使い方: 問い合わせ詳細 <問い合わせID>(例: 問い合わせ詳細 29)と送ってください。',
  'support.usage.reply':
    '使い方: 返信 <問い合わせID> <コメント>(例: 返信 29 よろしくお願いします)と送ってください。',
  'support.usage.take': '使い方: 対応開始 <問い合わせID>(例: 対応開始 29)と送ってください。',
  'support.usage.resolve': '使い方: 完了 <問い合わせID>(例: 完了 29)と送ってください。',
  'support.usage.inquiries':
    '使い方: 問い合わせ一覧 [状態:受付中|対応中|完了] [カテゴリ:番号] [店舗:#12] [都道府県:東京] [from:2026-11-01] [to:2026-11-30] [自分] と送ってください。',
  'support.usage.files':
    '使い方: ファイル [状態:受付中|対応中|完了] [カテゴリ:番号] [店舗:#12] [都道府県:東京] [from:2026-11-01] [to:2026-11-30] [自分] と送ってください。',

  'support.info.title': '{company} の基本情報',
  'support.info.unassigned': '未設定',
  'support.button.inquiries': '問い合わせ一覧',
  'support.button.categories': 'カテゴリ',
  'support.button.stores': '店舗',
  'support.button.prev': '前のページ',
  'support.button.next': '次のページ',
  'support.button.detail': '詳細を見る',
  'support.button.reply': '返信する',
  'support.button.take': '対応開始',
  'support.button.resolve': '完了にする',

  'support.categories.title': '問い合わせのカテゴリ',
  'support.categories.no_store_needed': '※ 店舗の指定は不要です',
  'support.categories.how_to':
    '新しい問い合わせは「問い合わせ <カテゴリ番号> <内容番号> #店舗ID コメント」と送ってください(例: 問い合わせ 3 2 #12 音が出ません)。写真を添えて送ることもできます。',

  'support.stores.title': '店舗({count}件)',
  'support.stores.none': '登録されている店舗はありません。担当営業までお問い合わせください。',
  'support.stores.no_match':
    '「{word}」に一致する店舗は見つかりませんでした。店舗名や地域を変えてお試しください。',
  'support.stores.how_to': '問い合わせの際は、店舗IDを「#12」のように指定してください。',
  'support.store_line': '#{id} {name}({prefecture})',
  'support.no_store': '店舗の指定なし',
  'support.store_added': '{store}を会社 #{company} に登録しました(地域: {region})。',
  'support.assigned': 'ユーザー #{user} を{role}に設定しました。',
  'support.unassigned': 'ユーザー #{user} の{role}を解除しました。',
  'support.not_assigned': 'ユーザー #{user} は{role}に設定されていませんでした。変更はありません。',

  'support.created': '問い合わせを受け付けました。{label}',
  'support.reply_how_to':
    '追加のコメントは「返信 {id} コメント」と送ってください。写真やファイルを添えて送ることもできます。',
  'support.replied': '{label} に返信しました。',
  'support.taken': '{label} の対応を開始しました。ステータス: {status}',
  'support.resolved': '{label} を完了にしました。以降のやり取りはできません(閲覧のみ)。',
  'support.read_only':
    'この問い合わせは完了しています(閲覧のみ)。続きのご相談は「問い合わせ <カテゴリ> … 参照:#{id} コメント」で新しく作成してください。',
  'support.field.status': 'ステータス',
  'support.field.category': 'カテゴリ',
  'support.field.store': '店舗',
  'support.field.company': '会社',
  'support.field.assignee': '担当者',
  'support.field.created': '受付日',
  'support.field.updated': '最終更新',
  'support.field.latest_customer': '最新のやり取り(お客様・{at})',
  'support.field.latest_staff': '最新のやり取り(サポート・{at})',
  'support.field.refers_to': '参照元',
  'support.field.attachments': '添付ファイル',
  'support.no_assignee': '未定',
  'support.history.title': 'やり取り({count}件)',
  'support.history.by_staff': '{at} {name}(サポート)',
  'support.history.by_customer': '{at} {name}(お客様)',

  'support.list.title': '問い合わせ一覧({count}件、更新の新しい順)',
  'support.list.title_at_least': '問い合わせ一覧({count}件以上、更新の新しい順)',
  'support.list.empty': '条件に合う問い合わせはありません。',
  'support.list.no_page': 'このページには何もありません。前のページに戻ってください。',
  'support.files.title': 'ファイル({count}件、新しい順)',
  'support.files.title_oldest': 'ファイル({count}件、古い順)',
  'support.files.title_at_least': 'ファイル({count}件以上、新しい順)',
  'support.files.empty': '条件に合うファイルはありません。',
  'support.files.separator': ' ・ ',
  'support.files.get': 'ファイルを受け取る',
  'support.file.here': '問い合わせID:{inquiryId} のファイル「{name}」です。',
  'support.file.not_found':
    'ファイル #{id} は、この問い合わせにはありません。「ファイル一覧」からお選びください。',
  'support.usage.file':
    '使い方: ファイル受取 <問い合わせID> <ファイル番号>(「ファイル一覧」のボタンからも受け取れます)',
} as const;

export const cmdSupportEn = {
  'cmd.support.summary': 'Shows your sales rep, support members and the call-centre hours',
  'cmd.categories.summary': 'Lists the inquiry categories and their topics',
  'cmd.stores.summary': 'Finds stores by name or region',
  'cmd.inquiry-new.summary': 'Opens a new inquiry (photos and files can be attached)',
  'cmd.inquiries.summary': 'Lists and searches inquiries (status, category, store, period …)',
  'cmd.inquiry.summary': 'Shows the whole conversation of an inquiry',
  'cmd.reply.summary': 'Sends a comment on an inquiry (files can be attached)',
  'cmd.files.summary': 'Lists the files exchanged on inquiries',
  'cmd.file.summary': 'Gets one file of an inquiry',
  'cmd.take.summary': 'Takes an inquiry (staff)',
  'cmd.resolve.summary': 'Marks an inquiry as completed (staff)',
  'cmd.store-add.summary': "Registers a customer's store (staff)",
  'cmd.assign.summary': "Sets a company's sales rep or support member (staff)",
  'cmd.unassign.summary': "Removes a company's sales rep or support member (staff)",

  'support.usage.support': 'Usage: support <company ID> (e.g. support #3).',
  'support.usage.stores': 'Usage: stores <company ID> [store name or region] (e.g. stores #3 Shibuya).',
  'support.usage.store-add':
    'Usage: store-add <company ID> <store name> <prefecture> (e.g. store-add #3 渋谷店 東京都).',
  'support.usage.assign':
    'Usage: assign <company ID> <staff user ID> sales_rep|support (e.g. assign #3 #12 support).',
  'support.usage.unassign':
    'Usage: unassign <company ID> <staff user ID> sales_rep|support (e.g. unassign #3 #12 support).',
  'support.usage.inquiry-new':
    'Usage: inquiry-new <category number or code> [topic number] [#store ID] <comment> (e.g. inquiry-new repair 2 #12 No sound). See the numbers with “categories” and store IDs with “stores”. A new-store consultation needs no store.',
  'support.usage.inquiry': 'Usage: inquiry <inquiry ID> (e.g. inquiry 29).',
  'support.usage.reply': 'Usage: reply <inquiry ID> <comment> (e.g. reply 29 Thank you).',
  'support.usage.take': 'Usage: take <inquiry ID> (e.g. take 29).',
  'support.usage.resolve': 'Usage: resolve <inquiry ID> (e.g. resolve 29).',
  'support.usage.inquiries':
    'Usage: inquiries [status:received|in_progress|completed] [category:code] [store:#12] [pref:Tokyo] [from:2026-11-01] [to:2026-11-30] [mine]',
  'support.usage.files':
    'Usage: files [status:received|in_progress|completed] [category:code] [store:#12] [pref:Tokyo] [from:2026-11-01] [to:2026-11-30] [mine]',

  'support.info.title': 'Support for {company}',
  'support.info.unassigned': 'Not assigned',
  'support.button.inquiries': 'Inquiries',
  'support.button.categories': 'Categories',
  'support.button.stores': 'Stores',
  'support.button.prev': 'Previous page',
  'support.button.next': 'Next page',
  'support.button.detail': 'Details',
  'support.button.reply': 'Reply',
  'support.button.take': 'Take',
  'support.button.resolve': 'Resolve',

  'support.categories.title': 'Inquiry categories',
  'support.categories.no_store_needed': '(no store needed)',
  'support.categories.how_to':
    'To open an inquiry, send “inquiry-new <category number> <topic number> #store ID comment” (e.g. inquiry-new 3 2 #12 No sound). You can attach photos to the message.',

  'support.stores.title': 'Stores ({count})',
  'support.stores.none': 'No stores are registered. Please ask your sales rep.',
  'support.stores.no_match': 'No store matches “{word}”. Try another name or region.',
  'support.stores.how_to': 'When opening an inquiry, give the store ID like “#12”.',
  'support.store_line': '#{id} {name} ({prefecture})',
  'support.no_store': 'No store',
  'support.store_added': 'Registered {store} for company #{company} (region: {region}).',
  'support.assigned': 'User #{user} is now {role}.',
  'support.unassigned': 'User #{user} is no longer {role}.',
  'support.not_assigned': 'User #{user} was not {role}. Nothing changed.',

  'support.created': 'Your inquiry has been received. {label}',
  'support.reply_how_to':
    'To add a comment, send “reply {id} your comment”. You can attach photos or files too.',
  'support.replied': 'Replied to {label}.',
  'support.taken': 'You have taken {label}. Status: {status}',
  'support.resolved': '{label} is completed. It is now read-only.',
  'support.read_only':
    'This inquiry is completed (read-only). To follow up, open a new one with “inquiry-new <category> … ref:#{id} comment”.',
  'support.field.status': 'Status',
  'support.field.category': 'Category',
  'support.field.store': 'Store',
  'support.field.company': 'Company',
  'support.field.assignee': 'Assignee',
  'support.field.created': 'Received',
  'support.field.updated': 'Last update',
  'support.field.latest_customer': 'Latest message (customer, {at})',
  'support.field.latest_staff': 'Latest message (support, {at})',
  'support.field.refers_to': 'Follows up on',
  'support.field.attachments': 'Attachments',
  'support.no_assignee': 'Not yet assigned',
  'support.history.title': 'Conversation ({count})',
  'support.history.by_staff': '{at} {name} (support)',
  'support.history.by_customer': '{at} {name} (customer)',

  'support.list.title': 'Inquiries ({count}, latest update first)',
  'support.list.title_at_least': 'Inquiries ({count} or more, latest update first)',
  'support.list.empty': 'No inquiries match.',
  'support.list.no_page': 'Nothing on this page. Please go back to the previous page.',
  'support.files.title': 'Files ({count}, newest first)',
  'support.files.title_oldest': 'Files ({count}, oldest first)',
  'support.files.title_at_least': 'Files ({count} or more, newest first)',
  'support.files.empty': 'No files match.',
  'support.files.separator': ' · ',
  'support.files.get': 'Get the file',
  'support.file.here': 'The file “{name}” of inquiry {inquiryId}.',
  'support.file.not_found': 'File #{id} is not on this inquiry. Please choose it from “files”.',
  'support.usage.file': 'Usage: get-file <inquiry id> <file number> (or the buttons of “files”)',
} as const;
