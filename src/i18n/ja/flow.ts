/** Japanese messages `flow.*`: guided flows: prompts, field labels, confirmation, cancelling. */
export const flow = {
  'flow.identity.kind': '提出する書類の種類を選んでください。',
  'flow.identity.files':
    '書類の写真またはPDFを送ってください(表裏がある場合は両面、最大4件)。送り終えたら「完了」と送ってください。',
  'flow.identity.reason': '差し戻しの理由を入力してください。提出者にそのまま届きます。',
  'flow.label.document_kind': '書類',
  'flow.label.pages': '添付',
  'flow.label.reason': '理由',
  'flow.bank.bank':
    '金融機関を選ぶか、金融機関名または4桁の金融機関コードを入力してください(例: みずほ、京都信金、0001)。',
  'flow.bank.branch': '{bank}の支店名、または3桁の支店番号(店番)を入力してください(例: 渋谷、135)。',
  'flow.bank.the_bank': '金融機関',
  'flow.bank.type': '{branch} の預金種目を選んでください。',
  'flow.bank.number':
    '口座番号(7桁)を入力してください。7桁に満たない場合は先頭に0を付けてください(例: 0123456)。',
  'flow.bank.holder': '口座名義をカタカナで入力してください(例: ヤマダ タロウ)。',
  'flow.bank.bank_not_found':
    '「{input}」に該当する金融機関が見つかりませんでした。「銀行」などを除いた名前か、4桁の金融機関コードで入力してください。',
  'flow.bank.bank_candidates':
    '「{input}」に該当する金融機関が複数あります。次の中から4桁のコードで入力してください: {list}',
  'flow.bank.branch_not_found':
    '{bank}に「{input}」に該当する支店が見つかりませんでした。支店名か、通帳に記載の3桁の支店番号で入力してください。',
  'flow.bank.branch_candidates':
    '「{input}」に該当する支店が複数あります。次の中から3桁の支店番号で入力してください: {list}',
  'flow.bank.more': '、ほか{count}件',
  'flow.started': '順番にお伺いします。途中でやめるときは「キャンセル」と送ってください。',
  'flow.cancelled': '入力を中止しました。',
  'flow.nothing_to_cancel': '中止する入力はありません。「ヘルプ」で使えるコマンドを表示します。',
  'flow.expired': '前回の入力は24時間が過ぎたため破棄しました。',
  'flow.confirm': '以下の内容でよろしいですか?',
  'flow.confirm_or_cancel': '「はい」で確定、「キャンセル」で中止します。',
  'flow.text_required': '内容を入力してください(4,000文字以内)。',
  'flow.number_required': '数字で入力してください。',
  'flow.choose_one': '一覧から番号で選んでください。',
  'flow.files_expected': 'ファイルを添付するか、「完了」と送ってください。',
  'flow.files_received': 'ファイルを{count}件受け取りました。ほかにあれば続けて送ってください。',
  'flow.button.start': 'はい',
  'flow.button.cancel': 'キャンセル',
  'flow.button.skip': 'スキップ',
  'flow.button.done': '完了',
  'flow.inquiry.category': 'お問い合わせの種類を選んでください。',
  'flow.inquiry.subtopic': '内容をもう少し詳しく選んでください。',
  'flow.inquiry.region':
    '店舗のある地域を選んでください。都道府県名(例: 東京、大阪)や市区町村名(例: 横浜)を入力して絞り込むこともできます。すべての店舗から選ぶ場合は「スキップ」と送ってください。',
  'flow.inquiry.region_choice': '{region}({count}店舗)',
  'flow.inquiry.region_not_found':
    '「{input}」に該当する地域・店舗はありません。一覧から番号で地域を選ぶか、「スキップ」ですべての店舗から選んでください。',
  'flow.inquiry.store':
    '対象の店舗を選ぶか、店舗名・市区町村名・都道府県名の一部(例: 渋谷、東京)を入力してください。一覧にない店舗は、店舗名などを入力して探せます。',
  'flow.inquiry.store_not_found':
    '「{input}」に該当する店舗が見つかりませんでした。一覧から番号で選ぶか、店舗名・市区町村名・都道府県名・地域名(例: 渋谷、東京、関東)で入力してください。',
  'flow.inquiry.store_not_in_region':
    '「{input}」に該当する店舗は「{region}」の中にありません。一覧から番号で選ぶか、別の言葉でお試しください。地域を選び直す場合は「キャンセル」してから、もう一度「問い合わせ」と送ってください。',
  'flow.inquiry.store_other_region':
    '「{input}」に該当する店舗は「{region}」の中にはありませんが、ほかの地域に{count}件あります。その店舗を選ぶ場合は「キャンセル」してからもう一度「問い合わせ」と送り、地域で「スキップ」するか、別の地域を選んでください。',
  'flow.inquiry.store_candidates':
    '該当する店舗が複数あります({count}件)。次の番号を入力して選ぶか、もう少し詳しく入力してください。\n{list}',
  'flow.inquiry.store_candidates_more': 'ほか{count}件',
  'flow.inquiry.store_number': '店舗の番号は1〜{max}の中から入力してください。',
  'flow.inquiry.comment': 'お問い合わせの内容を入力してください。',
  'flow.inquiry.attachments': '写真や資料があれば添付してください(なければ「完了」)。',
  'flow.inquiry.created': '問い合わせを受け付けました(問い合わせID:{id})。担当者からの返信をお待ちください。',
  'flow.inquiry.show': '問い合わせを見る',
  'flow.label.category': '種類',
  'flow.label.store': '店舗',
  'flow.label.comment': '内容',
  'flow.label.files': '添付',
  'flow.post_job.title': '募集案件のタイトルを入力してください。',
  'flow.post_job.description': '業務内容の説明を入力してください(なければ「スキップ」)。',
  'flow.post_job.category': 'カテゴリを入力してください(例: データ入力。なければ「スキップ」)。',
  'flow.post_job.skills':
    '必要なスキルをカンマまたは「、」で区切って入力してください(例: Excel、タイピング。なければ「スキップ」)。',
  'flow.post_job.place':
    '勤務地を選んでください。在宅業務でない場合は都道府県名(例: 東京都、大阪)を入力してください。',
  'flow.post_job.unknown_prefecture':
    '「{input}」は都道府県として認識できませんでした。「東京都」「大阪」のように入力するか、「在宅」を選んでください。',
  'flow.post_job.reward': '報酬額(円)を入力してください(例: 12000、1.2万)。',
  'flow.post_job.openings': '募集人数を数字で入力してください。',
  'flow.post_job.openings_min': '募集人数は1名以上です。1以上の数字で入力してください。',
  'flow.post_job.deadline':
    '応募締切日を入力してください(例: 2026-12-10、12/10。締切を設けない場合は「スキップ」)。',
  'flow.post_job.due':
    '納期(成果物を納品していただく期日)を入力してください(例: 2027-01-15、1/15)。採用した方への取引条件に記載されます。未定の場合は「スキップ」と送ってください。',
  'flow.apply.message': '応募メッセージがあれば入力してください(なければ「スキップ」)。',
  'flow.deliver.files': '納品ファイルを添付してください。すべて送り終えましたら「完了」と送ってください。',
  'flow.deliver.files_required':
    '納品ファイルがまだ添付されていません。納品するには1件以上のファイルを添付してから「完了」と送ってください。',
  'flow.deliver.note': '検収担当者へのメモがあれば入力してください(なければ「スキップ」)。',
  'flow.label.title': 'タイトル',
  'flow.label.description': '業務内容',
  'flow.label.job_category': 'カテゴリ',
  'flow.label.skills': '必要スキル',
  'flow.label.place': '勤務地',
  'flow.label.reward': '報酬',
  'flow.label.openings': '募集人数',
  'flow.label.deadline': '応募締切',
  'flow.label.job': '募集案件',
  'flow.label.message': 'メッセージ',
  'flow.label.application': '応募',
  'flow.label.note': 'メモ',
  'flow.files_too_many': 'ここで添付できるファイルは{max}件までです。',
  'flow.button.keep': '変更しない',
} as const;
