/**
 * Messages of the support desk (docs/domain.md §2): 問い合わせ, 店舗, 担当営業, サポート担当. Refusals are
 * numbered E3xx for support calls.
 */
export const supportJa = {
  'support.status.received': '受付中',
  'support.status.in_progress': '対応中',
  'support.status.completed': '完了',
  'support.staff_role.sales_rep': '担当営業',
  'support.staff_role.support': 'サポート担当',
  'support.inquiry_label': '問い合わせID:{id}',
  'support.call_centre_hours':
    'お急ぎの場合はコールセンターまでお電話ください。受付時間は平日9:30〜20:00、土日祝日9:30〜18:00です(年末年始を除きます)。',
  'support.company_not_found': '[E301] ご指定の会社が見つかりませんでした。',
  'support.store_not_found':
    '[E302] ご指定の店舗が見つかりませんでした。店舗名や地域で検索し直してください。',
  'support.category_not_found': '[E303] ご指定のカテゴリが見つかりませんでした。一覧から選び直してください。',
  'support.subtopic_mismatch':
    '[E304] 選択された内容はこのカテゴリにはありません。一覧から選び直してください。',
  'support.store_required':
    '[E305] このカテゴリのお問い合わせには店舗の指定が必要です。店舗を選んでください。',
  'support.comment_required': '[E306] コメントを入力してください。',
  'support.comment_too_long': '[E307] コメントは{max}文字以内で入力してください。',
  'support.too_many_attachments': '[E308] 一度に添付できるファイルは{max}件までです。',
  'support.inquiry_not_found': '[E309] 問い合わせID:{id} が見つかりませんでした。番号をご確認ください。',
  'support.inquiry_completed':
    '[E310] 問い合わせID:{id} は完了しているため、コメントできません。続きのご相談は、この問い合わせを参照して新しい問い合わせを作成してください。',
  'support.already_completed': '[E311] 問い合わせID:{id} はすでに完了しています。',
  'support.reference_not_completed':
    '[E312] 参照できるのは、同じ会社の完了した問い合わせのみです(問い合わせID:{id})。番号をご確認ください。',
  'support.not_staff_member': '[E313] 担当営業・サポート担当に指定できるのは社員のみです。',
  'support.store_name_required': '[E314] 店舗名を200文字以内で入力してください。',
  'support.prefecture_invalid': '[E315] 都道府県名が正しくありません(例: 東京都、大阪府)。',
  'support.region_invalid': '[E316] 地域名を50文字以内で入力してください。',
  'support.period_invalid':
    '[E317] 期間は「2026-11-01」の形式で、開始日が終了日より前になるよう指定してください。',
  'support.notify.created': '新しい問い合わせ(問い合わせID:{id})が届きました。',
  'support.notify.message': '問い合わせID:{id} に新しいコメントが届きました。',
  'support.notify.status': '問い合わせID:{id} のステータスが「{status}」になりました。',
} as const;

export const supportEn = {
  'support.status.received': 'Received',
  'support.status.in_progress': 'In progress',
  'support.status.completed': 'Completed',
  'support.staff_role.sales_rep': 'Sales rep',
  'support.staff_role.support': 'Support',
  'support.inquiry_label': 'Inquiry ID:{id}',
  'support.call_centre_hours':
    'For urgent matters, please call our call centre: weekdays 9:30–20:00, weekends and public holidays 9:30–18:00 (closed over the New Year holidays).',
  'support.company_not_found': '[E301] We could not find that company.',
  'support.store_not_found':
    '[E302] We could not find that store. Please search again by store name or region.',
  'support.category_not_found': '[E303] We could not find that category. Please choose one from the list.',
  'support.subtopic_mismatch':
    '[E304] That topic is not part of this category. Please choose one from the list.',
  'support.store_required': '[E305] Inquiries in this category need a store. Please choose a store.',
  'support.comment_required': '[E306] Please enter a comment.',
  'support.comment_too_long': '[E307] Comments can be at most {max} characters.',
  'support.too_many_attachments': '[E308] You can attach at most {max} files at a time.',
  'support.inquiry_not_found': '[E309] We could not find inquiry ID:{id}. Please check the number.',
  'support.inquiry_completed':
    '[E310] Inquiry ID:{id} is completed, so no more comments can be added. To follow up, please open a new inquiry that refers to it.',
  'support.already_completed': '[E311] Inquiry ID:{id} is already completed.',
  'support.reference_not_completed':
    '[E312] A new inquiry can only refer to a completed inquiry of your company (inquiry ID:{id}). Please check the number.',
  'support.not_staff_member': '[E313] Only staff members can be assigned as sales rep or support.',
  'support.store_name_required': '[E314] Please enter a store name of up to 200 characters.',
  'support.prefecture_invalid': '[E315] That is not a prefecture (for example 東京都 or 大阪府).',
  'support.region_invalid': '[E316] Please enter a region of up to 50 characters.',
  'support.period_invalid':
    '[E317] Please give the period as dates like 2026-11-01, with the start on or before the end.',
  'support.notify.created': 'A new inquiry has arrived (inquiry ID:{id}).',
  'support.notify.message': 'There is a new comment on inquiry ID:{id}.',
  'support.notify.status': 'Inquiry ID:{id} is now “{status}”.',
} as const;
