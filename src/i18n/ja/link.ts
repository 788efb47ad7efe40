/** Japanese messages `link.*`: linking a platform account (連携). */
export const link = {
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
} as const;
