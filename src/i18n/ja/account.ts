/** Japanese messages `account.*`: the account: linking platforms, invitations, accounts list (アカウント). */
export const account = {
  'account.usage.unlink':
    '使い方: 連携解除 <連携ID>(例: 連携解除 #5)と送ってください。連携IDは「連携一覧」で確認できます。',
  'account.usage.join': '使い方: 参加 <招待コード>(例: 参加 ABCD2345EF)と送ってください。',
  'account.usage.invite':
    '使い方: 招待 <役割> [会社ID] と送ってください。役割は ワーカー・クライアント・お客様・社員・管理者 のいずれかです(例: 招待 お客様 #3)。',
  'account.usage.company':
    '使い方: 会社 <会社名の一部・URL・会社ID>(例: 会社 サウンド、会社 #3)と送ってください。',
  'account.usage.company-join': '使い方: 会社参加 <会社ID>(例: 会社参加 #3)と送ってください。',
  'account.usage.company-register':
    '使い方: 「会社登録」とだけ送ると、ロゴ・URL・会社名・紹介文・住所・電話番号・メールアドレスを順番にお伺いします。1行で登録する場合は「会社登録 URL / 会社名 / メールアドレス / 電話番号 / 住所 / 紹介文」のように「 / 」で区切って送ってください(電話番号から後は省略できます)。',
  'account.platform.console': 'コンソール',
  'account.platform.slack': 'Slack',
  'account.platform.discord': 'Discord',
  'account.platform.line': 'LINE',
  'account.role.worker': 'ワーカー',
  'account.role.client': 'クライアント',
  'account.role.staff': '社員',
  'account.role.customer': 'お客様',
  'account.role.admin': '管理者',
  'account.link_valid_until': '有効期限は {date} {time} までです(1回のみ使用できます)。',
  'account.accounts.title': '連携しているアプリ({count}件)',
  'account.this_account': ' ← このアプリ',
  'account.linked_on': '連携日: {date}',
  'account.button.accounts': '連携一覧',
  'account.button.link': '別のアプリを連携',
  'account.button.unlink': '連携解除',
  'account.button.help': 'ヘルプ',
  'account.joined_next': '「ヘルプ」と送ると、使えるコマンドを表示します。',
  'account.invite_for': 'この招待コードで参加した方は「{role}」になります。1回のみ使用できます。',
  'account.company.title': '会社の検索結果({count}件)',
  'account.company.joined': '会社 #{id} {name} に参加しました。',
  'account.company.registered': '会社 #{id} {name}(URL: {slug})を登録し、参加しました。',
} as const;
