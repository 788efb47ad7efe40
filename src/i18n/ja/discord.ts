/** Japanese messages `discord.*`: what the Discord adapter says: team news, team threads, forms over several modals. */
export const discord = {
  'discord.news.member_joined': '👋 {name}さんがチーム「{team}」に参加しました。',
  'discord.news.member_left': '{name}さんがチーム「{team}」を離れました。',
  'discord.news.job_match':
    '🆕 チーム「{team}」のスキルに合う募集案件があります: #{id} {title}(「/work job {id}」で詳細)',
  'discord.news.job_status': '📌 チームで担当している募集案件 #{id} {title} は「{status}」になりました。',
  'discord.form_errors': '入力内容をご確認ください。下のボタンから該当のページを開き直して修正できます:',
  'discord.form.saved': 'ここまでの入力を受け付けました。下のボタンから続きを入力してください。',
  'discord.form.continue': '続きを入力 ({page}/{total})',
  'discord.form.fix': '修正する',
  'discord.form.fix_page': '修正する ({page}/{total})',
  'discord.form.check': '次の項目をご確認ください:',
  'discord.form.expired':
    'この入力フォームは有効期限が切れたか、別の入力が始まりました。お手数ですが、もう一度コマンドから始めてください。',
  'discord.form.retry':
    'フォームを開くのが間に合いませんでした。お手数ですが、もう一度ボタンを押してください。',
  'discord.form.hint_date': '例: 2026-12-31',
  'discord.form.hint_yen': '例: 5000',
  'discord.form.hint_number': '例: 3',
  'discord.form.files_kept': 'ファイルを{count}件受け取り済みです(選び直すと置き換わります)。',
  'discord.thread.name': '{who}さんとの会話',
  'discord.thread.opening':
    '💬 {who}さんとの会話です(会話 #{id}{about})。\n{how}\n「//」で始めたメッセージはチーム内のメモとして、Discordにだけ残ります。',
  'discord.thread.about_job': '、募集案件 #{job} {title}',
  'discord.thread.how_mention':
    'お返事はボットにメンションするか、このスレッドのボットのメッセージに返信する形で書いてください。{who}さんがお使いのアプリに届き、届くと ✅ が付きます。',
  'discord.thread.how_plain':
    'このスレッドに書いたお返事は{who}さんがお使いのアプリに届き、届くと ✅ が付きます。',
  'discord.thread.side.client': 'お客様',
  'discord.thread.side.team': 'チーム',
  'discord.thread.not_linked':
    'このDiscordアカウントはまだ連携されていないため、お返事を届けられませんでした。ボットに「連携」と送って、お使いのアカウントと連携してから、もう一度お送りください。',
  'discord.thread.files_not_sent':
    'メッセージではファイルをお送りできないため、添付ファイルは届けていません。',
  'discord.thread.failed': '⚠️ {who}さんにお返事を届けられませんでした({reason})。',
} as const;
