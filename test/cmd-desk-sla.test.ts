/**
 * The desk's hours, SLAs, duty and round-robin walked in the console (docs/domain.md §2.7–§2.10):
 * staff in Japanese and in English, with the mistakes people make (a typo in a time, an unknown
 * category, full-width digits), and customers reading the hours and writing after hours.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatBench, type ChatSession, openChatBench } from './helpers/chat.ts';

let c: ChatBench;
let companyId: number;
let storeId: number;
let staffJa: ChatSession;
let staffEn: ChatSession;

const jst = (local: string) => new Date(`${local}+09:00`);

beforeAll(async () => {
  c = await openChatBench('cmd_desk_sla');
  companyId = await c.b.company('株式会社サウンド');
  staffJa = await c.as('sla-sato', ['staff'], { name: '佐藤' });
  staffEn = await c.as('sla-smith', ['staff'], { name: 'Smith', locale: 'en' });
  storeId = (
    await c.services.supportSetup.createStore(staffJa.actor, {
      companyId,
      name: '渋谷店',
      prefecture: '東京',
    })
  ).id;
  await c.services.supportSetup.assignStaff(staffJa.actor, {
    companyId,
    userId: staffJa.actor.userId,
    role: 'support',
  });
  await c.services.supportSetup.assignStaff(staffJa.actor, {
    companyId,
    userId: staffEn.actor.userId,
    role: 'support',
  });
});
afterAll(() => c?.close());

describe('SLA設定 / sla (staff)', () => {
  it('lists and changes the targets, in Japanese, refusing what it cannot read', async () => {
    c.b.clock.set(jst('2026-11-20T12:00'));
    const list = await staffJa.say('SLA設定');
    expect(list).toContain('SLA(対応目標時間)の設定');
    expect(list).toContain('修理 (repair)');
    expect(list).toContain('初回返信: 1時間 / 解決: 10時間 / 自動割当: オフ');
    expect(list).toContain('新規出店のご相談 (new_store)');
    expect(await staffJa.say('SLA設定 修理 初回返信 ９０')).toContain(
      '修理の初回返信の目標を1時間30分(営業時間)にしました。',
    );
    expect(await staffJa.say('SLA設定 3 解決 1.5時間')).toContain(
      '修理の解決の目標を1時間30分(営業時間)にしました。',
    );
    expect(await staffJa.say('SLA設定 修理 解決 ２時間 ３０分')).toContain('2時間30分');
    expect(await staffJa.say('SLA設定 修理 初回返信 9O分')).toContain(
      '[E322] 「9O分」は時間として読み取れませんでした。',
    );
    expect(await staffJa.say('SLA設定 修理 初回返信 0')).toContain('[E321]');
    expect(await staffJa.say('SLA設定 修理店 初回 60')).toContain('[E303]');
    expect(await staffJa.say('SLA設定 修理 最初 60')).toContain(
      '使い方: SLA設定 <カテゴリ> 初回返信|解決 <時間>',
    );
    expect(await staffJa.say('SLA設定 修理')).toContain('使い方: SLA設定');
    expect(await staffJa.say('SLA設定 その他 解決 なし')).toContain('その他の解決の目標をなしにしました。');
    expect(await staffJa.say('SLA設定')).toContain('初回返信: 1時間30分 / 解決: 2時間30分');
    expect(await c.b.audit('support.sla_target_set')).toHaveLength(4);
  });

  it('works in English too', async () => {
    expect(await staffEn.say('sla repair first 1h30m')).toContain(
      'The first response target of Repair is now 1 h 30 min (business hours).',
    );
    expect(await staffEn.say('sla repair resolution 600')).toContain('is now 10 h (business hours)');
    expect(await staffEn.say('sla other resolution none')).toContain(
      'Other has no resolution target any more.',
    );
    expect(await staffEn.say('sla repair first soon')).toContain('[E322] “soon” is not a length of time');
    expect(await staffEn.say('sla repairs first 60')).toContain('[E303]');
    expect(await staffEn.say('sla')).toContain(
      'First response: 1 h 30 min / Resolution: 10 h / Round-robin: off',
    );
  });
});

describe('duty and round-robin (staff)', () => {
  it('goes on and off duty and switches round-robin, in both languages', async () => {
    // Before opening: on duty, assigned from 9:30.
    c.b.clock.set(jst('2026-11-20T08:45'));
    expect(await staffJa.say('勤務開始')).toContain(
      'ただいま窓口は受付時間外のため、自動割当は次の受付開始(11月20日(金) 9:30)から始まります。',
    );
    c.b.clock.set(jst('2026-11-20T10:00'));
    expect(await staffJa.say('勤務開始')).toContain('2026年11月20日(金) 08:45から勤務中です。');
    expect(await staffEn.say('on-duty')).toContain('You are on duty (since 10:00).');
    expect(await staffJa.say('自動割当 修理 オン')).toContain('修理の自動割当をオンにしました。');
    expect(await staffJa.say('自動割当 修理 たぶん')).toContain('使い方: 自動割当 <カテゴリ> オン|オフ');
    expect(await staffEn.say('round-robin nothing on')).toContain('[E303]');
    const shown = await staffEn.say('round-robin');
    expect(shown).toContain('Categories assigned in turn: Repair');
    expect(shown).toContain('On duty: 佐藤 (since 08:45), Smith (since 10:00)');

    const customer = await c.as('sla-tencho', ['customer'], { companyId, name: '店長' });
    const first = await customer.say(`問い合わせ 修理 #${storeId} 音が出ません。`);
    const second = await customer.say(`問い合わせ 修理 #${storeId} 映りません。`);
    const assignees = [first, second].map((p) => /担当者: (\S+)/.exec(p)?.[1]);
    expect(new Set(assignees)).toEqual(new Set(['佐藤', 'Smith']));

    expect(await staffEn.say('off-duty')).toContain('You are off duty');
    expect(await staffEn.say('off-duty')).toContain('You are not on duty.');
    expect(await staffEn.say('round-robin repair off')).toContain('Round-robin is off for Repair.');
    // Customers have no say in any of this.
    expect(await customer.say('SLA設定')).toContain('権限がありません');
    expect(await customer.say('勤務開始')).toContain('権限がありません');
  });
});

describe('the hours customers read', () => {
  it('tells 基本情報 the hours from the desk settings, open now or when it opens', async () => {
    const ja = await c.as('sla-tencho-ja', ['customer'], { companyId, name: '店長' });
    const en = await c.as('sla-tencho-en', ['customer'], { companyId, name: 'Manager', locale: 'en' });
    c.b.clock.set(jst('2026-11-20T12:00'));
    const open = await ja.say('基本情報');
    expect(open).toContain('お急ぎの場合はコールセンター(0120-000-000)までお電話ください。');
    expect(open).toContain('受付時間は平日 9:30〜20:00、土日祝 9:30〜18:00です(休業日: 12月29日〜1月3日)。');
    expect(open).toContain('本日の受付時間は9:30〜20:00で、ただいま受付中です。');
    expect(await en.say('support')).toContain(
      'Opening hours: weekdays 9:30–20:00, weekends and public holidays 9:30–18:00 (closed 29 Dec–3 Jan).',
    );
    // New Year's Eve: closed until Monday 4 January.
    c.b.clock.set(jst('2026-12-31T15:00'));
    expect(await ja.say('基本情報')).toContain('ただいま受付時間外です。次の受付開始は1月4日(月) 9:30です。');
    expect(await en.say('support')).toContain('The desk is closed now; it opens Mon 4 Jan, 9:30.');
    // An operator's own calendar and numbers change what is said.
    c.b.ctx.desk = (await import('../src/domain/support/calendar.ts')).deskSettings({
      hours: 'mon-fri 10:00-17:00; sat 10:00-12:00',
      closedDays: 'none',
      urgentPhones: 'none',
    });
    c.b.clock.set(jst('2026-11-21T11:00'));
    const custom = await ja.say('基本情報');
    expect(custom).toContain('受付時間は平日 10:00〜17:00、土 10:00〜12:00です。');
    expect(custom).not.toContain('コールセンター(');
    c.b.ctx.desk = undefined;
  });

  it('answers a customer who writes after hours once that night', async () => {
    const night = await c.as('sla-night', ['customer'], { companyId, name: '夜の店長' });
    c.b.clock.set(jst('2026-11-20T22:00'));
    const created = await night.say(`問い合わせ 修理 #${storeId} 夜分に失礼します。`);
    const id = Number(/問い合わせID:(\d+)/.exec(created)?.[1]);
    await night.say(`返信 ${id} 追加の写真はありません。`);
    const rows = await c.b.outbox({ type: 'inquiry.after_hours', recipientUserId: night.actor.userId });
    expect(rows.map((r) => r.payload.opensAt)).toEqual([jst('2026-11-21T09:30').toISOString()]);
  });
});
