/**
 * The lists of a profile, one item at a time (commands/market-profile-items.ts, commands/flows/career.ts):
 * skills, qualifications, career entries (経歴) and hobbies (趣味).
 */
export const marketItemsJa = {
  'cmd.career.summary': '経歴を一覧・追加・変更・削除します(追加は質問に順番に答える形式です)',
  'cmd.hobbies.summary': '趣味を一覧・追加・削除します',
  'market.items.thing.skill': 'スキル',
  'market.items.thing.qualification': '資格',
  'market.items.thing.career': '経歴',
  'market.items.command.skill': 'スキル',
  'market.items.command.qualification': '資格',
  'market.items.command.career': '経歴',
  // Refusals
  'market.item_not_found':
    '[E481] {thing} #{id} は見つかりませんでした。「{command}」で番号をご確認ください。',
  'market.item_not_yours':
    '[E482] {thing} #{id} はほかの方の登録内容のため、変更・削除できません。ご自分の番号は「{command}」でご確認ください。',
  'market.skill_level_required':
    '[E483] 新しいスキル「{name}」にはレベル(1〜5)を付けてください(例: {name}:3)。',
  'market.career_url_invalid':
    '[E484] URLは http:// または https:// で始まる形で、{max}文字以内で入力してください(例: https://example.com/works)。',
  'market.hobby_invalid': '[E485] 趣味は1件あたり1〜{max}文字で入力してください。',
  'market.hobby_duplicate': '[E486] 趣味「{name}」はすでに登録されています。',
  'market.hobby_not_found':
    '[E487] 「{input}」に当たる趣味が見つかりませんでした。「趣味」で番号をご確認ください。',
  'market.too_many_hobbies': '[E488] 趣味は{max}件まで登録できます。',
  'market.career_end_invalid':
    '[E489] 終了年月は「2024-03」のように入力するか、今も続いている場合は「現在」と送ってください。',
  'market.career_required':
    '[E490] {field}は空にできません。新しい内容を送るか、「スキップ」でそのままにしてください。',
  'market.skill_not_listed':
    '[E491] スキル「{name}」は登録されていません。「スキル」で番号をご確認ください。',
  // A files question of a guided flow that takes a set number of files (src/chat/flow.ts).
  'flow.files_too_many': 'ここで添付できるファイルは{max}件までです。',
  // Usage
  'market.items.usage.career':
    '「経歴 追加」で質問に順番に答えて登録します(ファイルを添えて送ると、そのまま添付になります)。「経歴 番号」で詳細と添付ファイル、「経歴 変更 番号」で変更、「経歴 削除 番号」で削除します。',
  'market.items.usage.hobbies':
    '「趣味 追加 登山」で1件ずつ追加し、「趣味 削除 番号」または「趣味 削除 登山」で削除します。',
  'market.items.profile_hint':
    'スキル・資格・経歴・趣味は「スキル」「資格」「経歴」「趣味」で1件ずつ追加・変更・削除できます。',
  // Skills
  'market.items.skills.title': '登録済みのスキル({count}件)',
  'market.items.skill_note': '{skill}({note})',
  'market.items.skill_added': 'スキル「{name}」を追加しました(#{id})。',
  'market.items.skill_changed': 'スキル「{name}」(#{id})を更新しました。',
  'market.items.skill_unchanged':
    'スキル「{name}」(#{id})はすでに登録されています。変えるときは「スキル 変更 {id} レベル:経験年数 メモ」と送ってください。',
  'market.items.skill_removed': 'スキル「{name}」(#{id})を削除しました。',
  'market.items.skill_level_prompt': '「{name}」のレベルを選んでください(1: 初級 〜 5: 専門家レベル)。',
  'market.items.skill_level': 'Lv{level}',
  // Qualifications
  'market.items.qualification_changed': '資格 #{id} を更新しました: {label}',
  // Career
  'market.items.career.title': '経歴({count}件)',
  'market.items.career.none': '経歴はまだ登録されていません。「経歴 追加」で登録できます。',
  'market.items.career.added': '経歴 #{id} を登録しました。',
  'market.items.career.updated': '経歴 #{id} を更新しました。',
  'market.items.career.removed': '経歴 #{id}({company})を削除しました。',
  'market.items.career.field.category': '分野',
  'market.items.career.field.period': '期間',
  'market.items.career.field.period_from': '開始年月',
  'market.items.career.field.period_to': '終了年月',
  'market.items.career.field.company': '会社・取引先',
  'market.items.career.field.work': '業務内容',
  'market.items.career.field.url': 'URL',
  'market.items.career.field.role': '役割',
  'market.items.career.field.stack': '使用環境・ツール',
  'market.items.career.field.team_size': 'チーム人数',
  'market.items.career.field.attachment': '添付',
  'market.items.career.period_value': '{from}〜{to}',
  'market.items.career.team_size': '{count}人',
  'market.items.career.attachment_line': '{name}(「経歴 {id}」で受け取れます)',
  'market.items.career.category.dev': '開発',
  'market.items.career.category.design': 'デザイン',
  'market.items.career.category.office': '事務',
  'market.items.career.category.translation': '翻訳',
  'market.items.career.category.writing': 'ライティング',
  'market.items.career.category.other': 'その他',
  'market.items.career.ask.category':
    '経歴の分野を選ぶか、入力してください(例: 開発、デザイン、事務、翻訳)。{hint}',
  'market.items.career.ask.period_from': '開始年月を入力してください(例: 2023-04)。{hint}',
  'market.items.career.ask.period_to':
    '終了年月を入力してください(例: 2024-03)。今も続いている場合は「現在」と送ってください。{hint}',
  'market.items.career.ask.company':
    '会社名・取引先を入力してください(個人のお客様の場合は「個人のお客様」など)。{hint}',
  'market.items.career.ask.work': '業務内容を入力してください。{hint}',
  'market.items.career.ask.url':
    '成果物や紹介ページのURLがあれば入力してください(http:// または https:// で始まるもの)。{hint}',
  'market.items.career.ask.role': '役割を入力してください(例: リーダー、デザイナー)。{hint}',
  'market.items.career.ask.stack': '使用環境・ツールを入力してください(例: TypeScript、Figma)。{hint}',
  'market.items.career.ask.team_size': 'チーム人数を数字で入力してください(例: 5)。{hint}',
  'market.items.career.ask.attachment':
    '資料やポートフォリオのファイルがあれば1件添付してください(なければ「完了」)。',
  'market.items.career.ask.attachment_action': '添付ファイル「{name}」はどうしますか?',
  'market.items.career.optional': '省略する場合は「スキップ」と送ってください。',
  'market.items.career.current':
    '\n現在の内容: {value}\n変更しない場合は「スキップ」、空にする場合は「削除」と送ってください。',
  'market.items.career.current_required':
    '\n現在の内容: {value}\n変更しない場合は「スキップ」と送ってください。',
  'market.items.career.keep_file': 'そのまま',
  'market.items.career.replace_file': '差し替える',
  'market.items.career.remove_file': '削除する',
  // Hobbies
  'market.items.hobbies.title': '趣味({count}件)',
  'market.items.hobbies.none': '趣味はまだ登録されていません。',
  'market.items.hobbies.added': '趣味に「{name}」を追加しました。',
  'market.items.hobbies.removed': '趣味から「{name}」を削除しました。',
} as const;

export const marketItemsEn = {
  'cmd.career.summary': 'List, add, change or remove your career entries (adding asks step by step)',
  'cmd.hobbies.summary': 'List, add or remove your hobbies',
  'market.items.thing.skill': 'skill',
  'market.items.thing.qualification': 'qualification',
  'market.items.thing.career': 'career entry',
  'market.items.command.skill': 'skills',
  'market.items.command.qualification': 'qualification',
  'market.items.command.career': 'career',
  'market.item_not_found': '[E481] There is no {thing} #{id}. Send “{command}” to see the numbers.',
  'market.item_not_yours':
    '[E482] The {thing} #{id} is someone else’s, so you cannot change or remove it. Send “{command}” to see your own numbers.',
  'market.skill_level_required':
    '[E483] Please give the new skill “{name}” a level from 1 to 5 (e.g. {name}:3).',
  'market.career_url_invalid':
    '[E484] Please write the URL starting with http:// or https://, within {max} characters (e.g. https://example.com/works).',
  'market.hobby_invalid': '[E485] Each hobby must be 1–{max} characters.',
  'market.hobby_duplicate': '[E486] “{name}” is already one of your hobbies.',
  'market.hobby_not_found': '[E487] None of your hobbies is “{input}”. Send “hobbies” to see the numbers.',
  'market.too_many_hobbies': '[E488] You can list up to {max} hobbies.',
  'market.career_end_invalid':
    '[E489] Please write the end month as in “2024-03”, or send “present” if the work is still going on.',
  'market.career_required': '[E490] {field} cannot be empty. Send a new value, or “skip” to keep it.',
  'market.skill_not_listed': '[E491] “{name}” is not one of your skills. Send “skills” to see the numbers.',
  'flow.files_too_many': 'You can attach up to {max} file(s) here.',
  'market.items.usage.career':
    'Send “career add” to add an entry step by step (a file sent with it becomes the attachment); “career <number>” shows one with its attachment, “career change <number>” changes it and “career remove <number>” removes it.',
  'market.items.usage.hobbies':
    'Usage: hobbies add <hobby>, or hobbies remove <number or hobby> (e.g. hobbies add hiking).',
  'market.items.profile_hint':
    'Add, change or remove your skills, qualifications, career and hobbies one at a time with “skills”, “qualification”, “career” and “hobbies”.',
  'market.items.skills.title': 'Your skills ({count})',
  'market.items.skill_note': '{skill} ({note})',
  'market.items.skill_added': 'Added the skill “{name}” (#{id}).',
  'market.items.skill_changed': 'Updated the skill “{name}” (#{id}).',
  'market.items.skill_unchanged':
    'The skill “{name}” (#{id}) is already listed. To change it, send “skills change {id} <level>:<years> <note>”.',
  'market.items.skill_removed': 'Removed the skill “{name}” (#{id}).',
  'market.items.skill_level_prompt': 'Please choose a level for “{name}” (1: beginner – 5: expert).',
  'market.items.skill_level': 'Lv{level}',
  'market.items.qualification_changed': 'Qualification #{id} updated: {label}',
  'market.items.career.title': 'Career ({count})',
  'market.items.career.none': 'You have no career entries yet. Send “career add” to add one.',
  'market.items.career.added': 'Career entry #{id} added.',
  'market.items.career.updated': 'Career entry #{id} updated.',
  'market.items.career.removed': 'Career entry #{id} ({company}) removed.',
  'market.items.career.field.category': 'Category',
  'market.items.career.field.period': 'Period',
  'market.items.career.field.period_from': 'Start month',
  'market.items.career.field.period_to': 'End month',
  'market.items.career.field.company': 'Company / client',
  'market.items.career.field.work': 'Work',
  'market.items.career.field.url': 'URL',
  'market.items.career.field.role': 'Role',
  'market.items.career.field.stack': 'Environment / tools',
  'market.items.career.field.team_size': 'Team size',
  'market.items.career.field.attachment': 'Attachment',
  'market.items.career.period_value': '{from} – {to}',
  'market.items.career.team_size': '{count} people',
  'market.items.career.attachment_line': '{name} (send “career {id}” to get it)',
  'market.items.career.category.dev': 'Development',
  'market.items.career.category.design': 'Design',
  'market.items.career.category.office': 'Office work',
  'market.items.career.category.translation': 'Translation',
  'market.items.career.category.writing': 'Writing',
  'market.items.career.category.other': 'Other',
  'market.items.career.ask.category':
    'Choose or type the category of this work (e.g. Development, Design, Office work, Translation).{hint}',
  'market.items.career.ask.period_from': 'When did it start? (e.g. 2023-04){hint}',
  'market.items.career.ask.period_to':
    'When did it end? (e.g. 2024-03; send “present” if it is still going on){hint}',
  'market.items.career.ask.company': 'Which company or client was it for?{hint}',
  'market.items.career.ask.work': 'What was the work?{hint}',
  'market.items.career.ask.url': 'A page about the work, if any (starting with http:// or https://).{hint}',
  'market.items.career.ask.role': 'What was your role? (e.g. Lead, Designer){hint}',
  'market.items.career.ask.stack': 'Which environment or tools did you use? (e.g. TypeScript, Figma){hint}',
  'market.items.career.ask.team_size': 'How many people were on the team? (a number){hint}',
  'market.items.career.ask.attachment':
    'Attach one file (a document or portfolio) if you like, or send “done”.',
  'market.items.career.ask.attachment_action': 'What should happen to the attachment “{name}”?',
  'market.items.career.optional': ' Send “skip” to leave it out.',
  'market.items.career.current': '\nNow: {value}\nSend “skip” to keep it, or “clear” to empty it.',
  'market.items.career.current_required': '\nNow: {value}\nSend “skip” to keep it.',
  'market.items.career.keep_file': 'Keep it',
  'market.items.career.replace_file': 'Replace it',
  'market.items.career.remove_file': 'Remove it',
  'market.items.hobbies.title': 'Your hobbies ({count})',
  'market.items.hobbies.none': 'You have no hobbies listed yet.',
  'market.items.hobbies.added': 'Added “{name}” to your hobbies.',
  'market.items.hobbies.removed': 'Removed “{name}” from your hobbies.',
} as const;
