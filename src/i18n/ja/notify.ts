/** Japanese messages `notify.*`: notifications: what happened, what the other person wrote, the next step. */
export const notify = {
  'notify.identity.submitted':
    '本人確認書類が提出されました: {name}さん(#{userId})、{kindLabel}、{pages}枚。確認期限は{due}です。',
  'notify.identity.verified': '本人確認が完了しました({kindLabel})。お送りいただいた書類は削除しました。',
  'notify.identity.rejected':
    '本人確認書類を差し戻しました({kindLabel})。お手数ですが、理由をご確認のうえ、もう一度ご提出ください。お送りいただいた書類は削除しました。',
  'notify.button.identity_review': '書類を確認する',
  'notify.button.identity_resubmit': '提出し直す',
  'notify.button.nda': '機密保持確認へ',
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
  'notify.invoice.item_withdrawn': '入力請求書の{month}分の項目 #{itemId}({amount})は取り消されました。',
  'notify.invoice.item_corrected':
    '入力請求書の{month}分の項目 #{itemId} が修正されました({previous} → {amount})。内容をご確認ください。',
  'notify.quote.correction': '修正の理由:',
  'notify.button.confirm_item': '確認する',
  'notify.button.invoice': '入力請求書を見る',
  'notify.invoice.item_to_check':
    '応募 #{applicationId} の検収が済み、入力請求書に{month}分の項目 #{itemId}({amount})を取り決めた報酬額から登録しました。金額と内容をご確認ください。',
  'notify.payment.statement':
    '{month}分の支払明細書を発行しました。合計 {total}、お支払い予定日は {payDate} です。',
  'notify.order.terms_revised':
    '応募 #{applicationId} の取引条件が変わりました(第{version}版)。内容をご確認ください。',
  'notify.button.terms': '取引条件を見る',
  'notify.inquiry.created': '新しい問い合わせ(問い合わせID:{inquiryId})が届きました。',
  'notify.inquiry.created_assigned':
    '新しい問い合わせ(問い合わせID:{inquiryId})が届きました。自動割当により、あなたが担当者になりました。',
  'notify.inquiry.after_hours':
    'お問い合わせありがとうございます(問い合わせID:{inquiryId})。ただいま営業時間外のため、{opensAt}以降に担当者より順次ご返信いたします。{urgent}',
  'notify.inquiry.urgent_phones': 'お急ぎの場合は、コールセンター({phones})までお電話ください。',
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
  'notify.button.notice': 'お知らせを開く',
  'notify.button.application': '応募状況を見る',
  'notify.button.start': '作業を開始する',
  'notify.button.deliver': '納品する',
  'notify.button.answer': '回答する',
  'notify.quote.reason': '理由:',
  'notify.quote.question': '質問:',
  'notify.quote.answer': '回答:',
  'notify.quote.revision': '修正依頼の内容:',
  'notify.quote.delivery_note': 'ワーカーからのメモ:',
  'notify.quote.note': '担当者からのメモ:',
  'notify.quote.more': '(続きは「応募状況を見る」からご覧ください)',
} as const;
