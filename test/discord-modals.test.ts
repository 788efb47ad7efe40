/**
 * Guided flows as Discord modals, through signed interactions against the fake Discord: every field
 * a Label around a text input, a select, a radio group or a file upload; a flow longer than five
 * fields, or whose later options depend on an earlier choice, split into consecutive modals joined
 * by a "続きを入力 (2/3)" button; the whole submitted once at the end with the same checks as every
 * client, a refusal answered with a button that reopens the page filled in as it was; files from a
 * modal checked against the upload rules. 求人登録, 問い合わせ and 納品 end to end, in Japanese and
 * (納品) in English. Every modal the app answered with is checked against Discord's limits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formId } from '../adapters/discord/inbound.ts';
import { labelParts, modalOf } from '../adapters/discord/modal.ts';
import { newDraft, nextPage } from '../adapters/discord/modal-pages.ts';
import { allFlows } from '../commands/flows/index.ts';
import type { ChatEvent, FormField } from '../src/chat/types.ts';
import type { Actor } from '../src/domain/actor.ts';
import { modalIssues } from './fakes/discord-modal.ts';
import {
  DISCORD_APP,
  type DiscordBench,
  type DiscordSeen,
  openDiscordBench,
  snowflake,
} from './helpers/discord.ts';
import { jpeg, pdf, zip } from './helpers/files.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let b: DiscordBench;

beforeAll(async () => {
  // 1 MB at most, so a file too large is quick to make.
  b = await openDiscordBench('discordmodals', { env: { MAX_UPLOAD_MB: '1' } });
});
afterAll(async () => {
  await b?.close();
});

let n = 0;
const uid = () => String(1_700_000_000_000_000_000n + BigInt(++n) * 7919n);

// biome-ignore lint/suspicious/noExplicitAny: modal components are read freely.
type Component = Record<string, any>;
interface ModalData {
  custom_id: string;
  title: string;
  components: Component[];
}

const modalOfSeen = (seen: DiscordSeen): ModalData => {
  expect(seen.response.type).toBe(9);
  return seen.response.data as unknown as ModalData;
};
/** The Label (and its input) asking `name`. */
const field = (modal: ModalData, name: string): Component => {
  const label = modal.components.find((c) => c.type === 18 && c.component.custom_id === name);
  if (!label)
    throw new Error(
      `no field ${name} in ${JSON.stringify(modal.components.map((c) => c.component?.custom_id))}`,
    );
  return label;
};
const names = (modal: ModalData) =>
  modal.components.filter((c) => c.type === 18).map((c) => c.component.custom_id);
const optionValue = (modal: ModalData, name: string, label: string): string => {
  const option = field(modal, name).component.options.find((o: Component) => o.label === label);
  if (!option) throw new Error(`no option ${label} in ${name}`);
  return option.value;
};

describe('求人登録 through two modals', () => {
  it('asks nine fields over two pages, refuses a reward of 0 and a past deadline, and takes ５０００ once fixed', async () => {
    const staff = uid();
    const staffId = await b.asUser(staff, ['staff'], { name: '事務局 佐藤' });

    // /staff 求人登録 (post-job): the first page, five Labels of text inputs.
    const first = modalOfSeen(await b.command(staff, 'staff', 'post-job'));
    expect(first.title).toBe('入力フォーム (1/2)');
    expect(names(first)).toEqual(['title', 'description', 'category', 'skills', 'place']);
    expect(field(first, 'title').label).toBe('募集案件のタイトルを入力してください。');
    expect(field(first, 'title').component).toMatchObject({ type: 4, style: 2, required: true });
    expect(field(first, 'description').component.required).toBe(false);
    // A place is a prefecture typed, or remote: a text input hinting the choice.
    expect(field(first, 'place').component).toMatchObject({
      type: 4,
      style: 1,
      placeholder: '在宅(リモート)',
    });
    // A question longer than a label: its first sentence, the rest as the description.
    expect(field(first, 'skills').label.length).toBeLessThanOrEqual(45);
    expect(field(first, 'skills').description).toContain('Excel');

    const saved = await b.fillModal(staff, {
      title: '名刺データ入力',
      category: 'データ入力',
      skills: 'Excel、タイピング',
      place: '東京都',
    });
    expect(saved.text).toContain('ここまでの入力を受け付けました');
    expect(saved.buttons.map((x) => x.label)).toEqual(['続きを入力 (2/2)']);

    const second = modalOfSeen(await b.pressLabel(staff, '続きを入力'));
    expect(second.title).toBe('入力フォーム (2/2)');
    expect(names(second)).toEqual(['reward', 'openings', 'deadline', 'due']);
    expect(field(second, 'reward').component.placeholder).toBe('例: 5000');
    expect(field(second, 'deadline').component.placeholder).toBe('例: 2026-12-31');

    // Refused at the end, with every reason and a button back to the page.
    const refused = await b.fillModal(staff, { reward: '0', openings: '2', deadline: '2026-01-10' });
    expect(refused.text).toContain('入力内容をご確認ください');
    expect(refused.text).toContain(
      '・報酬額(円)を入力してください(例: 12000、1.2万)。: 報酬は1円以上の整数で入力してください',
    );
    expect(refused.text).toContain('応募締切には現在より後の日時を指定してください');
    expect(refused.buttons.map((x) => x.label)).toEqual(['修正する (2/2)']);

    // Reopened as it was, with what to fix above the fields.
    const again = modalOfSeen(await b.pressLabel(staff, '修正する'));
    expect(again.components[0]).toMatchObject({ type: 10 });
    expect(again.components[0]?.content).toContain('報酬は1円以上');
    expect(field(again, 'reward').component.value).toBe('0');
    expect(field(again, 'openings').component.value).toBe('2');

    // Full-width digits, as Japanese keyboards type them.
    const posted = await b.fillModal(staff, { reward: '５０００', deadline: '2026-12-24' });
    const jobId = Number(/募集案件 #(\d+)/.exec(posted.text)?.[1]);
    expect(jobId).toBeGreaterThan(0);
    const actor: Actor = { userId: staffId, roles: ['staff'], companyId: null };
    const job = await b.app.domain.jobs.get(actor, jobId);
    expect(job).toMatchObject({
      title: '名刺データ入力',
      description: '',
      category: 'データ入力',
      skills: ['Excel', 'タイピング'],
      prefecture: '東京都',
      remote: false,
      rewardYen: 5000,
      openings: 2,
    });
    expect(job.deadline).not.toBeNull();
    // The draft is gone, and what the user types next is a command again.
    expect(await b.app.store.flows.get(staffId, b.clock())).toBeNull();
    expect((await b.say(staff, 'ヘルプ')).text).toContain('ご利用いただけるコマンド');
  });

  it('keeps a flow typed in the conversation step by step, and opens nothing from an expired page', async () => {
    const staff = uid();
    await b.asUser(staff, ['staff']);
    const typed = await b.say(staff, '求人登録');
    expect(typed.response.type).toBe(4);
    expect(typed.text).toContain('募集案件のタイトルを入力してください。');
    expect((await b.say(staff, 'キャンセル')).text).toContain('入力を中止しました。');

    const stale = await b.interact(staff, {
      id: snowflake(),
      application_id: DISCORD_APP,
      type: 3,
      token: b.discord.issueInteractionToken(),
      version: 1,
      channel_id: '1500000000000000009',
      user: { id: staff, username: staff },
      data: { custom_id: 'form-page:post-job:2', component_type: 2 },
    });
    expect(stale.text).toContain('この入力フォームは有効期限が切れたか');
  });
});

describe('問い合わせ through three modals', () => {
  it('describes the sub-topics once the category is chosen and the stores once the region is', async () => {
    const customer = uid();
    const userId = await b.asUser(customer, ['customer'], { name: '店長' });
    const companyId = await b.app.store.uow.run(async (tx) => {
      const company = await tx.companies.insert({ slug: `modal${n}`, name: '株式会社サウンド' });
      for (const [name, prefecture, region] of [
        ['渋谷店', '東京都', '関東'],
        ['新宿店', '東京都', '関東'],
        ['梅田店', '大阪府', '関西'],
      ] as const)
        await tx.support.stores.insert({ companyId: company.id, name, prefecture, region });
      await tx.users.update(userId, { companyId: company.id });
      return company.id;
    });

    // /support 問い合わせ: the category alone (what follows depends on it), as a select.
    const first = modalOfSeen(await b.command(customer, 'support', 'inquiry-new'));
    expect(names(first)).toEqual(['category']);
    const category = field(first, 'category').component;
    expect(category).toMatchObject({ type: 3, required: true, min_values: 1, max_values: 1 });
    expect(category.options).toHaveLength(9);
    const repair = optionValue(first, 'category', '修理');
    const saved = await b.fillModal(customer, { category: repair });
    expect(saved.buttons.map((x) => x.label)).toEqual(['続きを入力 (2/3)']);

    // The sub-topics of 修理, and the region (the stores depend on it).
    const second = modalOfSeen(await b.pressLabel(customer, '続きを入力'));
    expect(names(second)).toEqual(['subtopic', 'region']);
    expect(field(second, 'subtopic').component.options.map((o: Component) => o.label)).toEqual([
      '機器の故障',
      '音が出ない・映らない',
      '訪問修理のご依頼',
    ]);
    expect(field(second, 'subtopic').component.required).toBe(false);
    expect(field(second, 'region').component.placeholder).toBe('関東(2店舗) / 関西(1店舗)');
    const next = await b.fillModal(customer, {
      subtopic: optionValue(second, 'subtopic', '音が出ない・映らない'),
      region: '関東',
    });
    expect(next.buttons.map((x) => x.label)).toEqual(['続きを入力 (3/3)']);

    // Only 関東's stores are hinted; photos go in a file upload.
    const third = modalOfSeen(await b.pressLabel(customer, '続きを入力'));
    expect(names(third)).toEqual(['store', 'comment', 'attachments']);
    const stores = field(third, 'store').component.placeholder;
    expect(stores).toContain('渋谷店(東京都)');
    expect(stores).toContain('新宿店(東京都)');
    expect(stores).not.toContain('梅田店');
    expect(field(third, 'attachments').component).toMatchObject({
      type: 19,
      required: false,
      min_values: 0,
      max_values: 10,
    });
    const done = await b.fillModal(customer, {
      store: '渋谷',
      comment: '店内スピーカーから音が出ません',
      attachments: [{ name: 'speaker.jpg', content: jpeg('speaker'), mime: 'image/jpeg' }],
    });
    const inquiryId = Number(/問い合わせID:(\d+)/.exec(done.text)?.[1]);
    expect(inquiryId).toBeGreaterThan(0);
    const actor: Actor = { userId, roles: ['customer'], companyId };
    const detail = await b.app.domain.inquiryReads.get(actor, inquiryId);
    expect(detail.store?.name).toBe('渋谷店');
    expect(detail.category.nameJa).toBe('修理');
    expect(detail.subtopic?.nameJa).toBe('音が出ない・映らない');
    expect(detail.history[0]?.body).toBe('店内スピーカーから音が出ません');
    expect(detail.history[0]?.attachments.map((a) => a.name)).toEqual(['speaker.jpg']);
  });
});

describe('納品 with files in a modal, in English', () => {
  async function working(worker: string) {
    const staffId = await b.asUser(uid(), ['staff'], { name: 'Reviewer' });
    const workerId = await b.asUser(worker, ['worker'], { name: 'Kato' });
    const staff: Actor = { userId: staffId, roles: ['staff'], companyId: null };
    const me: Actor = { userId: workerId, roles: ['worker'], companyId: null };
    const { job } = await b.app.domain.jobs.post(staff, {
      title: 'Survey entry',
      reward: { type: 'fixed', yen: 3000 },
      status: 'open',
    });
    const app = await b.app.domain.applications.apply(me, job.id);
    await b.app.domain.applications.accept(staff, app.id);
    const stored = await b.app.files.put(zip('work sheet'));
    await b.app.domain.applications.handOverWorkFiles(staff, app.id, [
      { storageKey: stored.key, name: 'sheet.xlsx', mime: XLSX, size: stored.size },
    ]);
    await b.app.domain.applications.start(me, app.id).catch(() => undefined);
    expect((await b.say(worker, 'lang en')).text).toContain('Your language is now English.');
    return { app, staff };
  }

  it('refuses a file over the limit, reopens the page, and delivers the files chosen again', async () => {
    const worker = uid();
    const { app, staff } = await working(worker);

    const opened = await b.command(worker, 'work', 'deliver', String(app.id));
    if (opened.response.type !== 9) throw new Error(opened.text);
    const modal = modalOfSeen(opened);
    expect(modal.title).toBe('Form');
    expect(names(modal)).toEqual(['files', 'note']);
    expect(field(modal, 'files').component).toMatchObject({
      type: 19,
      required: true,
      min_values: 1,
      max_values: 10,
    });

    const big = Buffer.concat([pdf('report'), Buffer.alloc(1024 * 1024 + 1, 0x20)]);
    const refused = await b.fillModal(worker, {
      files: [{ name: 'report.pdf', content: big, mime: 'application/pdf' }],
      note: 'Please review',
    });
    expect(refused.text).toContain('“report.pdf” is too large to accept (1 MB at most)');
    expect(refused.buttons.map((x) => x.label)).toEqual(['Fix']);

    const again = modalOfSeen(await b.pressLabel(worker, 'Fix'));
    expect(again.components[0]?.content).toContain('too large');
    expect(field(again, 'note').component.value).toBe('Please review');
    const sheet = zip('survey results');
    const done = await b.fillModal(worker, {
      files: [
        { name: 'results.xlsx', content: sheet, mime: XLSX },
        { name: 'scan.pdf', content: pdf('scan'), mime: 'application/pdf' },
      ],
    });
    expect(done.text).toContain(`Delivery for application #${app.id} received (files: 2)`);
    const [delivery] = await b.app.domain.deliveries.list(staff, app.id);
    expect(delivery?.delivery.note).toBe('Please review');
    expect(delivery?.files).toHaveLength(2);
  });
});

describe('modal pages and submissions', () => {
  const spec = (f: Partial<FormField> & Pick<FormField, 'name' | 'type'>): FormField => ({
    label: 'ご希望を選んでください。',
    optional: false,
    ...f,
  });

  it('asks a choice of two with a radio group, up to 25 with a select, more by typing', () => {
    const options = (count: number) =>
      Array.from({ length: count }, (_, i) => ({ value: `v${i}`, label: `選択肢${i + 1}` }));
    const modal = modalOf(
      {
        customId: 'form:x:{}',
        title: '入力フォーム',
        fields: [
          spec({
            name: 'agree',
            type: 'choice',
            choices: [
              { value: 'yes', label: 'はい' },
              { value: 'no', label: 'いいえ' },
            ],
          }),
          spec({ name: 'plan', type: 'choice', choices: options(25), optional: true }),
          spec({ name: 'town', type: 'choice', choices: options(26) }),
          spec({ name: 'files', type: 'files', maxFiles: 3 }),
          spec({ name: 'when', type: 'date', label: 'x'.repeat(200) }),
        ],
        values: { agree: 'no', plan: 'v3' },
        files: {},
      },
      'ja',
    );
    expect(modalIssues(modal)).toEqual([]);
    const [agree, plan, town, files, when] = modal.components as Component[];
    expect(agree?.component).toMatchObject({ type: 21, required: true });
    expect(agree?.component.options[1]).toEqual({ label: 'いいえ', value: 'no', default: true });
    expect(plan?.component).toMatchObject({ type: 3, min_values: 0, required: false });
    expect(plan?.component.options).toHaveLength(25);
    expect(town?.component).toMatchObject({ type: 4, style: 1 });
    expect(town?.component.placeholder.length).toBeLessThanOrEqual(100);
    expect(files?.component).toMatchObject({ type: 19, max_values: 3, min_values: 1, required: true });
    expect(when?.label.length).toBeLessThanOrEqual(45);
    expect(when?.description.length).toBeLessThanOrEqual(100);
    expect(labelParts('報酬額(円)を入力してください(例: 12000、1.2万)。')).toEqual({
      label: '報酬額(円)を入力してください(例: 12000、1.2万)。',
    });
  });

  it('lays every guided flow out in modals within Discord’s limits', async () => {
    const user = uid();
    const userId = await b.asUser(user, ['admin', 'staff', 'worker', 'customer']);
    const staff: Actor = { userId, roles: ['staff'], companyId: null };
    const { job } = await b.app.domain.jobs.post(staff, {
      title: '検品',
      reward: { type: 'fixed', yen: 1000 },
    });
    const entry = await b.app.domain.profiles.addCareerEntry(
      { userId, roles: ['worker'], companyId: null },
      { periodFrom: '2020-04', company: '株式会社テスト' },
    );
    // What the commands preset (the job applied for, the person written to, …).
    const presets: Record<string, Record<string, string | number>> = {
      apply: { job: String(job.id) },
      deliver: { application: '1' },
      'first-message': { kind: 'message', target: userId },
      'identity-reject': { userId },
      'career-edit': { entry: String(entry.id) },
    };
    const event: ChatEvent = {
      kind: 'message',
      text: '',
      id: snowflake(),
      platform: 'discord',
      sender: { workspace: '', externalId: user },
      conversation: { kind: 'direct', id: '1500000000000000010' },
      receivedAt: b.clock(),
    };
    for (const flow of allFlows) {
      const preset = presets[flow.id] ?? {};
      const describe = (answers: Parameters<typeof b.app.bot.describeForm>[2]) =>
        b.app.bot.describeForm(event, flow.id, answers);
      const draft = newDraft(preset);
      for (let page = 1; ; page++) {
        const next = await nextPage(describe, draft);
        if (next.fields.length === 0) break;
        expect(page, flow.id).toBeLessThanOrEqual(6);
        draft.pages.push(next.fields.map((f) => f.name));
        const customId = formId({ flowId: flow.id, page, preset });
        const modal = modalOf(
          { customId, title: `入力フォーム (${page}/6)`, fields: next.fields, values: {}, files: {} },
          'ja',
        );
        expect(modalIssues(modal), `${flow.id} page ${page}`).toEqual([]);
        // Answered with the first option (or anything), so the next page comes.
        for (const f of next.fields) {
          if (f.type === 'files') draft.files[f.name] = [];
          else draft.raw[f.name] = f.choices?.[0]?.value ?? '1';
        }
      }
      expect(draft.pages.length, flow.id).toBeGreaterThan(0);
    }
  });

  it('answers 400 to a submission that does not fit, and processes none of it', async () => {
    const user = uid();
    const body = (components: unknown[], resolved?: unknown) =>
      JSON.stringify({
        id: snowflake(),
        application_id: DISCORD_APP,
        type: 5,
        token: 't',
        version: 1,
        user: { id: user, username: 'u' },
        data: {
          custom_id: 'form:deliver:{"application":"1"}',
          components,
          ...(resolved ? { resolved } : {}),
        },
      });
    const label = (component: unknown) => ({ type: 18, component });
    const bad = [
      [label({ type: 3, custom_id: 'c', values: [1] })],
      [label({ type: 19, custom_id: 'f', values: ['1300000000000000001'] })],
      [label({ type: 21, custom_id: 'r', value: 7 })],
      [label({ type: 23, custom_id: 'k', value: 'yes' })],
      [label({ type: 5, custom_id: 'u', values: [] })],
      [label({ type: 4, custom_id: 'a', value: 'x' }), label({ type: 4, custom_id: 'a', value: 'y' })],
      [{ type: 18 }],
      [{ type: 2, custom_id: 'b' }],
      Array.from({ length: 6 }, (_, i) => label({ type: 4, custom_id: `t${i}`, value: '' })),
    ];
    for (const components of bad) expect((await b.post(body(components))).status).toBe(400);
    expect(
      await b.app.store.users.findByIdentity({ platform: 'discord', workspace: '', externalId: user }),
    ).toBeNull();
  });

  it('sent no modal or message past a documented Discord limit', () => {
    expect(b.discord.violations).toEqual([]);
  });
});
