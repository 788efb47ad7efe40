/** What the platform adapters themselves say (group chats, files they could not take, unsupported input). */
export const platformJa = {
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
  'platform.alt_text': 'ボットからのメッセージがあります。',
  'platform.direct_only':
    'このボットは1対1のトークでご利用いただけます。お手数ですが、ボットを友だち追加して個別のトークからお送りください。\n(This bot works in one-to-one chat. Please add it as a friend and message it directly.)',
  'platform.discord.answered_in_dm': '{user} さん、お返事はダイレクトメッセージでお送りしました。',
  'platform.file_failed': 'ファイルを受け取れませんでした。お手数ですが、もう一度送ってください。',
  'platform.file_too_large': 'ファイルが大きすぎます(50MBまで)。小さくしてからもう一度送ってください。',
  'platform.unsupported':
    'このメッセージには対応していません。文字で入力するか、「ヘルプ」と送って使えるコマンドをご確認ください。',
  'upload.too_large':
    '[E201] 「{name}」は大きすぎるため受け付けられませんでした({limit}MBまで)。小さくするか分けてから、もう一度お送りください。',
  'upload.type_not_allowed':
    '[E202] 「{name}」は受け付けていない種類のファイルです。お送りいただけるのは PDF、画像(JPEG・PNG・GIF・WebP・HEIC)、Word・Excel・PowerPoint、テキスト・CSV、ZIP です。',
  'upload.empty': '[E203] 「{name}」は空のファイルでした。内容を確認して、もう一度お送りください。',
  'upload.failed': '[E204] 「{name}」を受け取れませんでした。お手数ですが、もう一度お送りください。',
  'upload.nothing_kept': 'このメッセージは処理していません。ファイルを直して、もう一度お送りください。',
  'files.link': '📎 {name}: {url} (24時間有効なダウンロードリンクです)',
  'files.too_large_here':
    '📎 {name} はこのアプリでお渡しできない大きさです。お手数ですが、担当者にダウンロードリンクの発行をご依頼ください。',
  'files.no_link':
    '📎 {name} はLINEではお渡しできません(ダウンロード用のアドレスが設定されていません)。Slack・Discord・コンソールのいずれかでご確認いただくか、担当者にお問い合わせください。',
  'files.download': 'ダウンロード',
} as const;

export const platformEn = {
  'discord.news.member_joined': '👋 {name} joined the team “{team}”.',
  'discord.news.member_left': '{name} left the team “{team}”.',
  'discord.news.job_match': '🆕 A job that fits the skills of “{team}”: #{id} {title} (see “/work job {id}”)',
  'discord.news.job_status': '📌 Job #{id} {title}, which the team works on, is now “{status}”.',
  'discord.form_errors': 'Please check what you entered. Use the button below to reopen the page and fix it:',
  'discord.form.saved': 'Saved so far. Please continue with the button below.',
  'discord.form.continue': 'Continue ({page}/{total})',
  'discord.form.fix': 'Fix',
  'discord.form.fix_page': 'Fix ({page}/{total})',
  'discord.form.check': 'Please check:',
  'discord.form.expired':
    'This form has expired, or another one was started. Please start again from the command.',
  'discord.form.retry': 'The form could not be opened in time. Please press the button again.',
  'discord.form.hint_date': 'e.g. 2026-12-31',
  'discord.form.hint_yen': 'e.g. 5000',
  'discord.form.hint_number': 'e.g. 3',
  'discord.form.files_kept': '{count} file(s) received (choosing files again replaces them).',
  'discord.thread.name': 'Conversation with {who}',
  'discord.thread.opening':
    '💬 Conversation with {who} (conversation #{id}{about}).\n{how}\nA message starting with “//” stays in Discord as a note for the team.',
  'discord.thread.about_job': ', job #{job} {title}',
  'discord.thread.how_mention':
    'To answer, mention the bot or reply to one of its messages in this thread. {who} gets your answer in the app they use, and ✅ shows once it is delivered.',
  'discord.thread.how_plain':
    'What you write in this thread reaches {who} in the app they use, and ✅ shows once it is delivered.',
  'discord.thread.side.client': 'client',
  'discord.thread.side.team': 'team',
  'discord.thread.not_linked':
    'This Discord account is not linked yet, so your answer was not delivered. Send “link” to the bot to link it with your account, then send your answer again.',
  'discord.thread.files_not_sent': 'Files cannot be sent in messages, so the attachments were not delivered.',
  'discord.thread.failed': '⚠️ Your answer could not be delivered to {who} ({reason}).',
  'platform.alt_text': 'You have a message from the bot.',
  'platform.direct_only':
    'This bot works in one-to-one chat. Please add it as a friend and message it directly.\n(このボットは1対1のトークでご利用いただけます。)',
  'platform.discord.answered_in_dm': '{user} I have answered you in a direct message.',
  'platform.file_failed': 'We could not receive the file. Please send it again.',
  'platform.file_too_large':
    'The file is too large (50 MB at most). Please make it smaller and send it again.',
  'platform.unsupported':
    'This kind of message is not supported. Please type your request, or send "help" to see the commands.',
  'upload.too_large':
    '[E201] “{name}” is too large to accept ({limit} MB at most). Please make it smaller or split it, and send it again.',
  'upload.type_not_allowed':
    '[E202] “{name}” is not a kind of file we accept. You can send PDF, images (JPEG, PNG, GIF, WebP, HEIC), Word, Excel and PowerPoint documents, text and CSV, and ZIP.',
  'upload.empty': '[E203] “{name}” was empty. Please check it and send it again.',
  'upload.failed': '[E204] We could not receive “{name}”. Please send it again.',
  'upload.nothing_kept': 'This message was not processed. Please fix the file and send it again.',
  'files.link': '📎 {name}: {url} (download link, valid for 24 hours)',
  'files.too_large_here':
    '📎 {name} is too large to hand over in this app. Please ask the person in charge for a download link.',
  'files.no_link':
    '📎 {name} cannot be handed over on LINE (no download address is configured). Please open it on Slack, Discord or the console, or ask the person in charge.',
  'files.download': 'Download',
} as const;
