/**
 * Messages of the account commands (DOMAIN.md §4, §3.5). The numbered refusals (E1xx) and the
 * link/invite confirmations live in identity.ts; these are what the commands add around them.
 */
export const cmdAccountJa = {
  'cmd.link.summary': '別のアプリを連携するコードを発行します(「連携 コード」で連携します)',
  'cmd.accounts.summary': '連携しているアプリの一覧を表示します',
  'cmd.unlink.summary': 'アプリとの連携を解除します',
  'cmd.join.summary': '招待コードで参加します',
  'cmd.invite.summary': '招待コードを作成します(社員)',
  'cmd.company.summary': '登録されている会社を名前で検索します',
  'cmd.company-join.summary': '登録されている会社に参加します',
  'cmd.company-register.summary': '会社を新しく登録して参加します',

  'account.usage.unlink':
    '使い方: 連携解除 <連携ID>(例: 連携解除 #5)と送ってください。連携IDは「連携一覧」で確認できます。',
  'account.usage.join': '使い方: 参加 <招待コード>(例: 参加 ABCD2345EF)と送ってください。',
  'account.usage.invite':
    '使い方: 招待 <役割> [会社ID] と送ってください。役割は ワーカー・クライアント・お客様・社員・管理者 のいずれかです(例: 招待 お客様 #3)。',
  'account.usage.company': '使い方: 会社検索 <会社名>(例: 会社検索 サウンド)と送ってください。',
  'account.usage.company-join': '使い方: 会社参加 <会社ID>(例: 会社参加 #3)と送ってください。',
  'account.usage.company-register':
    '使い方: 会社登録 <URL用の英数字> <会社名> <連絡先メールアドレス>(例: 会社登録 soundco 株式会社サウンド info@example.co.jp)と送ってください。',

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
  'account.button.company_join': 'この会社に参加',
  'account.joined_next': '「ヘルプ」と送ると、使えるコマンドを表示します。',
  'account.invite_for': 'この招待コードで参加した方は「{role}」になります。1回のみ使用できます。',
  'account.company.title': '会社の検索結果({count}件)',
  'account.company.none':
    '「{word}」に一致する会社は見つかりませんでした。見つからない場合は「会社登録」で新しく登録してください。',
  'account.company.how_to': 'ご自分の会社があれば「この会社に参加」を押してください。',
  'account.company.joined': '会社 #{id} {name} に参加しました。',
  'account.company.registered': '会社 #{id} {name}(URL: {slug})を登録し、参加しました。',
} as const;

export const cmdAccountEn = {
  'cmd.link.summary': 'Issues a code to link another app (then send “link CODE” there)',
  'cmd.accounts.summary': 'Lists the apps linked to your account',
  'cmd.unlink.summary': 'Unlinks an app',
  'cmd.join.summary': 'Joins with an invitation code',
  'cmd.invite.summary': 'Creates an invitation code (staff)',
  'cmd.company.summary': 'Searches registered companies by name',
  'cmd.company-join.summary': 'Joins a registered company',
  'cmd.company-register.summary': 'Registers a new company and joins it',

  'account.usage.unlink': 'Usage: unlink <link ID> (e.g. unlink #5). See the IDs with “accounts”.',
  'account.usage.join': 'Usage: join <invitation code> (e.g. join ABCD2345EF).',
  'account.usage.invite':
    'Usage: invite <role> [company ID]. The role is worker, client, customer, staff or admin (e.g. invite customer #3).',
  'account.usage.company': 'Usage: company <company name> (e.g. company Sound).',
  'account.usage.company-join': 'Usage: company-join <company ID> (e.g. company-join #3).',
  'account.usage.company-register':
    'Usage: company-register <URL letters and digits> <company name> <contact e-mail> (e.g. company-register soundco Sound Inc. info@example.com).',

  'account.platform.console': 'Console',
  'account.platform.slack': 'Slack',
  'account.platform.discord': 'Discord',
  'account.platform.line': 'LINE',
  'account.role.worker': 'Worker',
  'account.role.client': 'Client',
  'account.role.staff': 'Staff',
  'account.role.customer': 'Customer',
  'account.role.admin': 'Administrator',

  'account.link_valid_until': 'Valid until {date} {time} (single use).',
  'account.accounts.title': 'Linked apps ({count})',
  'account.this_account': ' ← this app',
  'account.linked_on': 'Linked on {date}',
  'account.button.accounts': 'Linked apps',
  'account.button.link': 'Link another app',
  'account.button.unlink': 'Unlink',
  'account.button.help': 'Help',
  'account.button.company_join': 'Join this company',
  'account.joined_next': 'Send “help” to see the commands you can use.',
  'account.invite_for': 'Whoever joins with this code becomes “{role}”. It can be used once.',
  'account.company.title': 'Companies found ({count})',
  'account.company.none': 'No company matches “{word}”. If yours is not registered, use “company-register”.',
  'account.company.how_to': 'If your company is listed, press “Join this company”.',
  'account.company.joined': 'You have joined company #{id} {name}.',
  'account.company.registered': 'Registered company #{id} {name} (URL: {slug}) and joined it.',
} as const;
