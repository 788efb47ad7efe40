/** Japanese messages `job.*`: job notice fields and statuses (募集案件). */
export const job = {
  'job.title_required': '募集案件のタイトルを入力してください(200文字以内)。',
  'job.bad_reward': '報酬は1円以上の整数で入力してください。単価制の場合は単価と数量を指定してください。',
  'job.bad_openings': '募集人数は1名以上で指定してください。',
  'job.deadline_in_past': '応募締切には現在より後の日時を指定してください。',
  'job.due_in_past': '納期には現在より後の日付を指定してください。',
  'job.due_before_deadline': '納期は応募締切より後の日付にしてください。',
  'job.not_open': 'この募集案件は現在募集していません。',
  'job.deadline_passed': 'この募集案件の応募締切は過ぎています。',
  'job.wrong_state': 'この募集案件は「{status}」のため、この操作はできません。',
  'job.status.draft': '下書き',
  'job.status.open': '募集中',
  'job.status.closed': '募集終了',
  'job.status.cancelled': '中止',
} as const;
