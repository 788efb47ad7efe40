/** English messages `money.*`: invoices, payment statements, bank accounts and alert settings (請求・支払). */
export const money = {
  'money.bad_month': 'We could not read “{month}” as a month. Please write it like “2026-12”.',
  'money.thing.invoice_item': 'invoice item',
  'money.thing.worker': 'worker',
  'money.thing.application': 'application',
  'money.thing.statement': 'payment statement',
  'money.thing.notice': 'notice',
  'money.thing.user': 'user',
  'money.invoice.bad_amount': 'The amount must be a whole number of yen from ¥1 to ¥{max}.',
  'money.invoice.description_required': 'Please describe the item (up to {max} characters).',
  'money.invoice.comment_required':
    'Please say in a comment what is wrong with the amount (up to {max} characters).',
  'money.invoice.reason_required': 'Please give the reason; the worker reads it as written.',
  'money.invoice.wrong_state': 'This item is “{status}”, so that is not possible.',
  'money.invoice.not_a_worker': 'Invoice items can only be added for people registered as workers.',
  'money.invoice.application_of_other_worker': 'That application is not this worker’s.',
  'money.invoice.application_not_approved':
    'Only an application whose delivery has been approved can be invoiced.',
  'money.invoice.month_closed':
    '{month} is already closed and its payment statement has been issued, so it cannot change. Please choose another month.',
  'money.invoice.status.pending': 'Awaiting confirmation',
  'money.invoice.status.confirmed': 'Confirmed',
  'money.invoice.status.disputed': 'Disputed',
  'money.invoice.status.paid': 'On a payment statement',
  'money.statement.bad_early_pay_date':
    'An earlier pay date must be a bank business day from {from} to {to}, written as YYYY-MM-DD.',
  'money.statement.month_not_over': '{month} has not ended yet, so it cannot be closed.',
  'money.bank.ja_refused':
    'Accounts at JA Bank (agricultural cooperatives and their federations) or JF Marine Bank (fishery cooperatives) cannot receive payments. Please register an account at another bank.',
  'money.bank.japan_post_refused':
    'Accounts at Japan Post Bank (post offices) cannot receive payments. Please register an account at another bank.',
  'money.bank.name_required': 'Please enter the bank name (up to 100 characters).',
  'money.bank.bad_bank_code': 'The bank code must be 4 digits.',
  'money.bank.branch_required': 'Please enter the branch name (up to 100 characters).',
  'money.bank.bad_branch_code': 'The branch code must be 3 digits.',
  'money.bank.unknown_bank_code':
    'There is no bank with the code “{code}”. Please check the 4-digit code on your cash card or passbook.',
  'money.bank.unknown_branch_code':
    '{bank} has no branch with the code “{code}”. Please check the 3-digit branch number on your passbook or cash card.',
  'money.bank.bad_account_type': 'The account type must be ordinary, checking or savings.',
  'money.bank.bad_account_number':
    'The account number must be 7 digits (if yours is shorter, add zeros at the front).',
  'money.bank.bad_holder_name': 'Please enter the account holder’s name in katakana (e.g. ヤマダ タロウ).',
  'money.bank.type.ordinary': 'Ordinary',
  'money.bank.type.checking': 'Checking',
  'money.bank.type.savings': 'Savings',
  'money.notice.bad_kind':
    'A notice must be an announcement, product news, maintenance or a personal notice.',
  'money.notice.title_required': 'Please enter a title for the notice (up to {max} characters).',
  'money.notice.body_too_long': 'Please keep the notice within {max} characters.',
  'money.notice.personal_needs_user':
    'A personal notice goes to exactly one user; other notices go to everyone or to a role.',
  'money.notice.bad_role': 'A notice cannot be addressed to that role.',
  'money.notice.kind.announcement': 'Announcement',
  'money.notice.kind.product': 'Product news',
  'money.notice.kind.maintenance': 'Maintenance',
  'money.notice.kind.personal': 'Personal notice',
  'money.alerts.bad_skills': 'Please list at most {max} skills, each up to {length} characters.',
  'money.alerts.bad_prefecture': 'We could not find a prefecture called “{prefecture}” (e.g. 東京都, 大阪).',
  'money.alerts.bad_min_reward': 'The minimum reward must be a whole number of yen, 0 or more.',
  'money.alerts.bad_platform': 'Alerts can go to the console, Slack, Discord or LINE.',
  'money.alerts.platform_not_linked':
    '{platform} is not linked yet, so alerts cannot go there. Please link {platform} with this bot first.',
  'money.alerts.bad_time': 'We could not read “{time}” as a time. Please write it like “22:00”.',
  'money.alerts.quiet_needs_both':
    'Quiet hours need both a start and an end (leave both empty to turn them off).',
  'money.alerts.quiet_same_time': 'Quiet hours must start and end at different times.',
  'money.platform.console': 'Console',
  'money.platform.slack': 'Slack',
  'money.platform.discord': 'Discord',
  'money.platform.line': 'LINE',
} as const;
