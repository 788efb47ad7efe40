/** Japanese messages `jobs.*`: the job list (求人). */
export const jobs = {
  'jobs.title': '募集案件({count}件)',
  'jobs.title_at_least': '募集案件({count}件以上)',
  'jobs.empty': '現在、募集中の募集案件はありません。新しい募集案件が公開されたらお知らせします。',
  'jobs.title_keyword': '「{keyword}」の募集案件({count}件)',
  'jobs.empty_keyword':
    '「{keyword}」に合う募集中の募集案件はありません。別の言葉でお探しいただくか、「求人」ですべてご覧ください。',
  'jobs.more': 'ほかに{count}件あります。「jobs {page}」で次のページを表示します。',
  'jobs.field.reward': '報酬',
  'jobs.field.openings': '募集人数',
  'jobs.field.deadline': '応募締切',
  'jobs.field.location': '勤務地',
  'jobs.openings': '{count}名',
  'jobs.remote': '在宅(リモート)',
  'jobs.no_deadline': '定めなし',
  'jobs.button.next': '次のページ',
  'jobs.button.prev': '前のページ',
  'jobs.bad_page': 'ページ番号は1以上の数字で指定してください(例: jobs 2)。',
} as const;
