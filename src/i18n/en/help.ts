/** English messages `help.*`: the help menu. */
export const help = {
  'help.title': 'Commands you can use',
  'help.footer': 'Commands work in Japanese or English (e.g. “ヘルプ” or “help”).',
  'help.aliases': 'Also: {aliases}',
  'help.more': 'For one command, send “help <command>” (e.g. help apply). “home” is the place to start.',
  'help.joiner': ', ',
  'help.group.work': 'Work portal (jobs, applications, delivery, invoices)',
  'help.group.staff': 'Work management (posting, review, pay)',
  'help.group.support': 'Support desk',
  'help.group.market': 'Marketplace (messages, teams, profiles)',
  'help.group.account': 'Account and more',
} as const;
