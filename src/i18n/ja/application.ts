/** Japanese messages `application.*`: applications and their statuses (応募). */
export const application = {
  'application.duplicate': 'この募集案件にはすでに応募済みです。応募状況は「応募一覧」でご確認いただけます。',
  'application.wrong_state': 'この応募は現在「{status}」のため、この操作はできません。',
  'application.openings_full': '募集人数({openings}名)に達しているため、これ以上採用できません。',
  'application.not_accepted': '作業を開始できるのは、採用が決まった応募だけです。',
  'application.no_work_files':
    '作業ファイルがまだ渡されていないため、作業を開始できません。担当者からの連絡をお待ちください。',
  'application.reason_required': '理由を入力してください。',
  'application.message_too_long': 'メッセージは{max}文字以内で入力してください。',
  'application.status.applied': '応募済み',
  'application.status.accepted': '採用',
  'application.status.rejected': '不採用',
  'application.status.withdrawn': '辞退',
  'application.status.working': '作業中',
  'application.status.delivered': '納品済み(検収待ち)',
  'application.status.revision_requested': '修正依頼中',
  'application.status.approved': '検収完了',
  'application.status.cancelled': 'キャンセル',
} as const;
