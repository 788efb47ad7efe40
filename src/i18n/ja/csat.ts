/** Japanese messages `csat.*`: 満足度, the customer's rating of a completed inquiry (docs/domain.md §2.11). */
export const csat = {
  'csat.question': '問い合わせID:{id} の対応はいかがでしたか。5段階でご評価ください(5が最も満足です)。',
  'csat.choice.1': '1 とても不満',
  'csat.choice.2': '2 不満',
  'csat.choice.3': '3 ふつう',
  'csat.choice.4': '4 満足',
  'csat.choice.5': '5 とても満足',
  'csat.thanks': '問い合わせID:{id} へのご評価「{rating}」を承りました。ありがとうございます。',
  'csat.comment_prompt':
    'よろしければ、ご感想やご意見をお聞かせください({max}文字まで、任意です)。コメントなしで終えるときは「スキップ」を押してください。',
  'csat.comment_thanks':
    'ご感想をお寄せいただき、ありがとうございました。今後のサポートに活かしてまいります。',
  'csat.comment_cancelled': 'コメントの入力を中止しました。評価は承っています。ありがとうございました。',
  'csat.no_comment_thanks': 'ご評価ありがとうございました。',
  'csat.already_rated':
    '問い合わせID:{id} はすでに「{rating}」とご評価いただいています。評価は一度だけ承っており、変更はできません。ご協力ありがとうございました。',
  'csat.rating': '{stars} ({score})',
  'csat.rating_comment': '{stars} ({score}) 『{comment}』',
  'csat.field': '満足度',
  'csat.not_rated_yet': '未評価',
  'csat.usage.csat': '使い方: 評価 <問い合わせID> <1〜5>(例: 評価 29 5)と送ってください。',
  'csat.not_yours': '[E361] 問い合わせID:{id} を評価できるのは、お問い合わせいただいたご本人のみです。',
  'csat.not_completed':
    '[E362] 問い合わせID:{id} はまだ完了していないため、評価できません。完了のお知らせが届いてからご評価ください。',
  'csat.score_invalid': '[E363] 評価は1〜5の数字でお選びください(5が最も満足です)。',
  'csat.comment_too_long': '[E364] コメントは{max}文字以内で入力してください。',
  'csat.comment_text_only':
    '[E365] コメントは文字で入力してください。コメントなしで終えるときは「スキップ」を押してください。',
  'csat.comment_exists':
    '[E366] 問い合わせID:{id} にはすでにコメントをいただいています。ありがとうございました。',
  'csat.not_rated': '[E367] 問い合わせID:{id} はまだ評価されていません。先に1〜5の評価をお選びください。',
} as const;
