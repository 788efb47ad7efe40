/** Japanese messages `desk.*`: the support desk in Slack: cards, threads, relayed replies. */
export const desk = {
  'desk.card.title': '問い合わせID:{id}',
  'desk.card.store': '店舗',
  'desk.card.customer': 'お客様',
  'desk.card.status': '状況',
  'desk.card.assignee': '担当',
  'desk.card.unassigned': '未割当',
  'desk.card.created': '受付日時',
  'desk.card.no_store': '(店舗なし)',
  'desk.card.take': '対応開始',
  'desk.card.resolve': '完了にする',
  'desk.card.hint':
    'このスレッドへの返信はお客様に送信されます。「//」で始まる返信は社内メモとしてSlackにだけ残ります。👀 で対応開始、✅ で完了にできます。',
  'desk.message.customer': '{name}(お客様)',
  'desk.message.staff': '{name}(担当)',
  'desk.message.files': '添付ファイル {count}件',
  'desk.relay.sent': '✅ お客様に{platform}で届けました。',
  'desk.relay.failed': '⚠️ お客様に届けられませんでした({reason})。お客様の連絡先をご確認ください。',
  'desk.relay.note': '🔒 社内メモとして残しました(お客様には送信されません)。',
  'desk.relay.not_staff':
    'この返信はお客様に送信されていません。Slackのアカウントが担当者として登録されていないためです。ボットとのDMで「参加 <招待コード>」または「連携」を送ってください。',
  'desk.platform.line': 'LINE',
  'desk.platform.slack': 'Slack',
  'desk.platform.discord': 'Discord',
  'desk.platform.console': 'コンソール',
} as const;
