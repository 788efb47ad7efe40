/**
 * Messages of the account commands (docs/domain.md §4, §3.5). The numbered refusals (E1xx) and the
 * link/invite confirmations live in identity.ts; these are what the commands add around them.
 */
export const cmdAccountJa = {
  'cmd.link.summary': '別のアプリを連携するコードを発行します(「連携 コード」で連携します)',
  'cmd.accounts.summary': '連携しているアプリの一覧を表示します',
  'cmd.unlink.summary': 'アプリとの連携を解除します',
  'cmd.join.summary': '招待コードで参加します',
  'cmd.invite.summary': '招待コードを作成します(社員)',
  'cmd.company.summary': '会社を名前やURLで探して参加するか、会社の情報を表示します',
  'cmd.company-join.summary': '登録されている会社に参加します',
  'cmd.company-register.summary': '会社を新しく登録して参加します',

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

export const cmdAccountEn = {
  'cmd.link.summary': 'Issues a code to link another app (then send “link CODE” there)',
  'cmd.accounts.summary': 'Lists the apps linked to your account',
  'cmd.unlink.summary': 'Unlinks an app',
  'cmd.join.summary': 'Joins with an invitation code',
  'cmd.invite.summary': 'Creates an invitation code (staff)',
  'cmd.company.summary': 'Finds a company by name or URL to join it, or shows its page',
  'cmd.company-join.summary': 'Joins a registered company',
  'cmd.company-register.summary': 'Registers a new company and joins it',

  'account.usage.unlink': 'Usage: unlink <link ID> (e.g. unlink #5). See the IDs with “accounts”.',
  'account.usage.join': 'Usage: join <invitation code> (e.g. join ABCD2345EF).',
  'account.usage.invite':
    'Usage: invite <role> [company ID]. The role is worker, client, customer, staff or admin (e.g. invite customer #3).',
  'account.usage.company':
    'Usage: company <part of the name, URL or company ID> (e.g. company Sound, company #3).',
  'account.usage.company-join': 'Usage: company-join <company ID> (e.g. company-join #3).',
  'account.usage.company-register':
    'Usage: send just “company-register” and I will ask for the logo, URL, name, introduction, address, phone and e-mail one by one. On one line: “company-register URL / name / e-mail / phone / address / introduction”, separated by “ / ” (phone and what follows may be left out).',

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
  'account.joined_next': 'Send “help” to see the commands you can use.',
  'account.invite_for': 'Whoever joins with this code becomes “{role}”. It can be used once.',
  'account.company.title': 'Companies found ({count})',
  'account.company.joined': 'You have joined company #{id} {name}.',
  'account.company.registered': 'Registered company #{id} {name} (URL: {slug}) and joined it.',
} as const;
