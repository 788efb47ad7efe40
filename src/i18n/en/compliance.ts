/**
 * English messages `compliance.*`: the terms of an order (取引条件), pay deadlines (the 60-day rule) and
 * the ledger (取引履歴), docs/domain.md §1.4, §1.9, §1.12.
 */
export const compliance = {
  'compliance.terms.title': 'Terms of the order (application #{id}, version {version})',
  'compliance.terms.field.client': 'Ordered by',
  'compliance.terms.operator': 'the operator of this service',
  'compliance.terms.field.worker': 'Contractor',
  'compliance.terms.field.ordered_on': 'Ordered on',
  'compliance.terms.field.work': 'Work',
  'compliance.terms.field.reward': 'Reward',
  'compliance.terms.reward_fixed': '{amount} (tax included, fixed)',
  'compliance.terms.reward_unit': '{amount} (tax included, {unit} × {quantity} units)',
  'compliance.terms.field.due': 'Due date',
  'compliance.terms.no_due': 'none set',
  'compliance.terms.field.delivery': 'How to deliver',
  'compliance.terms.delivery':
    'Send the files with “deliver” in this chat. The work is received when they arrive.',
  'compliance.terms.field.inspection': 'Review',
  'compliance.terms.inspection':
    'Completed within {days} days of the day the delivery is received, that day included.',
  'compliance.terms.field.pay_terms': 'Payment due',
  'compliance.terms.pay_terms':
    'Closed at the end of the month the review is completed, paid on the 10th of the next month (the bank business day before, if the 10th is not one). In any case, paid within 60 days of the day the delivery is received, that day included.',
  'compliance.terms.field.expected_pay': 'Expected pay date',
  'compliance.terms.expected_pay': '{date} (when delivered and reviewed by the due date)',
  'compliance.terms.field.method': 'Payment method',
  'compliance.terms.method': 'Bank transfer to your registered account',
  'compliance.terms.field.reason': 'Why it changed',
  'compliance.terms.versions': 'Versions',
  'compliance.terms.version_line': 'Version {version} ({date}): reward {amount}',
  'compliance.terms.keep':
    'These terms are kept as a record that cannot be changed. Send “terms {id}” to see them again at any time.',
  'compliance.terms.none':
    'Application #{id} has no recorded terms (it was accepted before terms were recorded). The job’s details show its reward and due date.',
  'compliance.terms.not_revisable':
    'The terms of an application that is “{status}” cannot be changed. After approval, change the reward with “correct-item” (the terms get a new version too).',
  'compliance.terms.reason_required':
    'Please add the reason (at most {max} characters). The worker reads it as written.',
  'compliance.terms.unchanged': 'The reward is the same as in the current terms, so nothing changed.',
  'compliance.terms.revised':
    'The terms of application #{id} are now version {version}, with a reward of {amount}. The worker will be told what changed.',
  'compliance.terms.list_title': 'Your order terms ({count})',
  'compliance.terms.list_line': 'Ordered {date}, reward {amount}, version {version}',
  'compliance.terms.empty':
    'No order terms yet. When an application of yours is accepted, you get its terms.',
  'compliance.terms.open': 'Open',
  'compliance.usage.terms':
    'Please send “terms <application number>” (e.g. terms 12). Workers can send just “order-terms” to list their own.',
  'compliance.usage.terms_revise':
    'Please send “terms-revise <application number> <new reward> <reason>” (e.g. terms-revise 12 15,000 more work than planned).',
  'compliance.usage.pay_deadlines':
    'Please send “pay-deadlines <days>” (e.g. pay-deadlines 30). Days from 0 to 60; 14 when left out.',
  'compliance.usage.ledger':
    'Please send “ledger <year>” (e.g. ledger 2026). Staff can send “ledger <worker> <year>”.',
  'compliance.deadlines.title':
    'Received work due for payment within {days} days, or too late on its planned pay date ({count})',
  'compliance.deadlines.none':
    'No unpaid work reaches its pay deadline (60 days from receipt) within {days} days.',
  'compliance.deadlines.item': '#{id} {description}',
  'compliance.deadlines.review': 'Application #{id} ({description})',
  'compliance.deadlines.line': '{worker} · {amount} · {status}',
  'compliance.deadlines.dates': 'Received {received} → pay by {payBy} ({left}) · planned pay date {planned}',
  'compliance.deadlines.left': '{days} days left',
  'compliance.deadlines.left_one': '1 day left',
  'compliance.deadlines.overdue_one': '1 day overdue',
  'compliance.deadlines.today': 'due today',
  'compliance.deadlines.overdue': '{days} days overdue',
  'compliance.deadlines.awaiting_review': 'Awaiting review',
  'compliance.deadlines.too_late_item':
    '⚠ The planned pay date is past the deadline. Pay it separately by the deadline and close it with “close-month {month} #{worker} <pay date>”.',
  'compliance.deadlines.too_late_review':
    '⚠ Even approved this month, its planned pay date is past the deadline. Review it soon and consider paying it separately.',
  'compliance.deadlines.hint':
    'The pay deadline is the 60th day counting the day the delivery was received as the first (the freelance act, Article 4).',
  'compliance.deadlines.bad_days': 'Please give the days as a whole number from 0 to {max}.',
  'compliance.close.refused':
    '⚠ No statement was issued for the workers below: paid on {payDate}, some of their items would be paid more than 60 days after their delivery was received. Their items stay confirmed.',
  'compliance.close.refused_row': '{worker} · {count} items · {total}',
  'compliance.close.late_line': '#{id} {description} ({amount}): received {received}, pay by {payBy}',
  'compliance.close.refused_how':
    'Pay them separately by the deadline, then close this worker alone with the earlier pay date (e.g. close-month {month} #{worker} {example}).',
  'compliance.close.already_overdue': 'Some items are already past their deadline. Please pay them at once.',
  'compliance.close.paid_late':
    '⚠ Some items are paid after their deadline ({items}). This has been recorded.',
  'compliance.close.early_done':
    '{month} is closed for {worker}: statement #{id} ({total}), paid on {payDate}.',
  'compliance.close.early_none':
    '{worker} has no confirmed items of {month} to close (already closed, or not confirmed yet).',
  'compliance.ledger.col.ordered_on': 'Ordered on',
  'compliance.ledger.col.application': 'Application',
  'compliance.ledger.col.client': 'Ordered by',
  'compliance.ledger.col.work': 'Work',
  'compliance.ledger.col.reward': 'Reward (JPY)',
  'compliance.ledger.col.terms_version': 'Terms version',
  'compliance.ledger.col.due_on': 'Due date',
  'compliance.ledger.col.received_on': 'Delivered (received) on',
  'compliance.ledger.col.approved_on': 'Approved on',
  'compliance.ledger.col.pay_by': 'Pay by (60 days from receipt)',
  'compliance.ledger.col.month': 'Invoice month',
  'compliance.ledger.col.item': 'Item',
  'compliance.ledger.col.item_description': 'Item description',
  'compliance.ledger.col.amount': 'Amount (JPY)',
  'compliance.ledger.col.status': 'Status',
  'compliance.ledger.col.statement': 'Statement',
  'compliance.ledger.col.pay_date': 'Pay date',
  'compliance.ledger.file_name': 'ledger_{year}_{worker}.csv',
  'compliance.ledger.bad_year':
    'We could not read “{year}” as a year. Please write it with four digits, like 2026.',
  'compliance.ledger.title': 'Ledger of {year} for {name}',
  'compliance.ledger.summary': '{orders} orders · {items} items ({total}) · on statements: {paid}',
  'compliance.ledger.empty': 'No transactions in {year} yet.',
  'compliance.ledger.row': '{ordered} · {amount} · {status}',
  'compliance.ledger.row_paid': 'Pay date {payDate} (statement #{statement})',
  'compliance.ledger.more': '{count} more rows are in the CSV file.',
  'compliance.ledger.file':
    'The same as a CSV file (opens in Excel). If the file does not arrive, link Slack or Discord (“link”) and send “ledger” there, or ask staff for it.',
  'compliance.ledger.no_order': 'no order',
} as const;
