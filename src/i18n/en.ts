import { checksEn } from './domains/checks.ts';
import { cmdAccountEn } from './domains/cmd-account.ts';
import { cmdMarketEn } from './domains/cmd-market.ts';
import { cmdSupportEn } from './domains/cmd-support.ts';
import { cmdWorkEn } from './domains/cmd-work-en.ts';
import { deskEn } from './domains/desk.ts';
import { flowEn } from './domains/flow.ts';
import { homeEn } from './domains/home.ts';
import { identityEn } from './domains/identity.ts';
import { marketEn } from './domains/market.ts';
import { marketCompanyEn } from './domains/market-company.ts';
import { marketItemsEn } from './domains/market-items.ts';
import { marketProfileEn } from './domains/market-profile.ts';
import { moneyEn } from './domains/money.ts';
import { notifyEn } from './domains/notify.ts';
import { platformEn } from './domains/platform.ts';
import { supportEn } from './domains/support.ts';
import { workEn } from './domains/work.ts';
import type { Catalog } from './index.ts';

/** English catalog: every key of the Japanese one, with the same placeholders (type-checked). */
export const en = {
  ...identityEn,
  ...checksEn,
  ...workEn,
  ...moneyEn,
  ...notifyEn,
  ...flowEn,
  ...platformEn,
  ...deskEn,
  ...homeEn,
  ...cmdWorkEn,
  ...cmdSupportEn,
  ...cmdMarketEn,
  ...cmdAccountEn,
  ...supportEn,
  ...marketEn,
  ...marketCompanyEn,
  ...marketItemsEn,
  ...marketProfileEn,
  'common.separator': ', ',
  'welcome.new_user': 'Hello {name}, welcome! I am the work portal bot.',
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
  'cmd.help.summary': 'Show this help',
  'cmd.lang.summary': 'Switch the language (lang ja / lang en)',
  'cmd.jobs.summary': 'List open job notices',
  'lang.changed': 'Your language is now English.',
  'lang.usage': 'Choose a language with “lang ja” (日本語) or “lang en” (English).',
  'jobs.title': 'Job notices ({count})',
  'jobs.title_at_least': 'Job notices ({count} or more)',
  'jobs.empty': 'There are no open job notices right now. We will let you know when a new one is posted.',
  'jobs.title_keyword': 'Job notices for “{keyword}” ({count})',
  'jobs.empty_keyword':
    'No open job notice matches “{keyword}”. Try another word, or “jobs” to see them all.',
  'jobs.more': '{count} more. Send “jobs {page}” for the next page.',
  'jobs.field.reward': 'Reward',
  'jobs.field.openings': 'Openings',
  'jobs.field.deadline': 'Apply by',
  'jobs.field.location': 'Location',
  'jobs.openings': '{count}',
  'jobs.remote': 'Remote',
  'jobs.no_deadline': 'None',
  'jobs.button.next': 'Next page',
  'jobs.button.prev': 'Previous page',
  'jobs.bad_page': 'Please give a page number of 1 or more (e.g. jobs 2).',
  'error.button_expired': 'This button has expired. Please send the command again.',
  'error.bad_id': 'Could not read “{input}” as a number. Type it like “#12” or “12”.',
  'people.missing': 'Please name the person by number (e.g. #12) or part of their name.',
  'people.not_found':
    'Nobody named “{name}” was found. Please give part of the name, or the number (e.g. #12).',
  'people.which': 'Several people match “{name}”. Which one?',
  'people.which_many':
    'Many people match “{name}”; here are the first {count}. Which one? (If they are not here, type more of the name.)',
  'error.bad_amount': 'Could not read “{input}” as an amount. Type it like “12000” or “12,000円”.',
  'error.bad_date': 'Could not read “{input}” as a date. Type it like “2026-12-10” or “12/10”.',
  'error.unknown_command': 'There is no command “{input}”.',
  'error.did_you_mean': 'Did you mean: {suggestions}',
  'error.see_help': 'Send “help” to see the commands you can use.',
  'error.not_allowed': 'You are not allowed to run this command.',
  'error.invitation_only':
    'This service is by invitation only. Ask your contact for an invitation code and send “join <code>”.',
  'error.internal':
    'Sorry, something went wrong on our side. Please try again later. If you contact us, quote reference {ref}.',
  'error.empty_message': 'Your message was empty. Send “help” to see the commands you can use.',
} as const satisfies Catalog;
