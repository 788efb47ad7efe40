/** English messages `flow.*`: guided flows: prompts, field labels, confirmation, cancelling. */
export const flow = {
  'flow.identity.kind': 'Which document are you sending?',
  'flow.identity.files':
    'Please send photos or a PDF of the document (both sides if it has two; up to 4 files), then send “done”.',
  'flow.identity.reason': 'Please enter the reason for sending it back. The person reads it as written.',
  'flow.label.document_kind': 'Document',
  'flow.label.pages': 'Attached',
  'flow.label.reason': 'Reason',
  'flow.bank.bank':
    'Choose a bank, or type its name or 4-digit bank code (e.g. みずほ, Kyoto Shinkin, 0001).',
  'flow.bank.branch': 'Please type the branch name or its 3-digit branch number at {bank} (e.g. 渋谷, 135).',
  'flow.bank.the_bank': 'the bank',
  'flow.bank.type': 'Please choose the account type at {branch}.',
  'flow.bank.number':
    'Please enter the 7-digit account number (if yours is shorter, add zeros at the front, e.g. 0123456).',
  'flow.bank.holder': 'Please enter the account holder’s name in katakana (e.g. ヤマダ タロウ).',
  'flow.bank.bank_not_found':
    'No bank matches “{input}”. Please type the name without “Bank”, or the 4-digit bank code.',
  'flow.bank.bank_candidates':
    'Several banks match “{input}”. Please type the 4-digit code of one of these: {list}',
  'flow.bank.branch_not_found':
    '{bank} has no branch matching “{input}”. Please type the branch name, or the 3-digit branch number on your passbook.',
  'flow.bank.branch_candidates':
    'Several branches match “{input}”. Please type the 3-digit number of one of these: {list}',
  'flow.bank.more': ', and {count} more',
  'flow.started': 'I will ask step by step. Send “cancel” to stop at any time.',
  'flow.cancelled': 'Stopped. Nothing was saved.',
  'flow.nothing_to_cancel': 'There is nothing in progress to cancel. Send “help” for the commands.',
  'flow.expired': 'Your earlier answers were discarded after 24 hours.',
  'flow.confirm': 'Is this correct?',
  'flow.confirm_or_cancel': 'Send “yes” to submit or “cancel” to stop.',
  'flow.text_required': 'Please type your answer (up to 4,000 characters).',
  'flow.number_required': 'Please answer with a number.',
  'flow.choose_one': 'Please choose one by its number.',
  'flow.files_expected': 'Please attach a file, or send “done”.',
  'flow.files_received': '{count} file(s) received. Send more, or “done”.',
  'flow.button.start': 'Yes',
  'flow.button.cancel': 'Cancel',
  'flow.button.skip': 'Skip',
  'flow.button.done': 'Done',
  'flow.inquiry.category': 'What is your inquiry about?',
  'flow.inquiry.subtopic': 'Please choose a more specific topic.',
  'flow.inquiry.region':
    'Which region is the store in? You can also type a prefecture (e.g. 東京, 大阪) or a city (e.g. 横浜) to narrow the list. Send “skip” to choose from all stores.',
  'flow.inquiry.region_choice': '{region} ({count})',
  'flow.inquiry.region_not_found':
    'No region or store matches “{input}”. Choose a region by its number, or send “skip” to choose from all stores.',
  'flow.inquiry.store':
    'Choose the store, or type part of its name, city or prefecture (e.g. 渋谷, 東京). A store that is not in the list can be found by typing its name.',
  'flow.inquiry.store_not_found':
    'No store matches “{input}”. Choose one by number, or type a store name, city, prefecture or region (e.g. 渋谷, 東京, 関東).',
  'flow.inquiry.store_not_in_region':
    'No store in “{region}” matches “{input}”. Choose one by number or try other words. To choose another region, send “cancel” and start the inquiry again.',
  'flow.inquiry.store_other_region':
    'No store in “{region}” matches “{input}”, but {count} in other regions do. To choose one of those, send “cancel”, start the inquiry again and skip the region or choose another one.',
  'flow.inquiry.store_candidates':
    'Several stores match ({count}). Type the number of the one you mean, or type more of its name.\n{list}',
  'flow.inquiry.store_candidates_more': '{count} more',
  'flow.inquiry.store_number': 'Please type a store number from 1 to {max}.',
  'flow.inquiry.comment': 'Please describe your inquiry.',
  'flow.inquiry.attachments': 'Attach photos or documents if you have any (or send “done”).',
  'flow.inquiry.created': 'Your inquiry was received (inquiry ID:{id}). Our staff will reply here.',
  'flow.inquiry.show': 'View inquiry',
  'flow.label.category': 'Type',
  'flow.label.store': 'Store',
  'flow.label.comment': 'Details',
  'flow.label.files': 'Attachments',
  'flow.post_job.title': 'What is the title of the job notice?',
  'flow.post_job.description': 'Please describe the work (or send “skip”).',
  'flow.post_job.category': 'Please enter a category, e.g. Data entry (or send “skip”).',
  'flow.post_job.skills': 'Please list the required skills, separated by commas (or send “skip”).',
  'flow.post_job.place':
    'Where is the work done? Choose Remote, or type a prefecture (e.g. Tokyo as 東京都).',
  'flow.post_job.unknown_prefecture':
    '“{input}” is not a prefecture we know. Please type one such as 東京都 or 大阪, or choose Remote.',
  'flow.post_job.reward': 'What is the reward in yen? (e.g. 12000 or 1.2万)',
  'flow.post_job.openings': 'How many openings? Please answer with a number.',
  'flow.post_job.openings_min': 'Openings must be 1 or more. Please answer with a number of at least 1.',
  'flow.post_job.deadline':
    'What is the application deadline? (e.g. 2026-12-10 or 12/10; send “skip” for no deadline)',
  'flow.post_job.due':
    'When is the work due (the date the result must be delivered)? (e.g. 2027-01-15 or 1/15) It is stated in the terms sent to the person you accept. Send “skip” if it is not decided yet.',
  'flow.apply.message': 'Add a message to your application if you like (or send “skip”).',
  'flow.deliver.files': 'Please attach the files you are delivering. Send “done” when all are sent.',
  'flow.deliver.files_required':
    'No file is attached yet. A delivery needs at least one file: please attach it, then send “done”.',
  'flow.deliver.note': 'Add a note for the reviewer if you like (or send “skip”).',
  'flow.label.title': 'Title',
  'flow.label.description': 'Description',
  'flow.label.job_category': 'Category',
  'flow.label.skills': 'Skills',
  'flow.label.place': 'Place',
  'flow.label.reward': 'Reward',
  'flow.label.openings': 'Openings',
  'flow.label.deadline': 'Deadline',
  'flow.label.job': 'Job',
  'flow.label.message': 'Message',
  'flow.label.application': 'Application',
  'flow.label.note': 'Note',
  'flow.files_too_many': 'You can attach up to {max} file(s) here.',
  'flow.button.keep': 'Keep',
} as const;
