/** Messages of accounts, linking and invitations (docs/domain.md §4.7). Codes are numbered for support calls. */
export const identityJa = {
  forbidden: 'この操作を行う権限がありません。',
  not_found: 'ご指定の{thing}が見つかりませんでした。番号をご確認ください。',
  'thing.job': '募集案件',
  'thing.application': '応募',
  'thing.question': '質問',
  'thing.account': '連携アカウント',
  'thing.user': 'ユーザー',
  'thing.company': '会社',
  'link.code_issued':
    '連携コードは {code} です。10分以内に、連携したいアプリでこのボットに「連携 {code}」と送ってください。',
  'link.invalid_code':
    '[E101] 連携コードが正しくないか、有効期限(10分)が切れています。もう一度コードを発行してください。',
  'link.locked':
    '[E102] 連携コードの入力に5回失敗したため、このアカウントからの連携を停止しました。お手数ですがサポート担当までご連絡ください。',
  'link.already_linked': '[E103] このアカウントはすでに別のユーザーに連携されています。',
  'link.same_user': 'このアカウントはすでにあなたのユーザーに連携されています。',
  'link.linked': '連携が完了しました。今後は{platform}でもご利用いただけます。',
  'link.last_identity': '[E104] 最後に残った連携は解除できません。',
  'link.unlinked': '{platform}との連携を解除しました。',
  'invite.invalid_code':
    '[E111] 招待コードが正しくないか、有効期限(7日間)が切れているか、すでに使用されています。',
  'invite.role_not_allowed': '[E112] この招待を作成する権限がありません。',
  'invite.company_required': '[E113] お客様・クライアントの招待には会社の指定が必要です。',
  'invite.created':
    '招待コードは {code} です(有効期限: {expires})。招待する方に「参加 {code}」と送っていただくようお伝えください。',
  'invite.joined': '参加が完了しました。あなたの役割: {role}',
  'company.slug_invalid':
    '会社のURLは半角の英字・数字・ハイフンの3〜32文字で、先頭と末尾は英数字にしてください。',
  'company.slug_taken': 'そのURLはすでに使われています。別のURLを指定してください。',
} as const;

export const identityEn = {
  forbidden: 'You are not allowed to do that.',
  not_found: 'We could not find that {thing}. Please check the number.',
  'thing.job': 'job notice',
  'thing.application': 'application',
  'thing.question': 'question',
  'thing.account': 'linked account',
  'thing.user': 'user',
  'thing.company': 'company',
  'link.code_issued':
    'Your link code is {code}. Within 10 minutes, send “link {code}” to this bot from the app you want to link.',
  'link.invalid_code': '[E101] That link code is wrong or has expired (10 minutes). Please issue a new code.',
  'link.locked': '[E102] Linking from this account is locked after 5 wrong codes. Please contact support.',
  'link.already_linked': '[E103] This account is already linked to another user.',
  'link.same_user': 'This account is already linked to you.',
  'link.linked': 'Linked. You can now also use the bot on {platform}.',
  'link.last_identity': '[E104] You cannot unlink your last remaining account.',
  'link.unlinked': 'Unlinked {platform}.',
  'invite.invalid_code': '[E111] That invitation code is wrong, has expired (7 days) or was already used.',
  'invite.role_not_allowed': '[E112] You are not allowed to create that invitation.',
  'invite.company_required': '[E113] Inviting a customer or client needs a company.',
  'invite.created': 'Invitation code: {code} (valid until {expires}). Ask the person to send “join {code}”.',
  'invite.joined': 'You have joined. Your role: {role}',
  'company.slug_invalid':
    'A company URL must be 3–32 letters, digits or hyphens, starting and ending with a letter or digit.',
  'company.slug_taken': 'That URL is already taken. Please choose another.',
} as const;
