/** English messages `discord.*`: what the Discord adapter says: team news, team threads, forms over several modals. */
export const discord = {
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
} as const;
