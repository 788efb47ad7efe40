/**
 * 会社情報 (finding, joining and registering a company step by step, its page) and acting from a list
 * of people (the first message of a conversation, inviting to one's team).
 */
export const marketCompanyJa = {
  'cmd.invite-to-team.summary': '相手をご自分のチームに招待します(チームが複数あれば選べます)',

  // Refusals of the company service
  'company.phone_invalid': '[E428] 電話番号は数字とハイフンで入力してください(10〜15桁、例: 03-1234-5678)。',
  'company.logo_too_large': '[E429] ロゴ画像は{max}MB以内のものを送ってください。',

  // Finding a company
  'company.find.prompt':
    'ご自分の会社を、会社名の一部かURLで探してください(例: 会社 サウンド)。見つからない場合は新しく登録できます。',
  'company.find.none': '「{word}」に一致する会社は見つかりませんでした。',
  'company.find.join_hint': 'ご自分の会社があれば「参加する」を押してください。',
  'company.find.register_hint': 'お探しの会社が登録されていなければ、「新しく登録する」から登録できます。',
  'company.find.url': 'URL: {slug}',
  'company.button.join': '参加する',
  'company.button.register': '新しく登録する',
  'company.button.view': '詳しく見る',

  // The company page
  'company.page.subtitle': '会社 #{id}',
  'company.page.yours': 'あなたが所属している会社です。',
  'company.page.join_hint': 'この会社の方は「参加する」を押してください。',
  'company.field.logo': 'ロゴ',
  'company.field.url': 'URL',
  'company.field.name': '会社名',
  'company.field.introduction': '紹介文',
  'company.field.address': '住所',
  'company.field.phone': '電話番号',
  'company.field.email': 'メールアドレス',
  'company.not_set': '未登録',

  // Registering step by step
  'company.flow.logo':
    '会社のロゴ画像があれば1枚送ってください(PNG・JPEG・GIF・WebP、{max}MBまで)。ロゴがない場合は「完了」を押してください。',
  'company.flow.slug':
    '会社ページのURLに使う名前を、半角の英数字とハイフンで入力してください(3〜32文字、例: sound-life)。登録後は変更できません。',
  'company.flow.name': '会社名を入力してください(例: 株式会社サウンドライフ)。',
  'company.flow.introduction':
    '会社の紹介文を入力してください(2,000文字まで)。なければ「スキップ」を押してください。',
  'company.flow.address':
    '会社の住所を入力してください(例: 東京都千代田区丸の内1-1-1)。なければ「スキップ」を押してください。',
  'company.flow.phone':
    '連絡先の電話番号を入力してください(例: 03-1234-5678)。なければ「スキップ」を押してください。',
  'company.flow.email': '連絡先のメールアドレスを入力してください(例: info@example.co.jp)。',
  'company.flow.logo_one': 'ロゴ画像は1枚だけにしてください。使いたい画像をもう一度1枚だけ送ってください。',

  // Acting from a list of people
  'people.button.invite': 'チームに招待',
  'people.usage.invite':
    '「チームに招待 ユーザー番号」のように送ってください(例: チームに招待 12)。チームを選ぶ場合は「チームに招待 12 チームのURL」と送ってください。',
  'people.invite.no_team':
    '{who}を招待できるチームがまだありません。「チーム作成 URL チーム名」(例: チーム作成 design-lab デザイン研究会)と送ってチームを作成してから、もう一度お試しください。',
  'people.invite.which': '{who}をどのチームに招待しますか?',
  'people.invite.more':
    'ここにないチームに招待する場合は「チームに招待 #{id} チームのURL」と送ってください。',
  'people.first_message.prompt': '{to}に送るメッセージを入力してください。',
  'people.first_message.to_job': '募集案件 #{job} の掲載者',
  'people.first_message.to_team': 'チーム「{team}」',
  'people.first_message.field.to': '宛先',
  'people.first_message.field.body': 'メッセージ',
} as const;

export const marketCompanyEn = {
  'cmd.invite-to-team.summary': 'Invites someone to your team (asks which one if you own several)',

  'company.phone_invalid':
    '[E428] Please enter the phone number in digits and hyphens (10–15 digits, e.g. 03-1234-5678).',
  'company.logo_too_large': '[E429] The logo image must be {max} MB or smaller.',

  'company.find.prompt':
    'Find your company by part of its name or its URL (e.g. company Sound). If it is not there, you can register it.',
  'company.find.none': 'No company matches “{word}”.',
  'company.find.join_hint': 'If your company is listed, press “Join”.',
  'company.find.register_hint': 'If your company is not registered yet, press “Register a new company”.',
  'company.find.url': 'URL: {slug}',
  'company.button.join': 'Join',
  'company.button.register': 'Register a new company',
  'company.button.view': 'Details',

  'company.page.subtitle': 'Company #{id}',
  'company.page.yours': 'This is your company.',
  'company.page.join_hint': 'If you work for this company, press “Join”.',
  'company.field.logo': 'Logo',
  'company.field.url': 'URL',
  'company.field.name': 'Name',
  'company.field.introduction': 'Introduction',
  'company.field.address': 'Address',
  'company.field.phone': 'Phone',
  'company.field.email': 'E-mail',
  'company.not_set': 'Not set',

  'company.flow.logo':
    'If your company has a logo, send one image (PNG, JPEG, GIF or WebP, up to {max} MB). No logo? Press “Done”.',
  'company.flow.slug':
    'Choose the URL name of your company page: letters, digits and hyphens, 3–32 characters (e.g. sound-life). It cannot be changed later.',
  'company.flow.name': 'What is the company name? (e.g. Sound Life Inc.)',
  'company.flow.introduction':
    'Write a short introduction of the company (up to 2,000 characters), or press “Skip”.',
  'company.flow.address': 'What is the company address? (or press “Skip”)',
  'company.flow.phone': 'What is the contact phone number? (e.g. 03-1234-5678, or press “Skip”)',
  'company.flow.email': 'What is the contact e-mail address? (e.g. info@example.com)',
  'company.flow.logo_one': 'Please send only one logo image. Send the one you want to use again.',

  'people.button.invite': 'Invite to team',
  'people.usage.invite':
    'Usage: invite-to-team <user number> [team URL] (e.g. invite-to-team 12, or invite-to-team 12 design-lab).',
  'people.invite.no_team':
    'You have no team to invite {who} to yet. Create one with “team-create <url> <name>” (e.g. team-create design-lab Designers), then try again.',
  'people.invite.which': 'Which team do you want to invite {who} to?',
  'people.invite.more': 'For a team not listed here, send “invite-to-team #{id} <team URL>”.',
  'people.first_message.prompt': 'Type your message to {to}.',
  'people.first_message.to_job': 'the poster of job #{job}',
  'people.first_message.to_team': 'the team “{team}”',
  'people.first_message.field.to': 'To',
  'people.first_message.field.body': 'Message',
} as const;
