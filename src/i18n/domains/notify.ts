/** Notification texts, one per outbox type (src/domain/shared.ts NOTIFICATION_TYPES). */
export const notifyJa = {
  'notify.job.alert': '新しい募集案件のお知らせです。',
  'notify.application.received':
    '募集案件 #{jobId} に応募 #{applicationId} が届きました。「applicants {jobId}」で確認できます。',
  'notify.application.accepted':
    '応募 #{applicationId} が採用されました。作業ファイルの受け渡しまでお待ちください。',
  'notify.application.rejected':
    '応募 #{applicationId} は、今回は見送りとなりました。またのご応募をお待ちしております。',
  'notify.application.cancelled': '応募 #{applicationId} はキャンセルされました。',
  'notify.work_files.handed':
    '応募 #{applicationId} の作業ファイル({files}件)が届きました。「start {applicationId}」で作業を開始できます。',
  'notify.question.asked': '応募 #{applicationId} に質問 #{questionId} が届きました。',
  'notify.question.answered': '質問 #{questionId} に回答がありました(応募 #{applicationId})。',
  'notify.delivery.received':
    '応募 #{applicationId} の納品が届きました。「review {applicationId}」で検収してください。',
  'notify.delivery.approved': '応募 #{applicationId} の納品を検収しました。お疲れさまでした。',
  'notify.delivery.revision_requested':
    '応募 #{applicationId} に修正依頼が届きました。内容をご確認のうえ、作業を再開してください。',
  'notify.invoice.item_added':
    '入力請求書に{month}分の項目 #{itemId}({amount})が登録されました。内容をご確認ください。',
  'notify.invoice.item_disputed': '入力請求書の項目 #{itemId}({amount})に異議が出されました: {comment}',
  'notify.payment.statement':
    '{month}分の支払明細書を発行しました。合計 {total}、お支払い予定日は {payDate} です。',
  'notify.inquiry.created': '新しい問い合わせ(問い合わせID:{inquiryId})が届きました。',
  'notify.inquiry.message': '問い合わせID:{inquiryId} に新しいメッセージがあります。',
  'notify.inquiry.status': '問い合わせID:{inquiryId} の状況が「{status}」になりました。',
  'notify.team.invitation': '{inviterName}さんからチーム「{teamName}」への招待が届きました。',
  'notify.team.invitation_decided':
    '{inviteeName}さんがチーム「{teamName}」への招待に回答しました({decision})。',
  'notify.market.message': '{senderName}さんからメッセージが届きました: {excerpt}',
  'notify.market.followed': '{followerName}さんにフォローされました。',
  'notify.notice.published': 'お知らせ: {title}',
  'notify.account.linked': '{platform} との連携が完了しました。',
  'notify.decision.approved': '承認',
  'notify.decision.rejected': '辞退',
  'notify.button.apply': '応募する',
  'notify.button.accept': '採用',
  'notify.button.team_approve': '参加する',
  'notify.button.team_decline': '辞退する',
  'notify.button.open_chat': '会話を開く',
  'notify.button.reject': '不採用',
  'notify.button.applicants': '応募者を見る',
  'notify.button.review': '検収する',
  'notify.button.question': '質問を見る',
  'notify.button.inquiry': '問い合わせを見る',
  'notify.inquiry.message_body': '問い合わせID:{inquiryId} に{author}からメッセージが届きました。\n\n{body}',
  'notify.inquiry.attachments': '添付ファイル: {names}',
  'notify.inquiry.author_staff': 'サポート担当',
  'notify.inquiry.author_customer': 'お客様',
  'notify.button.details': '詳しく見る',
} as const;

export const notifyEn = {
  'notify.job.alert': 'A new job notice for you.',
  'notify.application.received':
    'Application #{applicationId} arrived for job #{jobId}. See it with “applicants {jobId}”.',
  'notify.application.accepted': 'Application #{applicationId} was accepted. Please wait for the work files.',
  'notify.application.rejected':
    'Application #{applicationId} was not selected this time. We hope to see you apply again.',
  'notify.application.cancelled': 'Application #{applicationId} was cancelled.',
  'notify.work_files.handed':
    'Work files ({files}) for application #{applicationId} have arrived. Start with “start {applicationId}”.',
  'notify.question.asked': 'Question #{questionId} arrived on application #{applicationId}.',
  'notify.question.answered': 'Question #{questionId} was answered (application #{applicationId}).',
  'notify.delivery.received':
    'A delivery for application #{applicationId} arrived. Review it with “review {applicationId}”.',
  'notify.delivery.approved': 'Your delivery for application #{applicationId} was approved. Thank you!',
  'notify.delivery.revision_requested':
    'A revision was requested for application #{applicationId}. Please check it and resume work.',
  'notify.invoice.item_added': 'Invoice item #{itemId} ({amount}) for {month} was added. Please check it.',
  'notify.invoice.item_disputed': 'Invoice item #{itemId} ({amount}) was disputed: {comment}',
  'notify.payment.statement': 'Your payment statement for {month} is ready: {total}, paid by {payDate}.',
  'notify.inquiry.created': 'A new inquiry (inquiry ID:{inquiryId}) arrived.',
  'notify.inquiry.message': 'There is a new message on inquiry ID:{inquiryId}.',
  'notify.inquiry.status': 'Inquiry ID:{inquiryId} is now “{status}”.',
  'notify.team.invitation': '{inviterName} invited you to the team “{teamName}”.',
  'notify.team.invitation_decided': '{inviteeName} answered your invitation to “{teamName}” ({decision}).',
  'notify.market.message': 'Message from {senderName}: {excerpt}',
  'notify.market.followed': '{followerName} started following you.',
  'notify.notice.published': 'Notice: {title}',
  'notify.account.linked': 'Your {platform} account is now linked.',
  'notify.decision.approved': 'accepted',
  'notify.decision.rejected': 'declined',
  'notify.button.apply': 'Apply',
  'notify.button.accept': 'Accept',
  'notify.button.team_approve': 'Join',
  'notify.button.team_decline': 'Decline',
  'notify.button.open_chat': 'Open the conversation',
  'notify.button.reject': 'Decline',
  'notify.button.applicants': 'Applicants',
  'notify.button.review': 'Review',
  'notify.button.question': 'See the question',
  'notify.button.inquiry': 'See the inquiry',
  'notify.inquiry.message_body': 'A message from {author} on inquiry ID:{inquiryId}:\n\n{body}',
  'notify.inquiry.attachments': 'Attachments: {names}',
  'notify.inquiry.author_staff': 'support',
  'notify.inquiry.author_customer': 'the customer',
  'notify.button.details': 'Details',
} as const;
