/** English messages `account.*`: the account: linking platforms, invitations, accounts list (アカウント). */
export const account = {
  'account.usage.unlink': 'Usage: unlink <link ID> (e.g. unlink #5). See the IDs with “accounts”.',
  'account.usage.join': 'Usage: join <invitation code> (e.g. join ABCD2345EF).',
  'account.usage.invite':
    'Usage: invite <role> [company ID]. The role is worker, client, customer, staff or admin (e.g. invite customer #3).',
  'account.usage.company':
    'Usage: company <part of the name, URL or company ID> (e.g. company Sound, company #3).',
  'account.usage.company-join': 'Usage: company-join <company ID> (e.g. company-join #3).',
  'account.usage.company-register':
    'Usage: send just “company-register” and I will ask for the logo, URL, name, introduction, address, phone and e-mail one by one. On one line: “company-register URL / name / e-mail / phone / address / introduction”, separated by “ / ” (phone and what follows may be left out).',
  'account.platform.console': 'Console',
  'account.platform.slack': 'Slack',
  'account.platform.discord': 'Discord',
  'account.platform.line': 'LINE',
  'account.role.worker': 'Worker',
  'account.role.client': 'Client',
  'account.role.staff': 'Staff',
  'account.role.customer': 'Customer',
  'account.role.admin': 'Administrator',
  'account.link_valid_until': 'Valid until {date} {time} (single use).',
  'account.accounts.title': 'Linked apps ({count})',
  'account.this_account': ' ← this app',
  'account.linked_on': 'Linked on {date}',
  'account.button.accounts': 'Linked apps',
  'account.button.link': 'Link another app',
  'account.button.unlink': 'Unlink',
  'account.button.help': 'Help',
  'account.joined_next': 'Send “help” to see the commands you can use.',
  'account.invite_for': 'Whoever joins with this code becomes “{role}”. It can be used once.',
  'account.company.title': 'Companies found ({count})',
  'account.company.joined': 'You have joined company #{id} {name}.',
  'account.company.registered': 'Registered company #{id} {name} (URL: {slug}) and joined it.',
} as const;
