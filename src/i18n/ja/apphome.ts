/** Japanese messages `apphome.*`: the Slack App Home tab (docs/domain.md §2.14). */
export const apphome = {
  'apphome.title': '{name}さんのホーム',
  'apphome.drawn': '{time} 時点の内容です。タブを開き直すか「更新」を押すと最新になります。',
  'apphome.separator': '・',
  'apphome.refresh': '更新',
  'apphome.mine.title': '担当中の問い合わせ({count}件)',
  'apphome.mine.none': '担当中の問い合わせはありません。',
  'apphome.mine.more':
    'ほか{count}件あります。チャットで「問い合わせ一覧 対応中」と送ると一覧をご覧いただけます。',
  'apphome.unassigned.title': '対応目標が近い未割当の問い合わせ({count}件)',
  'apphome.unassigned.none': '対応目標が近い未割当の問い合わせはありません。',
  'apphome.unassigned.more':
    'ほか{count}件あります。チャットで「問い合わせ一覧 受付中」と送ると一覧をご覧いただけます。',
  'apphome.inquiry.no_target': '対応目標なし',
  'apphome.inquiry.thread': 'スレッドを開く',
  'apphome.applications.title': '判断待ちの応募({count}件)',
  'apphome.applications.none': '判断待ちの応募はありません。',
  'apphome.applications.more':
    'ほか{count}件あります。案件ごとの応募は、チャットで「応募者 <案件番号>」と送るとご覧いただけます。',
  'apphome.applications.since': '応募日: {date}',
  'apphome.deliveries.title': '検収待ちの納品({count}件)',
  'apphome.deliveries.none': '検収待ちの納品はありません。',
  'apphome.deliveries.more':
    'ほか{count}件あります。チャットで「検収 <応募番号>」と送ると納品をご確認いただけます。',
  'apphome.deliveries.since': '納品日: {date}',
  'apphome.disputes.title': '異議が出ている請求明細({count}件)',
  'apphome.disputes.none': '異議が出ている請求明細はありません。',
  'apphome.disputes.more':
    'ほか{count}件あります。チャットで「入力請求書 #<ワーカー番号> <月>」と送るとご確認いただけます。',
  'apphome.disputes.yours': 'あなたが登録',
  'apphome.chat_home':
    'あなたへのお知らせや手続きは、「メッセージ」タブのホームでご覧いただけます。下のボタンを押すか、「ホーム」と送ってください。',
  'apphome.open_home': 'ホームを開く',
  'apphome.unlinked.title': 'ようこそ',
  'apphome.unlinked.body': 'このSlackアカウントは、まだボットのユーザーと連携されていません。',
  'apphome.unlinked.link':
    'LINEなど別のアプリですでにご利用の方は、そちらでボットに「連携」と送って連携コードを受け取り、10分以内にこのアプリの「メッセージ」タブで「連携 <コード>」と送ってください。',
  'apphome.unlinked.invite':
    '招待コードをお持ちの方は、「メッセージ」タブで「参加 <招待コード>」と送ってください。',
  'apphome.unlinked.after': '連携が済みましたら、このタブを開き直すとホームが表示されます。',
} as const;
