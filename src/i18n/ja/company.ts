/** Japanese messages `company.*`: company details (会社情報). */
export const company = {
  'company.slug_invalid':
    '会社のURLは半角の英字・数字・ハイフンの3〜32文字で、先頭と末尾は英数字にしてください。',
  'company.slug_taken': 'そのURLはすでに使われています。別のURLを指定してください。',
  'company.phone_invalid': '[E428] 電話番号は数字とハイフンで入力してください(10〜15桁、例: 03-1234-5678)。',
  'company.logo_too_large': '[E429] ロゴ画像は{max}MB以内のものを送ってください。',
  'company.find.prompt':
    'ご自分の会社を、会社名の一部かURLで探してください(例: 会社 サウンド)。見つからない場合は新しく登録できます。',
  'company.find.none': '「{word}」に一致する会社は見つかりませんでした。',
  'company.find.join_hint': 'ご自分の会社があれば「参加する」を押してください。',
  'company.find.register_hint': 'お探しの会社が登録されていなければ、「新しく登録する」から登録できます。',
  'company.find.url': 'URL: {slug}',
  'company.button.join': '参加する',
  'company.button.register': '新しく登録する',
  'company.button.view': '詳しく見る',
  'company.page.subtitle': '会社 #{id}',
  'company.page.yours': 'あなたが所属している会社です。',
  'company.page.join_hint': 'この会社の方は「参加する」を押してください。',
  'company.field.logo': 'ロゴ',
  'company.field.url': 'URL',
  'company.field.name': '会社名',
  'company.field.introduction': '紹介文',
  'company.field.address': '住所',
  'company.field.phone': '電話番号',
  'company.field.email': 'メールアドレス',
  'company.not_set': '未登録',
  'company.flow.logo':
    '会社のロゴ画像があれば1枚送ってください(PNG・JPEG・GIF・WebP、{max}MBまで)。ロゴがない場合は「完了」を押してください。',
  'company.flow.slug':
    '会社ページのURLに使う名前を、半角の英数字とハイフンで入力してください(3〜32文字、例: sound-life)。登録後は変更できません。',
  'company.flow.name': '会社名を入力してください(例: 株式会社サウンドライフ)。',
  'company.flow.introduction':
    '会社の紹介文を入力してください(2,000文字まで)。なければ「スキップ」を押してください。',
  'company.flow.address':
    '会社の住所を入力してください(例: 東京都千代田区丸の内1-1-1)。なければ「スキップ」を押してください。',
  'company.flow.phone':
    '連絡先の電話番号を入力してください(例: 03-1234-5678)。なければ「スキップ」を押してください。',
  'company.flow.email': '連絡先のメールアドレスを入力してください(例: info@example.co.jp)。',
  'company.flow.logo_one': 'ロゴ画像は1枚だけにしてください。使いたい画像をもう一度1枚だけ送ってください。',
} as const;
