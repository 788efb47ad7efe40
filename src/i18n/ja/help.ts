/** Japanese messages `help.*`: the help menu. */
export const help = {
  'help.title': 'ご利用いただけるコマンド',
  'help.footer': 'コマンド名は日本語でも英語でも入力できます(例: 「ヘルプ」「help」)。',
  'help.aliases': '別名: {aliases}',
  'help.more':
    '各コマンドの使い方は「ヘルプ コマンド名」(例: ヘルプ 応募)で確認できます。まずは「ホーム」からお使いください。',
  'help.joiner': '・',
  'help.group.work': '在宅業務(募集案件・応募・納品・請求)',
  'help.group.staff': '業務管理(求人登録・検収・支払)',
  'help.group.support': '問い合わせ窓口',
  'help.group.market': 'マーケットプレイス(メッセージ・チーム・プロフィール)',
  'help.group.account': 'アカウント・その他',
} as const;
