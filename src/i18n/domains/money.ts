/** Messages of invoices, payment statements, bank accounts, notices and alert preferences (docs/domain.md §1.8–§1.11, §6.3). */
export const moneyJa = {
  'money.bad_month':
    '「{month}」は月として読み取れませんでした。「2026-12」または「2026年12月」の形式で指定してください。',
  'money.thing.invoice_item': '入力請求書の明細',
  'money.thing.worker': 'ワーカー',
  'money.thing.application': '応募',
  'money.thing.statement': '支払明細書',
  'money.thing.notice': 'お知らせ',
  'money.thing.user': 'ユーザー',

  'money.invoice.bad_amount': '金額は1円以上{max}円以下の整数で入力してください。',
  'money.invoice.description_required': '明細の内容を入力してください({max}文字以内)。',
  'money.invoice.comment_required': '金額に相違がある理由をコメントに入力してください({max}文字以内)。',
  'money.invoice.reason_required': '理由を入力してください。ワーカーにそのままお伝えします。',
  'money.invoice.wrong_state': 'この明細は現在「{status}」のため、この操作はできません。',
  'money.invoice.not_a_worker': '入力請求書の明細は、ワーカーとして登録されている方にのみ追加できます。',
  'money.invoice.application_of_other_worker': 'ご指定の応募は、このワーカーの応募ではありません。',
  'money.invoice.application_not_approved': '入力請求書に計上できるのは、検収が完了した応募だけです。',
  'money.invoice.month_closed':
    '{month}分はすでに締め処理が済み、支払明細書が発行されているため変更できません。別の月を指定してください。',
  'money.invoice.status.pending': '確認待ち',
  'money.invoice.status.confirmed': '確認済み',
  'money.invoice.status.disputed': '差し戻し中',
  'money.invoice.status.paid': '支払明細書に計上済み',

  'money.statement.month_not_over': '{month}分はまだ月末を迎えていないため、締め処理はできません。',

  'money.bank.ja_refused':
    'JAバンク(農協・信連)やJFマリンバンク(漁協・信漁連)の口座ではお支払いを受け取ることができません。お手数ですが、ほかの金融機関の口座をご登録ください。',
  'money.bank.japan_post_refused':
    'ゆうちょ銀行(郵便局)の口座ではお支払いを受け取ることができません。お手数ですが、ほかの金融機関の口座をご登録ください。',
  'money.bank.name_required': '金融機関名を入力してください(100文字以内)。',
  'money.bank.bad_bank_code': '金融機関コードは4桁の数字で入力してください。',
  'money.bank.branch_required': '支店名を入力してください(100文字以内)。',
  'money.bank.bad_branch_code': '支店コードは3桁の数字で入力してください。',
  'money.bank.unknown_bank_code':
    '金融機関コード「{code}」の金融機関が見つかりません。キャッシュカードや通帳に記載の4桁のコードをご確認ください。',
  'money.bank.unknown_branch_code':
    '{bank}に支店コード「{code}」の支店が見つかりません。通帳やキャッシュカードに記載の3桁の支店番号をご確認ください。',
  'money.bank.bad_account_type': '預金種目は「普通」「当座」「貯蓄」のいずれかを指定してください。',
  'money.bank.bad_account_number':
    '口座番号は7桁の数字で入力してください(7桁に満たない場合は先頭に0を付けてください)。',
  'money.bank.bad_holder_name': '口座名義はカタカナで入力してください(例: ヤマダ タロウ)。',
  'money.bank.type.ordinary': '普通',
  'money.bank.type.checking': '当座',
  'money.bank.type.savings': '貯蓄',
  'flow.bank.bank':
    '金融機関を選ぶか、金融機関名または4桁の金融機関コードを入力してください(例: みずほ、京都信金、0001)。',
  'flow.bank.branch': '{bank}の支店名、または3桁の支店番号(店番)を入力してください(例: 渋谷、135)。',
  'flow.bank.the_bank': '金融機関',
  'flow.bank.type': '{branch} の預金種目を選んでください。',
  'flow.bank.number':
    '口座番号(7桁)を入力してください。7桁に満たない場合は先頭に0を付けてください(例: 0123456)。',
  'flow.bank.holder': '口座名義をカタカナで入力してください(例: ヤマダ タロウ)。',
  'flow.bank.bank_not_found':
    '「{input}」に該当する金融機関が見つかりませんでした。「銀行」などを除いた名前か、4桁の金融機関コードで入力してください。',
  'flow.bank.bank_candidates':
    '「{input}」に該当する金融機関が複数あります。次の中から4桁のコードで入力してください: {list}',
  'flow.bank.branch_not_found':
    '{bank}に「{input}」に該当する支店が見つかりませんでした。支店名か、通帳に記載の3桁の支店番号で入力してください。',
  'flow.bank.branch_candidates':
    '「{input}」に該当する支店が複数あります。次の中から3桁の支店番号で入力してください: {list}',
  'flow.bank.more': '、ほか{count}件',

  'money.notice.bad_kind':
    'お知らせの種類は「お知らせ」「製品情報」「メンテナンス」「個別のお知らせ」から選んでください。',
  'money.notice.title_required': 'お知らせのタイトルを入力してください({max}文字以内)。',
  'money.notice.body_too_long': 'お知らせの本文は{max}文字以内で入力してください。',
  'money.notice.personal_needs_user':
    '個別のお知らせは宛先のユーザーを1名指定し、それ以外のお知らせは全員または役割を宛先に指定してください。',
  'money.notice.bad_role': 'お知らせの宛先に指定できない役割です。',
  'money.notice.kind.announcement': 'お知らせ',
  'money.notice.kind.product': '製品情報',
  'money.notice.kind.maintenance': 'メンテナンス',
  'money.notice.kind.personal': '個別のお知らせ',

  'money.alerts.bad_skills': 'スキルは{max}件まで、1件あたり{length}文字以内で指定してください。',
  'money.alerts.bad_prefecture': '「{prefecture}」は都道府県名として見つかりませんでした(例: 東京都、大阪)。',
  'money.alerts.bad_min_reward': '最低報酬額は0円以上の整数で入力してください。',
  'money.alerts.bad_platform': '通知先はコンソール・Slack・Discord・LINEのいずれかを指定してください。',
  'money.alerts.platform_not_linked':
    '{platform}はまだ連携されていないため、通知先に指定できません。先に{platform}でこのボットと連携してください。',
  'money.alerts.bad_time': '「{time}」は時刻として読み取れませんでした。「22:00」のように指定してください。',
  'money.alerts.quiet_needs_both':
    '通知停止時間帯は、開始と終了の両方を指定してください(解除する場合は両方を空にしてください)。',
  'money.alerts.quiet_same_time': '通知停止時間帯の開始と終了には、異なる時刻を指定してください。',
  'money.platform.console': 'コンソール',
  'money.platform.slack': 'Slack',
  'money.platform.discord': 'Discord',
  'money.platform.line': 'LINE',
} as const;

export const moneyEn = {
  'money.bad_month': 'We could not read “{month}” as a month. Please write it like “2026-12”.',
  'money.thing.invoice_item': 'invoice item',
  'money.thing.worker': 'worker',
  'money.thing.application': 'application',
  'money.thing.statement': 'payment statement',
  'money.thing.notice': 'notice',
  'money.thing.user': 'user',

  'money.invoice.bad_amount': 'The amount must be a whole number of yen from ¥1 to ¥{max}.',
  'money.invoice.description_required': 'Please describe the item (up to {max} characters).',
  'money.invoice.comment_required':
    'Please say in a comment what is wrong with the amount (up to {max} characters).',
  'money.invoice.reason_required': 'Please give the reason; the worker reads it as written.',
  'money.invoice.wrong_state': 'This item is “{status}”, so that is not possible.',
  'money.invoice.not_a_worker': 'Invoice items can only be added for people registered as workers.',
  'money.invoice.application_of_other_worker': 'That application is not this worker’s.',
  'money.invoice.application_not_approved':
    'Only an application whose delivery has been approved can be invoiced.',
  'money.invoice.month_closed':
    '{month} is already closed and its payment statement has been issued, so it cannot change. Please choose another month.',
  'money.invoice.status.pending': 'Awaiting confirmation',
  'money.invoice.status.confirmed': 'Confirmed',
  'money.invoice.status.disputed': 'Disputed',
  'money.invoice.status.paid': 'On a payment statement',

  'money.statement.month_not_over': '{month} has not ended yet, so it cannot be closed.',

  'money.bank.ja_refused':
    'Accounts at JA Bank (agricultural cooperatives and their federations) or JF Marine Bank (fishery cooperatives) cannot receive payments. Please register an account at another bank.',
  'money.bank.japan_post_refused':
    'Accounts at Japan Post Bank (post offices) cannot receive payments. Please register an account at another bank.',
  'money.bank.name_required': 'Please enter the bank name (up to 100 characters).',
  'money.bank.bad_bank_code': 'The bank code must be 4 digits.',
  'money.bank.branch_required': 'Please enter the branch name (up to 100 characters).',
  'money.bank.bad_branch_code': 'The branch code must be 3 digits.',
  'money.bank.unknown_bank_code':
    'There is no bank with the code “{code}”. Please check the 4-digit code on your cash card or passbook.',
  'money.bank.unknown_branch_code':
    '{bank} has no branch with the code “{code}”. Please check the 3-digit branch number on your passbook or cash card.',
  'money.bank.bad_account_type': 'The account type must be ordinary, checking or savings.',
  'money.bank.bad_account_number':
    'The account number must be 7 digits (if yours is shorter, add zeros at the front).',
  'money.bank.bad_holder_name': 'Please enter the account holder’s name in katakana (e.g. ヤマダ タロウ).',
  'money.bank.type.ordinary': 'Ordinary',
  'money.bank.type.checking': 'Checking',
  'money.bank.type.savings': 'Savings',
  'flow.bank.bank':
    'Choose a bank, or type its name or 4-digit bank code (e.g. みずほ, Kyoto Shinkin, 0001).',
  'flow.bank.branch': 'Please type the branch name or its 3-digit branch number at {bank} (e.g. 渋谷, 135).',
  'flow.bank.the_bank': 'the bank',
  'flow.bank.type': 'Please choose the account type at {branch}.',
  'flow.bank.number':
    'Please enter the 7-digit account number (if yours is shorter, add zeros at the front, e.g. 0123456).',
  'flow.bank.holder': 'Please enter the account holder’s name in katakana (e.g. ヤマダ タロウ).',
  'flow.bank.bank_not_found':
    'No bank matches “{input}”. Please type the name without “Bank”, or the 4-digit bank code.',
  'flow.bank.bank_candidates':
    'Several banks match “{input}”. Please type the 4-digit code of one of these: {list}',
  'flow.bank.branch_not_found':
    '{bank} has no branch matching “{input}”. Please type the branch name, or the 3-digit branch number on your passbook.',
  'flow.bank.branch_candidates':
    'Several branches match “{input}”. Please type the 3-digit number of one of these: {list}',
  'flow.bank.more': ', and {count} more',

  'money.notice.bad_kind':
    'A notice must be an announcement, product news, maintenance or a personal notice.',
  'money.notice.title_required': 'Please enter a title for the notice (up to {max} characters).',
  'money.notice.body_too_long': 'Please keep the notice within {max} characters.',
  'money.notice.personal_needs_user':
    'A personal notice goes to exactly one user; other notices go to everyone or to a role.',
  'money.notice.bad_role': 'A notice cannot be addressed to that role.',
  'money.notice.kind.announcement': 'Announcement',
  'money.notice.kind.product': 'Product news',
  'money.notice.kind.maintenance': 'Maintenance',
  'money.notice.kind.personal': 'Personal notice',

  'money.alerts.bad_skills': 'Please list at most {max} skills, each up to {length} characters.',
  'money.alerts.bad_prefecture': 'We could not find a prefecture called “{prefecture}” (e.g. 東京都, 大阪).',
  'money.alerts.bad_min_reward': 'The minimum reward must be a whole number of yen, 0 or more.',
  'money.alerts.bad_platform': 'Alerts can go to the console, Slack, Discord or LINE.',
  'money.alerts.platform_not_linked':
    '{platform} is not linked yet, so alerts cannot go there. Please link {platform} with this bot first.',
  'money.alerts.bad_time': 'We could not read “{time}” as a time. Please write it like “22:00”.',
  'money.alerts.quiet_needs_both':
    'Quiet hours need both a start and an end (leave both empty to turn them off).',
  'money.alerts.quiet_same_time': 'Quiet hours must start and end at different times.',
  'money.platform.console': 'Console',
  'money.platform.slack': 'Slack',
  'money.platform.discord': 'Discord',
  'money.platform.line': 'LINE',
} as const;
