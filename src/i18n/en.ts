/**
 * English catalog: every key of the Japanese one, with the same placeholders (checked by the Catalog
 * type). Each file of en/ holds the keys of one prefix; the few general keys are here.
 */
import { account } from './en/account.ts';
import { apphome } from './en/apphome.ts';
import { application } from './en/application.ts';
import { canned } from './en/canned.ts';
import { checks } from './en/checks.ts';
import { cmd } from './en/cmd.ts';
import { company } from './en/company.ts';
import { compliance } from './en/compliance.ts';
import { csat } from './en/csat.ts';
import { desk } from './en/desk.ts';
import { discord } from './en/discord.ts';
import { error } from './en/error.ts';
import { flow } from './en/flow.ts';
import { help } from './en/help.ts';
import { home } from './en/home.ts';
import { job } from './en/job.ts';
import { jobs } from './en/jobs.ts';
import { link } from './en/link.ts';
import { market } from './en/market.ts';
import { money } from './en/money.ts';
import { notify } from './en/notify.ts';
import { people } from './en/people.ts';
import { profile } from './en/profile.ts';
import { report } from './en/report.ts';
import { sla } from './en/sla.ts';
import { support } from './en/support.ts';
import { work } from './en/work.ts';
import type { Catalog } from './index.ts';

export const en: Catalog = {
  ...account,
  ...application,
  ...apphome,
  ...canned,
  ...checks,
  ...cmd,
  ...company,
  ...csat,
  ...compliance,
  ...desk,
  ...discord,
  ...error,
  ...flow,
  ...help,
  ...home,
  ...job,
  ...jobs,
  ...link,
  ...market,
  ...money,
  ...notify,
  ...people,
  ...profile,
  ...report,
  ...sla,
  ...support,
  ...work,
  forbidden: 'You are not allowed to do that.',
  not_found: 'We could not find that {thing}. Please check the number.',
  'thing.job': 'job notice',
  'thing.application': 'application',
  'thing.question': 'question',
  'thing.account': 'linked account',
  'thing.user': 'user',
  'thing.company': 'company',
  'invite.invalid_code': '[E111] That invitation code is wrong, has expired (7 days) or was already used.',
  'invite.role_not_allowed': '[E112] You are not allowed to create that invitation.',
  'invite.company_required': '[E113] Inviting a customer or client needs a company.',
  'invite.created': 'Invitation code: {code} (valid until {expires}). Ask the person to send “join {code}”.',
  'invite.joined': 'You have joined. Your role: {role}',
  'question.body_required': 'Please enter your question (up to 4,000 characters).',
  'question.answer_required': 'Please enter the answer (up to 4,000 characters).',
  'question.already_answered': 'This question has already been answered.',
  'delivery.files_required': 'Please attach at least one delivered file.',
  'delivery.feedback_required': 'Please describe what needs revising.',
  'file.bad': 'The file “{name}” was not accepted (it is empty or larger than 50 MB).',
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
  'form.submit': 'Submit',
  'form.cancel': 'Cancel',
  'form.title': 'Form',
  'form.choose': 'Choose one',
  'documents.faq': 'Frequently asked questions',
  'documents.terms': 'Terms of use',
  'documents.privacy': 'Personal data',
  'documents.missing': 'This document is not available yet. Please ask us with an inquiry.',
  'common.separator': ', ',
  'welcome.new_user': 'Hello {name}, welcome! I am the work portal bot.',
  'lang.changed': 'Your language is now English.',
  'lang.usage': 'Choose a language with “lang ja” (日本語) or “lang en” (English).',
};
