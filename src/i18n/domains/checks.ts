/** Messages of the identity check (本人確認), the NDA (機密保持確認) and confidential jobs (機密案件). */
export const checksJa = {
  'cmd.identity.summary': '本人確認の状況を確認し、本人確認書類を提出します(スタッフは確認待ちの一覧)',
  'cmd.identity-submit.summary': '本人確認書類(運転免許証・健康保険証・パスポート・住民票)を提出します',
  'cmd.identity-review.summary': '[スタッフ] 提出された本人確認書類を確認します',
  'cmd.identity-approve.summary': '[スタッフ] 本人確認を確認済みにします',
  'cmd.identity-reject.summary': '[スタッフ] 本人確認書類を理由を添えて差し戻します',
  'cmd.nda.summary': '機密保持に関する確認事項を読み、同意します(スタッフは同意状況の一覧)',
  'cmd.nda-agree.summary': '機密保持に関する確認事項に同意します',

  'checks.kind.drivers_license': '運転免許証',
  'checks.kind.health_insurance': '健康保険証',
  'checks.kind.passport': 'パスポート',
  'checks.kind.residence': '住民票',
  'checks.status.none': '未提出',
  'checks.status.pending': '確認中',
  'checks.status.verified': '確認済み',
  'checks.status.rejected': '差し戻し',

  'checks.identity.title': '本人確認',
  'checks.identity.field.status': '状況',
  'checks.identity.field.kind': '書類',
  'checks.identity.field.submitted': '提出日',
  'checks.identity.field.due': '確認期限',
  'checks.identity.field.decided': '確認日',
  'checks.identity.field.reason': '差し戻しの理由',
  'checks.identity.field.person': '提出者',
  'checks.identity.field.pages': 'ページ',
  'checks.identity.none_hint':
    '機密性の高い案件をお引き受けいただくには、本人確認が必要です。運転免許証・健康保険証・パスポート・住民票のいずれかを、写真またはPDFでご提出ください。',
  'checks.identity.pending_hint':
    '書類を確認しています。通常3〜5営業日で結果をこのトークでお知らせします。提出し直す場合は、下のボタンを押してください。',
  'checks.identity.verified_hint': '本人確認は完了しています。',
  'checks.identity.rejected_hint': '書類を差し戻しました。理由をご確認のうえ、もう一度ご提出ください。',
  'checks.identity.button.submit': '書類を提出する',
  'checks.identity.button.resubmit': '提出し直す',
  'checks.identity.submitted':
    '本人確認書類({kind}、{pages}枚)を受け付けました。確認期限は{due}です。結果はこのトークでお知らせします。お送りいただいた画像は確認が終わりしだい削除します。',
  'checks.identity.bad_kind': '書類の種類を、運転免許証・健康保険証・パスポート・住民票から選んでください。',
  'checks.identity.no_pages': '書類の写真またはPDFを1件以上添付してください。',
  'checks.identity.too_many_pages': '添付できるのは{max}件までです。',
  'checks.identity.bad_type':
    '「{name}」は受け付けられない形式です。写真(JPEG・PNG・HEIC・WebP)またはPDFでお送りください。',
  'checks.identity.already_verified': '本人確認はすでに完了しています。',
  'checks.identity.reason_required': '差し戻しの理由を入力してください(提出者に届きます)。',
  'checks.identity.reason_too_long': '差し戻しの理由は{max}文字以内で入力してください。',
  'checks.identity.not_submitted': 'この方の本人確認書類は提出されていません。',
  'checks.identity.already_decided': 'この本人確認書類はすでに確認済み、または差し戻し済みです。',
  'checks.identity.pending_title': '確認待ちの本人確認({count}件)',
  'checks.identity.pending_none': '確認待ちの本人確認書類はありません。',
  'checks.identity.pending_line': '{kind}・{pages}枚・期限 {due}',
  'checks.identity.button.review': '書類を確認する',
  'checks.identity.button.approve': '確認済みにする',
  'checks.identity.button.reject': '差し戻す(理由を入力)',
  'checks.identity.page_link': '{n}ページ目({name}): {url}',
  'checks.identity.no_links':
    '書類を表示するには PUBLIC_URL の設定が必要です(リンクは1時間有効で、確認後は無効になります)。',
  'checks.identity.links_note':
    'リンクは1時間有効です。確認が終わると書類は削除され、リンクも無効になります。',
  'checks.identity.approved': '{name}さん(#{userId})の本人確認を確認済みにしました。書類は削除しました。',
  'checks.identity.rejected': '{name}さん(#{userId})の本人確認書類を差し戻しました。書類は削除しました。',
  'checks.usage.review': '確認する方の番号を指定してください(例: 本人確認書類 12)。',

  'flow.identity.kind': '提出する書類の種類を選んでください。',
  'flow.identity.files':
    '書類の写真またはPDFを送ってください(表裏がある場合は両面、最大4件)。送り終えたら「完了」と送ってください。',
  'flow.identity.reason': '差し戻しの理由を入力してください。提出者にそのまま届きます。',
  'flow.label.document_kind': '書類',
  'flow.label.pages': '添付',
  'flow.label.reason': '理由',

  'checks.nda.title': '機密保持確認',
  'checks.nda.version': '版: {version}',
  'checks.nda.agreed_current': '{date}にこの版({version})に同意いただいています。',
  'checks.nda.agreed_old':
    '以前の版({old})には同意いただいていますが、内容が更新されました。新しい版をお読みのうえ、あらためて同意してください。',
  'checks.nda.not_agreed': '内容をお読みのうえ、同意いただける場合は「同意する」を押してください。',
  'checks.nda.button.agree': '同意する',
  'checks.nda.done':
    'ありがとうございます。機密保持に関する確認事項(版 {version})への同意を記録しました({date})。',
  'checks.nda.already': 'この版({version})にはすでに同意いただいています({date})。',
  'checks.nda.missing': '機密保持に関する確認事項が設定されていません。運営者にお問い合わせください。',
  'checks.nda.outdated': '確認事項が更新されています。最新の内容をお読みのうえ、あらためて同意してください。',
  'checks.nda.list_title': '機密保持確認の同意状況(現在の版: {version})',
  'checks.nda.list_none': 'まだ誰も同意していません。',
  'checks.nda.list_line': '版 {version}・{date}{outdated}',
  'checks.nda.list_outdated': '(旧版)',

  'checks.confidential.label': '機密案件',
  'checks.confidential.needs':
    'この案件は機密案件のため、詳細の閲覧と応募には本人確認(確認済み)と機密保持確認(最新版への同意)が必要です。',
  'checks.confidential.todo_identity': '本人確認: {status}',
  'checks.confidential.todo_nda': '機密保持確認: {status}',
  'checks.confidential.nda_done': '同意済み',
  'checks.confidential.nda_todo': '未同意',
  'checks.confidential.staff_note':
    'この案件は機密案件です。本人確認と機密保持確認が済んだ方だけが詳細を見て応募できます。',
  'checks.confidential.locked':
    'この案件は機密案件です。本人確認と機密保持確認がお済みの方だけが閲覧・応募できます。',
  'checks.confidential.set': '募集案件 #{id} を機密案件にしました。',
  'checks.confidential.unset': '募集案件 #{id} の機密案件の指定を外しました。',
  'checks.confidential.worker_not_cleared':
    'この方は本人確認または機密保持確認が済んでいないため、機密案件の作業ファイルを渡せません。',
  'cmd.confidential.summary': '[スタッフ] 募集案件を機密案件にする・外す(例: 機密設定 12 on)',
  'checks.usage.confidential': '「機密設定 案件番号 on」または「機密設定 案件番号 off」と送ってください。',

  'notify.identity.submitted':
    '本人確認書類が提出されました: {name}さん(#{userId})、{kindLabel}、{pages}枚。確認期限は{due}です。',
  'notify.identity.verified': '本人確認が完了しました({kindLabel})。お送りいただいた書類は削除しました。',
  'notify.identity.rejected':
    '本人確認書類を差し戻しました({kindLabel})。お手数ですが、理由をご確認のうえ、もう一度ご提出ください。お送りいただいた書類は削除しました。',
  'notify.button.identity_review': '書類を確認する',
  'notify.button.identity_resubmit': '提出し直す',
  'notify.button.nda': '機密保持確認へ',
} as const;

export const checksEn = {
  'cmd.identity.summary': 'See your identity check and send an ID document (staff: the documents to review)',
  'cmd.identity-submit.summary':
    'Send an ID document (driver’s licence, health insurance card, passport or residence certificate)',
  'cmd.identity-review.summary': '[staff] Review a submitted ID document',
  'cmd.identity-approve.summary': '[staff] Mark an identity check as verified',
  'cmd.identity-reject.summary': '[staff] Send an ID document back with the reason',
  'cmd.nda.summary': 'Read and agree to the confidentiality terms (staff: who agreed)',
  'cmd.nda-agree.summary': 'Agree to the confidentiality terms',

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

  'flow.identity.kind': 'Which document are you sending?',
  'flow.identity.files':
    'Please send photos or a PDF of the document (both sides if it has two; up to 4 files), then send “done”.',
  'flow.identity.reason': 'Please enter the reason for sending it back. The person reads it as written.',
  'flow.label.document_kind': 'Document',
  'flow.label.pages': 'Attached',
  'flow.label.reason': 'Reason',

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
  'cmd.confidential.summary': '[staff] Make a job confidential or not (e.g. confidential 12 on)',
  'checks.usage.confidential': 'Send “confidential <job number> on” or “confidential <job number> off”.',

  'notify.identity.submitted':
    'An ID document was submitted: {name} (#{userId}), {kindLabel}, {pages} page(s). Please review it by {due}.',
  'notify.identity.verified':
    'Your identity check is complete ({kindLabel}). The document you sent was deleted.',
  'notify.identity.rejected':
    'Your ID document ({kindLabel}) was sent back. Please read the reason and send it again. The document you sent was deleted.',
  'notify.button.identity_review': 'Review the document',
  'notify.button.identity_resubmit': 'Send again',
  'notify.button.nda': 'Confidentiality terms',
} as const;
