/**
 * Messages of the marketplace (docs/domain.md §3): メッセージ, フォロー, コンタクト, チーム, プロフィール,
 * 会社情報, 本人確認 and 機密保持確認. Refusals are numbered E4xx for support calls.
 */
export const marketJa = {
  // Messages
  'market.conversation_not_found': '[E401] ご指定のメッセージのやり取りが見つかりませんでした。',
  'market.message_empty': '[E402] メッセージが空です。本文を入力してください。',
  'market.message_too_long': '[E403] メッセージは{max}文字以内で入力してください。',
  'market.cannot_message_self': '[E404] ご自身にメッセージを送ることはできません。',
  'market.user_not_found': '[E405] ご指定のユーザーが見つかりませんでした。',
  'market.job_not_found': '[E406] ご指定の募集案件が見つかりませんでした。番号をご確認ください。',
  'market.job_no_contact': '[E407] この募集案件には質問の送り先となる担当者が登録されていません。',
  'market.job_not_yours':
    '[E408] 募集案件についてのメッセージは、その募集案件の掲載者とのあいだでのみやり取りできます。',
  'market.worker_not_found': '[E409] ご指定のワーカーが見つかりませんでした。',
  // Follow
  'market.cannot_follow_self': '[E411] ご自身をフォローすることはできません。',
  'market.cannot_follow':
    '[E412] このユーザーはフォローできません。フォローできるのはワーカーとクライアントです。',
  // Companies
  'market.company_query_required': '[E421] 検索する会社名を入力してください。',
  'market.company_not_found': '[E422] ご指定の会社が見つかりませんでした。会社名で検索し直してください。',
  'market.company_already_joined':
    '[E423] すでに会社に所属しています。所属先を変更する場合はサポート担当までご連絡ください。',
  'market.company_name_invalid': '[E424] 会社名は1〜{max}文字で入力してください。',
  'market.address_too_long': '[E425] 住所は{max}文字以内で入力してください。',
  'market.email_invalid': '[E426] 連絡先メールアドレスの形式が正しくありません(例: info@example.co.jp)。',
  'market.logo_not_image': '[E427] ロゴには画像ファイル(PNG・JPEGなど)を指定してください。',
  // Teams
  'market.team_not_found': '[E431] ご指定のチームが見つかりませんでした。',
  'market.team_slug_invalid':
    '[E432] チームのURLは半角英小文字・数字・ハイフンの3〜32文字で、先頭と末尾は英数字にしてください。',
  'market.team_slug_taken': '[E433] そのURLはすでにほかのチームが使っています。別のURLを指定してください。',
  'market.team_slug_immutable': '[E434] チームのURLは作成後に変更できません。',
  'market.team_name_invalid': '[E435] チーム名は1〜{max}文字で入力してください。',
  'market.introduction_too_long': '[E436] 紹介文は{max}文字以内で入力してください。',
  'market.discord_channel_invalid':
    '[E437] DiscordのチャンネルIDが正しくありません。チャンネルを右クリックして「チャンネルIDをコピー」で取得した数字を入力してください。',
  'market.invitee_not_worker': '[E438] チームに招待できるのはワーカーとして登録している方だけです。',
  'market.already_member': '[E439] この方はすでにチームのメンバーです。',
  'market.invitation_pending': '[E440] この方にはすでに招待を送っています。承認をお待ちください。',
  'market.invitation_comment_too_long': '[E441] 招待のコメントは{max}文字以内で入力してください。',
  'market.invitation_not_found': '[E442] ご指定の招待が見つかりませんでした。',
  'market.invitation_already_decided':
    '[E443] この招待はすでに「{status}」になっているため、操作できません。',
  'market.not_team_member': '[E444] あなたはこのチームのメンバーではありません。',
  'market.team_consult_own':
    '[E447] ご自身が所属するチームには相談できません。チームのメンバーとはチームのDiscordチャンネルでやりとりしてください。',
  'market.owner_cannot_leave':
    '[E445] オーナーはほかのメンバーがいるあいだはチームを抜けられません。メンバーが抜けてから、またはサポート担当にご相談ください。',
  'market.owner_last_member':
    '[E446] オーナーはチームを抜けられません。チームを閉じたい場合はサポート担当までご連絡ください。',
  // Profiles
  'market.profile_not_found': '[E451] ご指定のプロフィールが見つかりませんでした。',
  'market.nickname_invalid': '[E452] ニックネームは1〜{max}文字で入力してください。',
  'market.status_invalid':
    '[E453] ステータスは「対応可能」「仕事内容による」「現在忙しい」から選んでください。',
  'market.weekly_hours_invalid': '[E454] 稼働時間は一覧から選んでください。',
  'market.hourly_rate_invalid': '[E455] 時給は0円以上100万円以下の整数で入力してください。',
  'market.prefecture_invalid': '[E456] 都道府県名が正しくありません(例: 東京都、大阪)。',
  'market.city_too_long': '[E457] 市区町村は{max}文字以内で入力してください。',
  'market.hobbies_too_long': '[E458] 趣味は{max}文字以内で入力してください。',
  'market.too_many_skills': '[E459] スキルは{max}件まで登録できます。',
  'market.skill_name_invalid': '[E460] スキル名は1〜{max}文字で入力してください。',
  'market.skill_level_invalid': '[E461] スキルのレベルは1〜5の数字で指定してください。',
  'market.skill_years_invalid': '[E462] 経験年数は0〜60の整数で入力してください。',
  'market.skill_note_too_long': '[E463] スキルの補足は{max}文字以内で入力してください。',
  'market.skill_duplicate': '[E464] スキル「{name}」が重複しています。1件にまとめてください。',
  'market.qualification_name_invalid': '[E465] 資格名は1〜{max}文字で入力してください。',
  'market.month_invalid': '[E466] 年月は「2024-04」のように入力してください。',
  'market.too_many_entries': '[E467] 登録できるのは{max}件までです。不要なものを削除してからお試しください。',
  'market.career_period_invalid': '[E469] 経歴の終了年月は開始年月より後にしてください。',
  'market.career_company_invalid': '[E470] 経歴の会社名は1〜{max}文字で入力してください。',
  'market.career_text_too_long': '[E471] 経歴の各項目は{max}文字以内で入力してください。',
  'market.career_team_size_invalid': '[E472] チーム人数は1以上の整数で入力してください。',
  // Labels
  'market.status.available': '対応可能',
  'market.status.depends': '仕事内容による',
  'market.status.busy': '現在忙しい',
  'market.weekly_hours.under_10': '週10時間未満',
  'market.weekly_hours.10_20': '週10〜20時間',
  'market.weekly_hours.20_30': '週20〜30時間',
  'market.weekly_hours.30_40': '週30〜40時間',
  'market.weekly_hours.over_40': '週40時間以上',
  'market.contact_reason.completed_job': '取引実績あり',
  'market.contact_reason.mutual_follow': '相互フォロー',
  'market.invitation.status.pending': '承認待ち',
  'market.invitation.status.approved': '承認済み',
  'market.invitation.status.rejected': '辞退',
  'market.identity_verified': '本人確認済み',
  'market.nda_verified': '機密保持確認済み',
  // Notifications (outbox types market.message, market.followed, team.invitation, team.invitation_decided)
  'market.notify.message': '{sender}さんからメッセージが届きました。\n{excerpt}',
  'market.notify.followed': '{name}さんにフォローされました。',
  'market.notify.team_invitation':
    '{inviter}さんからチーム「{team}」への招待が届きました。承認待ち一覧からご確認ください。',
  'market.notify.team_invitation_approved': '{name}さんがチーム「{team}」への招待を承認しました。',
  'market.notify.team_invitation_rejected': '{name}さんがチーム「{team}」への招待を辞退しました。',
} as const;

export const marketEn = {
  // Messages
  'market.conversation_not_found': '[E401] We could not find that conversation.',
  'market.message_empty': '[E402] The message is empty. Please write something.',
  'market.message_too_long': '[E403] Please keep the message within {max} characters.',
  'market.cannot_message_self': '[E404] You cannot send a message to yourself.',
  'market.user_not_found': '[E405] We could not find that user.',
  'market.job_not_found': '[E406] We could not find that job notice. Please check the number.',
  'market.job_no_contact': '[E407] This job notice has no contact person to send a question to.',
  'market.job_not_yours':
    '[E408] Messages about a job notice can only be exchanged with the person who posted it.',
  'market.worker_not_found': '[E409] We could not find that worker.',
  // Follow
  'market.cannot_follow_self': '[E411] You cannot follow yourself.',
  'market.cannot_follow': '[E412] You cannot follow this user. Only workers and clients can be followed.',
  // Companies
  'market.company_query_required': '[E421] Please enter a company name to search for.',
  'market.company_not_found': '[E422] We could not find that company. Please search again by name.',
  'market.company_already_joined':
    '[E423] You already belong to a company. To change it, please contact support.',
  'market.company_name_invalid': '[E424] The company name must be 1–{max} characters.',
  'market.address_too_long': '[E425] Please keep the address within {max} characters.',
  'market.email_invalid': '[E426] That contact e-mail address does not look right (e.g. info@example.com).',
  'market.logo_not_image': '[E427] The logo must be an image file (PNG, JPEG, …).',
  // Teams
  'market.team_not_found': '[E431] We could not find that team.',
  'market.team_slug_invalid':
    '[E432] A team URL must be 3–32 lower-case letters, digits or hyphens, starting and ending with a letter or digit.',
  'market.team_slug_taken': '[E433] Another team already uses that URL. Please choose another.',
  'market.team_slug_immutable': '[E434] A team URL cannot be changed after the team is created.',
  'market.team_name_invalid': '[E435] The team name must be 1–{max} characters.',
  'market.introduction_too_long': '[E436] Please keep the introduction within {max} characters.',
  'market.discord_channel_invalid':
    '[E437] That Discord channel ID is not valid. Right-click the channel, choose “Copy Channel ID” and paste the number.',
  'market.invitee_not_worker': '[E438] Only people registered as workers can be invited to a team.',
  'market.already_member': '[E439] This person is already a member of the team.',
  'market.invitation_pending': '[E440] You have already invited this person. Please wait for their answer.',
  'market.invitation_comment_too_long': '[E441] Please keep the invitation comment within {max} characters.',
  'market.invitation_not_found': '[E442] We could not find that invitation.',
  'market.invitation_already_decided':
    '[E443] This invitation is already “{status}”, so it cannot be changed.',
  'market.not_team_member': '[E444] You are not a member of this team.',
  'market.team_consult_own':
    '[E447] You cannot consult a team you belong to. Talk with your team in its Discord channel.',
  'market.owner_cannot_leave':
    '[E445] As the owner you cannot leave while other members remain. Wait until they have left, or talk to support.',
  'market.owner_last_member':
    '[E446] As the owner you cannot leave the team. To close it, please contact support.',
  // Profiles
  'market.profile_not_found': '[E451] We could not find that profile.',
  'market.nickname_invalid': '[E452] The nickname must be 1–{max} characters.',
  'market.status_invalid': '[E453] Please choose a status: Available, Depends on the work, or Busy.',
  'market.weekly_hours_invalid': '[E454] Please choose your weekly hours from the list.',
  'market.hourly_rate_invalid': '[E455] The hourly rate must be a whole number of yen from 0 to 1,000,000.',
  'market.prefecture_invalid': '[E456] That is not a prefecture (e.g. 東京都 or 大阪).',
  'market.city_too_long': '[E457] Please keep the city within {max} characters.',
  'market.hobbies_too_long': '[E458] Please keep your hobbies within {max} characters.',
  'market.too_many_skills': '[E459] You can list up to {max} skills.',
  'market.skill_name_invalid': '[E460] A skill name must be 1–{max} characters.',
  'market.skill_level_invalid': '[E461] The skill level must be a number from 1 to 5.',
  'market.skill_years_invalid': '[E462] Years of experience must be a whole number from 0 to 60.',
  'market.skill_note_too_long': '[E463] Please keep the skill note within {max} characters.',
  'market.skill_duplicate': '[E464] The skill “{name}” is listed twice. Please list it once.',
  'market.qualification_name_invalid': '[E465] The qualification name must be 1–{max} characters.',
  'market.month_invalid': '[E466] Please write the month as in “2024-04”.',
  'market.too_many_entries':
    '[E467] You can register up to {max} entries. Please remove one you no longer need.',
  'market.career_period_invalid': '[E469] The end of a career period must not be before its start.',
  'market.career_company_invalid': '[E470] The company name of a career entry must be 1–{max} characters.',
  'market.career_text_too_long': '[E471] Please keep each career field within {max} characters.',
  'market.career_team_size_invalid': '[E472] The team size must be a whole number, 1 or more.',
  // Labels
  'market.status.available': 'Available',
  'market.status.depends': 'Depends on the work',
  'market.status.busy': 'Busy',
  'market.weekly_hours.under_10': 'Under 10 h/week',
  'market.weekly_hours.10_20': '10–20 h/week',
  'market.weekly_hours.20_30': '20–30 h/week',
  'market.weekly_hours.30_40': '30–40 h/week',
  'market.weekly_hours.over_40': '40+ h/week',
  'market.contact_reason.completed_job': 'Worked together',
  'market.contact_reason.mutual_follow': 'Mutual follow',
  'market.invitation.status.pending': 'Awaiting approval',
  'market.invitation.status.approved': 'Approved',
  'market.invitation.status.rejected': 'Declined',
  'market.identity_verified': 'Identity verified',
  'market.nda_verified': 'NDA confirmed',
  // Notifications
  'market.notify.message': 'New message from {sender}:\n{excerpt}',
  'market.notify.followed': '{name} started following you.',
  'market.notify.team_invitation':
    '{inviter} invited you to the team “{team}”. See your pending invitations to answer.',
  'market.notify.team_invitation_approved': '{name} accepted the invitation to the team “{team}”.',
  'market.notify.team_invitation_rejected': '{name} declined the invitation to the team “{team}”.',
} as const;
