/** English messages `checks.*`: identity checks, the NDA and confidential jobs (本人確認・機密保持). */
export const checks = {
  'checks.kind.drivers_license': 'Driver’s licence',
  'checks.kind.health_insurance': 'Health insurance card',
  'checks.kind.passport': 'Passport',
  'checks.kind.residence': 'Residence certificate',
  'checks.status.none': 'Not submitted',
  'checks.status.pending': 'Being checked',
  'checks.status.verified': 'Verified',
  'checks.status.rejected': 'Sent back',
  'checks.identity.title': 'Identity check',
  'checks.identity.field.status': 'Status',
  'checks.identity.field.kind': 'Document',
  'checks.identity.field.submitted': 'Submitted',
  'checks.identity.field.due': 'Review by',
  'checks.identity.field.decided': 'Decided',
  'checks.identity.field.reason': 'Why it was sent back',
  'checks.identity.field.person': 'Person',
  'checks.identity.field.pages': 'Pages',
  'checks.identity.none_hint':
    'Confidential jobs need an identity check. Please send a driver’s licence, health insurance card, passport or residence certificate as a photo or PDF.',
  'checks.identity.pending_hint':
    'We are checking your document and will tell you the result here, usually within 3–5 business days. To send it again, use the button below.',
  'checks.identity.verified_hint': 'Your identity check is complete.',
  'checks.identity.rejected_hint': 'Your document was sent back. Please read the reason and send it again.',
  'checks.identity.button.submit': 'Send a document',
  'checks.identity.button.resubmit': 'Send again',
  'checks.identity.submitted':
    'We received your ID document ({kind}, {pages} page(s)). We will check it by {due} and tell you the result here. The images are deleted as soon as the check is done.',
  'checks.identity.bad_kind':
    'Please choose the kind of document: driver’s licence, health insurance card, passport or residence certificate.',
  'checks.identity.no_pages': 'Please attach at least one photo or PDF of the document.',
  'checks.identity.too_many_pages': 'You can attach up to {max} files.',
  'checks.identity.bad_type':
    '“{name}” is not a format we accept. Please send a photo (JPEG, PNG, HEIC, WebP) or a PDF.',
  'checks.identity.already_verified': 'Your identity check is already complete.',
  'checks.identity.reason_required': 'Please enter the reason for sending it back (the person reads it).',
  'checks.identity.reason_too_long': 'Please keep the reason within {max} characters.',
  'checks.identity.not_submitted': 'This person has not submitted an ID document.',
  'checks.identity.already_decided': 'This ID document has already been verified or sent back.',
  'checks.identity.pending_title': 'Identity checks to review ({count})',
  'checks.identity.pending_none': 'There are no ID documents to review.',
  'checks.identity.pending_line': '{kind} · {pages} page(s) · by {due}',
  'checks.identity.button.review': 'Review the document',
  'checks.identity.button.approve': 'Mark verified',
  'checks.identity.button.reject': 'Send back (with reason)',
  'checks.identity.page_link': 'Page {n} ({name}): {url}',
  'checks.identity.no_links':
    'Showing the document needs PUBLIC_URL to be set (links last one hour and stop working after the decision).',
  'checks.identity.links_note':
    'Links last one hour. After the decision the document is deleted and the links stop working.',
  'checks.identity.approved':
    'The identity check of {name} (#{userId}) is verified. The document was deleted.',
  'checks.identity.rejected':
    'The ID document of {name} (#{userId}) was sent back. The document was deleted.',
  'checks.usage.review': 'Please give the person’s number (e.g. identity-review 12).',
  'checks.nda.title': 'Confidentiality confirmation',
  'checks.nda.version': 'Version: {version}',
  'checks.nda.agreed_current': 'You agreed to this version ({version}) on {date}.',
  'checks.nda.agreed_old':
    'You agreed to an earlier version ({old}), but the terms have been updated. Please read the new version and agree again.',
  'checks.nda.not_agreed': 'Please read the terms and press “Agree” if you accept them.',
  'checks.nda.button.agree': 'Agree',
  'checks.nda.done':
    'Thank you. Your agreement to the confidentiality terms (version {version}) is recorded ({date}).',
  'checks.nda.already': 'You have already agreed to this version ({version}) on {date}.',
  'checks.nda.missing': 'No confidentiality terms are configured. Please contact the operator.',
  'checks.nda.outdated': 'The terms have been updated. Please read the latest version and agree again.',
  'checks.nda.list_title': 'Agreements to the confidentiality terms (current version: {version})',
  'checks.nda.list_none': 'Nobody has agreed yet.',
  'checks.nda.list_line': 'Version {version} · {date}{outdated}',
  'checks.nda.list_outdated': ' (old version)',
  'checks.confidential.label': 'Confidential',
  'checks.confidential.needs':
    'This is a confidential job: its details and applying need a verified identity check and agreement to the current confidentiality terms.',
  'checks.confidential.todo_identity': 'Identity check: {status}',
  'checks.confidential.todo_nda': 'Confidentiality: {status}',
  'checks.confidential.nda_done': 'agreed',
  'checks.confidential.nda_todo': 'not agreed',
  'checks.confidential.staff_note':
    'This is a confidential job: only people with a verified identity and the current confidentiality agreement see its details and apply.',
  'checks.confidential.locked':
    'This is a confidential job: only people with a verified identity check and the confidentiality agreement can see it and apply.',
  'checks.confidential.set': 'Job #{id} is now confidential.',
  'checks.confidential.unset': 'Job #{id} is no longer confidential.',
  'checks.confidential.worker_not_cleared':
    'This person has not completed the identity check or the confidentiality agreement, so the work files of a confidential job cannot be handed to them.',
  'checks.usage.confidential': 'Send “confidential <job number> on” or “confidential <job number> off”.',
} as const;
