/** Japanese messages `canned.*`: 定型文, the staff's canned replies (docs/domain.md §2.12). */
export const canned = {
  'canned.usage.canned-add':
    '使い方: 定型文登録 <名前> <本文>(例: 定型文登録 お礼 {example})と送ってください。本文には差し込み項目 {placeholders} が使えます。',
  'canned.usage.canned-edit':
    '使い方: 定型文編集 <名前> <新しい本文>(例: 定型文編集 お礼 {example})と送ってください。',
  'canned.usage.canned-en':
    '使い方: 定型文英語 <名前> <英語の本文>(例: 定型文英語 お礼 {example})と送ってください。「定型文英語 <名前> なし」で英語の本文を削除します。',
  'canned.usage.canned-delete': '使い方: 定型文削除 <名前>(例: 定型文削除 お礼)と送ってください。',
  'canned.usage.canned-send':
    '使い方: 定型文送信 <問い合わせID> <名前>(例: 定型文送信 29 お礼)と送ってください。',
  'canned.example': '{customer}様、お問い合わせありがとうございます。担当の{staff}です。',
  'canned.added': '定型文「{name}」を登録しました。',
  'canned.edited': '定型文「{name}」の本文を変更しました。',
  'canned.en_set': '定型文「{name}」の英語の本文を設定しました。英語をお使いのお客様にはこちらを送ります。',
  'canned.en_cleared':
    '定型文「{name}」の英語の本文を削除しました。英語をお使いのお客様にも日本語の本文を送ります。',
  'canned.deleted': '定型文「{name}」を削除しました。',
  'canned.list.title': '定型文({count}件)',
  'canned.list.none': '定型文はまだありません。「定型文登録 <名前> <本文>」で登録してください。',
  'canned.list.ja': '日本語',
  'canned.list.en': '英語',
  'canned.list.en_missing': '(未設定: 日本語の本文を送ります)',
  'canned.list.how_to':
    '問い合わせのSlackスレッドで「定型文 <名前>」と返信するか、スレッドのメッセージのショートカット「定型文を送る」から送れます。Slack以外では「定型文送信 <問い合わせID> <名前>」で送れます。差し込み項目: {placeholders}',
  'canned.sent': '{label} に定型文「{name}」を送りました。',
  'canned.button.list': '定型文一覧',
  'canned.button.show': '表示',
  'canned.name_invalid': '[E371] 定型文の名前は、空白を含まない30文字以内で指定してください。',
  'canned.body_required': '[E372] 定型文の本文を{max}文字以内で入力してください。',
  'canned.unknown_placeholder':
    '[E373] 差し込み項目「{placeholder}」は使えないため、保存しませんでした。使える項目は {known} です。',
  'canned.exists':
    '[E374] 定型文「{name}」はすでにあります。本文を変えるときは「定型文編集 {name} <本文>」と送ってください。',
  'canned.not_found': '[E375] 定型文「{name}」は見つかりませんでした。登録されている定型文は {names} です。',
  'canned.not_found_empty': '[E376] 定型文「{name}」は見つかりませんでした。定型文はまだ登録されていません。',
  'canned.slack.header': '(担当)・定型文「{name}」',
  'canned.slack.usage':
    '定型文を送るときは「定型文 <名前>」とだけ返信してください(このメッセージはお客様に送信されていません)。登録されている定型文: {names}',
  'canned.slack.gone': '選んだ定型文は削除されています。別の定型文を選んでください。',
  'canned.slack.not_in_thread':
    'このショートカットは、問い合わせチャンネルのスレッド内のメッセージで使ってください。',
  'canned.slack.title': '定型文を送る',
  'canned.slack.submit': '送信',
  'canned.slack.close': 'キャンセル',
  'canned.slack.to': '問い合わせID:{id} のお客様({customer}、{language})に、あなたの返信として送ります。',
  'canned.slack.pick': '定型文',
  'canned.slack.none':
    '定型文がまだありません。ボットとのDMで「定型文登録 <名前> <本文>」と送って登録してください。',
} as const;
