/** Japanese messages `money.*`: invoices, payment statements, bank accounts and alert settings (請求・支払). */
export const money = {
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
  'money.statement.bad_early_pay_date':
    '早めのお支払日は、{from}から{to}までの金融機関の営業日を「YYYY-MM-DD」の形で指定してください。',
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
