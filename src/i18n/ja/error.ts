/** Japanese messages `error.*`: errors any command may answer. */
export const error = {
  'error.button_expired': 'このボタンは有効期限が切れています。もう一度コマンドを送ってください。',
  'error.bad_id': '「{input}」は番号として読み取れませんでした。「#12」や「12」のように入力してください。',
  'error.bad_amount':
    '「{input}」は金額として読み取れませんでした。「12000」や「12,000円」のように入力してください。',
  'error.bad_date':
    '「{input}」は日付として読み取れませんでした。「2026-12-10」や「12月10日」のように入力してください。',
  'error.unknown_command': '「{input}」というコマンドは見つかりませんでした。',
  'error.did_you_mean': 'もしかして: {suggestions}',
  'error.see_help': '「ヘルプ」と送ると、使えるコマンドの一覧を表示します。',
  'error.not_allowed': 'このコマンドを実行する権限がありません。',
  'error.invitation_only':
    'このサービスは招待制です。担当者から招待コードを受け取り、「参加 招待コード」と送ってください。',
  'error.internal':
    '申し訳ございません。処理中に問題が発生しました。時間をおいて再度お試しください。お問い合わせの際は参照番号 {ref} をお伝えください。',
  'error.empty_message': 'メッセージが空でした。「ヘルプ」と送ると、使えるコマンドを表示します。',
} as const;
