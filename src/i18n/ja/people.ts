/** Japanese messages `people.*`: picking a person by name or number. */
export const people = {
  'people.button.invite': 'チームに招待',
  'people.usage.invite':
    '「チームに招待 ユーザー番号」のように送ってください(例: チームに招待 12)。チームを選ぶ場合は「チームに招待 12 チームのURL」と送ってください。',
  'people.invite.no_team':
    '{who}を招待できるチームがまだありません。「チーム作成 URL チーム名」(例: チーム作成 design-lab デザイン研究会)と送ってチームを作成してから、もう一度お試しください。',
  'people.invite.which': '{who}をどのチームに招待しますか?',
  'people.invite.more':
    'ここにないチームに招待する場合は「チームに招待 #{id} チームのURL」と送ってください。',
  'people.first_message.prompt': '{to}に送るメッセージを入力してください。',
  'people.first_message.to_job': '募集案件 #{job} の掲載者',
  'people.first_message.to_team': 'チーム「{team}」',
  'people.first_message.field.to': '宛先',
  'people.first_message.field.body': 'メッセージ',
  'people.missing': '相手を番号(例: #12)または名前の一部で指定してください。',
  'people.not_found':
    '「{name}」という名前の方が見つかりませんでした。名前の一部か、番号(例: #12)で指定してください。',
  'people.which': '「{name}」に当てはまる方が複数います。どなたですか?',
  'people.which_many':
    '「{name}」に当てはまる方が多いため、最初の{count}名を表示します。どなたですか?(見つからない場合は、名前をもう少し詳しく入力してください)',
} as const;
