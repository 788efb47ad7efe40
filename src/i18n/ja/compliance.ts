/**
 * Japanese messages `compliance.*`: 取引条件 (the terms of an order), 支払期限 (the 60-day rule) and
 * 取引履歴 (the ledger), docs/domain.md §1.4, §1.9, §1.12.
 */
export const compliance = {
  'compliance.terms.title': '取引条件(応募 #{id}・第{version}版)',
  'compliance.terms.field.client': '発注事業者',
  'compliance.terms.operator': '本サービスの運営事業者',
  'compliance.terms.field.worker': '受託者',
  'compliance.terms.field.ordered_on': '業務委託日',
  'compliance.terms.field.work': '業務内容',
  'compliance.terms.field.reward': '報酬額',
  'compliance.terms.reward_fixed': '{amount}(税込・固定額)',
  'compliance.terms.reward_unit': '{amount}(税込・単価 {unit} × {quantity}件)',
  'compliance.terms.field.due': '納期',
  'compliance.terms.no_due': '指定なし',
  'compliance.terms.field.delivery': '納品の方法',
  'compliance.terms.delivery':
    'このチャットの「納品」でファイルをお送りください。届いた時点で受領となります。',
  'compliance.terms.field.inspection': '検収',
  'compliance.terms.inspection': '納品を受けた日から起算して{days}日以内に完了します。',
  'compliance.terms.field.pay_terms': '支払期日',
  'compliance.terms.pay_terms':
    '検収が完了した月の末日締め、翌月10日払いです(金融機関の休業日は前営業日)。ただし、納品を受けた日から起算して60日以内に必ずお支払いします。',
  'compliance.terms.field.expected_pay': 'お支払い予定日',
  'compliance.terms.expected_pay': '{date}(納期どおりに納品・検収が済んだ場合)',
  'compliance.terms.field.method': '支払方法',
  'compliance.terms.method': 'ご登録の口座への銀行振込',
  'compliance.terms.field.reason': '変更の理由',
  'compliance.terms.versions': 'これまでの版',
  'compliance.terms.version_line': '第{version}版({date})報酬 {amount}',
  'compliance.terms.keep':
    'この取引条件は変更できない記録として保存されています。「取引条件 {id}」でいつでも表示できます。',
  'compliance.terms.none':
    '応募 #{id} には取引条件の記録がありません(記録を始める前に採用された応募です)。報酬と納期は案件詳細でご確認ください。',
  'compliance.terms.not_revisable':
    '状況が「{status}」の応募の取引条件は変更できません。検収後に報酬を変える場合は「請求修正」をお使いください(取引条件も新しい版になります)。',
  'compliance.terms.reason_required':
    '変更の理由を{max}文字以内で添えてください。ワーカーにそのまま伝わります。',
  'compliance.terms.unchanged': '報酬額が現在の取引条件と同じため、変更しませんでした。',
  'compliance.terms.revised':
    '応募 #{id} の取引条件を第{version}版にし、報酬を{amount}にしました。ワーカーに変更内容をお知らせします。',
  'compliance.terms.list_title': '取引条件の記録({count}件)',
  'compliance.terms.list_line': '{date} 発注・報酬 {amount}・第{version}版',
  'compliance.terms.empty':
    '取引条件の記録はまだありません。応募が採用されると、その時点の取引条件をお送りします。',
  'compliance.terms.open': '開く',
  'compliance.usage.terms':
    '「取引条件 応募番号」で送ってください(例: 取引条件 12)。ワーカーの方は「取引条件」だけで、ご自身の記録を一覧できます。',
  'compliance.usage.terms_revise':
    '「取引条件変更 応募番号 新しい報酬額 理由」の形で送ってください(例: 取引条件変更 12 15,000円 作業量が増えたため)。',
  'compliance.usage.pay_deadlines':
    '「支払期限 日数」の形で送ってください(例: 支払期限 30)。日数は0〜60で、省略すると14日です。',
  'compliance.usage.ledger':
    '「取引履歴 年」の形で送ってください(例: 取引履歴 2026)。スタッフは「取引履歴 ワーカー 年」で送れます。',
  'compliance.deadlines.title': '支払期限が{days}日以内、または予定の支払日では間に合わない仕事({count}件)',
  'compliance.deadlines.none':
    '支払期限(納品を受けた日から60日)が{days}日以内に来る未払いの仕事はありません。',
  'compliance.deadlines.item': '#{id} {description}',
  'compliance.deadlines.review': '応募 #{id}({description})',
  'compliance.deadlines.line': '{worker}・{amount}・{status}',
  'compliance.deadlines.dates': '受領 {received} → 支払期限 {payBy}({left})・予定の支払日 {planned}',
  'compliance.deadlines.left': 'あと{days}日',
  'compliance.deadlines.left_one': 'あと1日',
  'compliance.deadlines.overdue_one': '1日超過',
  'compliance.deadlines.today': '本日が期限',
  'compliance.deadlines.overdue': '{days}日超過',
  'compliance.deadlines.awaiting_review': '検収待ち',
  'compliance.deadlines.too_late_item':
    '⚠ 予定の支払日では期限を過ぎます。期限までに個別にお支払いのうえ「月締め {month} #{worker} 支払日」で締めてください。',
  'compliance.deadlines.too_late_review':
    '⚠ 今月中に検収しても予定の支払日では期限を過ぎます。早めに検収し、個別のお支払いをご検討ください。',
  'compliance.deadlines.hint':
    '支払期限は、納品を受けた日を1日目として数えた60日目です(フリーランス・事業者間取引適正化等法 第4条)。',
  'compliance.deadlines.bad_days': '日数は0〜{max}の整数で指定してください。',
  'compliance.close.refused':
    '⚠ 次のワーカーの支払明細書は発行しませんでした。お支払日 {payDate} では、納品を受けた日から60日の支払期限を過ぎる明細があるためです。明細は確認済みのまま残しています。',
  'compliance.close.refused_row': '{worker}・明細{count}件・{total}',
  'compliance.close.late_line': '#{id} {description}({amount}): 受領 {received}、支払期限 {payBy}',
  'compliance.close.refused_how':
    '期限までに個別にお支払いのうえ、このワーカーの分だけ早いお支払日で締めてください(例: 月締め {month} #{worker} {example})。',
  'compliance.close.already_overdue': '支払期限をすでに過ぎている明細があります。直ちにお支払いください。',
  'compliance.close.paid_late':
    '⚠ 支払期限を過ぎてからのお支払いになる明細があります({items})。その旨を記録に残しました。',
  'compliance.close.early_done':
    '{worker}の{month}分を締めました。支払明細書 #{id}(合計{total})を発行し、お支払日は{payDate}です。',
  'compliance.close.early_none':
    '{worker}の{month}分に、締める確認済みの明細はありません(締め済みか、まだ確認されていません)。',
  'compliance.ledger.col.ordered_on': '発注日',
  'compliance.ledger.col.application': '応募番号',
  'compliance.ledger.col.client': '発注事業者',
  'compliance.ledger.col.work': '業務内容',
  'compliance.ledger.col.reward': '報酬額(円)',
  'compliance.ledger.col.terms_version': '取引条件の版',
  'compliance.ledger.col.due_on': '納期',
  'compliance.ledger.col.received_on': '納品日(給付受領日)',
  'compliance.ledger.col.approved_on': '検収日',
  'compliance.ledger.col.pay_by': '支払期限(受領から60日)',
  'compliance.ledger.col.month': '請求月',
  'compliance.ledger.col.item': '明細番号',
  'compliance.ledger.col.item_description': '明細',
  'compliance.ledger.col.amount': '金額(円)',
  'compliance.ledger.col.status': '状態',
  'compliance.ledger.col.statement': '支払明細書番号',
  'compliance.ledger.col.pay_date': '支払日',
  'compliance.ledger.file_name': '取引履歴_{year}_{worker}.csv',
  'compliance.ledger.bad_year':
    '「{year}」は年として読み取れませんでした。2026 のように西暦4桁で指定してください。',
  'compliance.ledger.title': '{name}さんの{year}年の取引履歴',
  'compliance.ledger.summary':
    '発注 {orders}件・明細 {items}件(合計 {total})・うち支払明細書に計上済み {paid}',
  'compliance.ledger.empty': '{year}年の取引はまだありません。',
  'compliance.ledger.row': '{ordered}・{amount}・{status}',
  'compliance.ledger.row_paid': '支払日 {payDate}(支払明細書 #{statement})',
  'compliance.ledger.more': 'ほかに{count}行あります。すべてCSVファイルに入っています。',
  'compliance.ledger.file':
    '同じ内容をCSVファイル(Excelで開けます)でお送りします。ファイルが届かない場合は、SlackかDiscordを「連携」してそちらで「取引履歴」を送っていただくか、担当者にお申し付けください。',
  'compliance.ledger.no_order': '発注なし',
} as const;
