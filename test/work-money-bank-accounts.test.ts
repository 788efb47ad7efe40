/**
 * 口座: registering a payout account under the 全銀 data set's names, refusing JA/JF and Japan Post
 * Bank, and keeping the number sealed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/domain/actor.ts';
import { type BankAccountInput, BankAccountService, refusedBank } from '../src/domain/work/bank-accounts.ts';
import { type DomainBench, openDomainBench, refusal } from './helpers/domain.ts';

let b: DomainBench;
let accounts: BankAccountService;
let staff: Actor;

beforeAll(async () => {
  b = await openDomainBench('moneybank');
  accounts = new BankAccountService(b.ctx);
  staff = await b.user(['staff']);
});
afterAll(async () => {
  await b?.close();
});

const valid: BankAccountInput = {
  bankName: '三菱UFJ銀行',
  bankCode: '0005',
  branchName: '渋谷支店',
  branchCode: '135',
  accountType: 'ordinary',
  accountNumber: '1234567',
  holderName: 'ヤマダ タロウ',
};

const raw = <T extends object>(sql: string, params: unknown[] = []) =>
  b.store.orm.em.getConnection().execute(sql, params) as Promise<T[]>;

describe('registering an account', () => {
  it('normalizes what a Japanese keyboard types and shows the number masked', async () => {
    const worker = await b.user(['worker']);
    const account = await accounts.register(worker, {
      bankName: ' 三菱ＵＦＪ銀行 ',
      bankCode: '０００５',
      branchName: '渋谷支店',
      branchCode: '１３５',
      accountType: '普通',
      accountNumber: '１２３−４５６７',
      holderName: 'ﾔﾏﾀﾞ　ﾀﾛｳ',
    });
    expect(account).toMatchObject({
      userId: worker.userId,
      bankName: '三菱UFJ銀行',
      bankCode: '0005',
      branchName: '渋谷',
      branchCode: '135',
      accountType: 'ordinary',
      accountNumberMasked: '****567',
      holderName: 'ヤマダ タロウ',
    });
    expect(JSON.stringify(account)).not.toContain('1234567');
    expect((await accounts.register(worker, { ...valid, holderName: 'やまだ はなこ' })).holderName).toBe(
      'ヤマダ ハナコ',
    );
  });

  it('stores the number only sealed, never in clear, and keeps it out of the audit log', async () => {
    const worker = await b.user(['worker']);
    await accounts.register(worker, { ...valid, accountNumber: '7654321' });
    const [row] = await raw<{ account_number_enc: string; account_last4: string }>(
      'select account_number_enc, account_last4 from bank_accounts where user_id = ?',
      [worker.userId],
    );
    expect(row?.account_last4).toBe('4321');
    expect(row?.account_number_enc).not.toContain('7654321');
    expect(row?.account_number_enc).not.toContain('654321');
    expect(b.ctx.secrets.open(row?.account_number_enc ?? '')).toBe('7654321');
    const audit = await raw<{ data: unknown }>(
      `select data from audit_log where action like 'bank_account.%' and actor_user_id = ?`,
      [worker.userId],
    );
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toMatch(/7654321|4321/);
  });

  it('replaces the earlier account instead of adding a second', async () => {
    const worker = await b.user(['worker']);
    await accounts.register(worker, valid);
    const replaced = await accounts.register(worker, {
      ...valid,
      bankName: '住信SBIネット銀行',
      bankCode: '0038',
      branchName: 'イチゴ支店',
      branchCode: '101',
    });
    // The stored names are the data set's, for the codes: the bank's current name, not the typed one.
    expect(replaced).toMatchObject({
      bankName: 'ドコモSMTBネット銀行',
      bankCode: '0038',
      branchName: 'イチゴ',
    });
    expect(await raw('select id from bank_accounts where user_id = ?', [worker.userId])).toHaveLength(1);
    expect((await b.audit('bank_account.replaced')).some((a) => a.actorUserId === worker.userId)).toBe(true);
  });

  it('refuses JA (農協) accounts, which cannot receive payments', async () => {
    const worker = await b.user(['worker']);
    for (const bankName of [
      'JAバンク',
      'ＪＡ東京中央',
      'JA 北つくば',
      '横浜農業協同組合',
      '〇〇農協',
      '北海道信用農業協同組合連合会',
    ]) {
      expect(
        await refusal(accounts.register(worker, { ...valid, bankName, bankCode: '5000' })),
        bankName,
      ).toBe('money.bank.ja_refused');
    }
    expect(await accounts.get(worker)).toBeNull();
  });

  it('refuses Japan Post Bank (ゆうちょ・郵便局) by name or by its bank code 9900', async () => {
    const worker = await b.user(['worker']);
    for (const [bankName, bankCode] of [
      ['ゆうちょ銀行', '9900'],
      ['ゆうちょ', '0000'],
      ['郵便局', '1234'],
      ['ﾕｳﾁｮ銀行', '0001'],
      ['どこかの銀行', '９９００'],
    ] as const) {
      expect(await refusal(accounts.register(worker, { ...valid, bankName, bankCode })), bankName).toBe(
        'money.bank.japan_post_refused',
      );
    }
    expect(await accounts.get(worker)).toBeNull();
  });

  it('does not mistake other banks for JA or Japan Post', () => {
    expect(refusedBank('ジャパンネット銀行', '0033')).toBeNull();
    expect(refusedBank('Japan Net Bank', '0033')).toBeNull();
    expect(refusedBank('PayPay銀行', '0033')).toBeNull();
    expect(refusedBank('三井住友銀行', '0009')).toBeNull();
  });

  it('validates codes, account type, number and holder name', async () => {
    const worker = await b.user(['worker']);
    const cases: [Partial<BankAccountInput>, string][] = [
      [{ bankName: 'あ'.repeat(101) }, 'money.bank.name_required'],
      [{ bankCode: '005' }, 'money.bank.bad_bank_code'],
      [{ bankCode: 'abcd' }, 'money.bank.bad_bank_code'],
      [{ bankCode: '0002' }, 'money.bank.unknown_bank_code'],
      [{ branchName: 'あ'.repeat(101) }, 'money.bank.branch_required'],
      [{ branchCode: '1350' }, 'money.bank.bad_branch_code'],
      [{ branchCode: '999' }, 'money.bank.unknown_branch_code'],
      [{ accountType: 'loan' }, 'money.bank.bad_account_type'],
      [{ accountNumber: '123456' }, 'money.bank.bad_account_number'],
      [{ accountNumber: '12345678' }, 'money.bank.bad_account_number'],
      [{ accountNumber: '12a4567' }, 'money.bank.bad_account_number'],
      [{ holderName: '山田太郎' }, 'money.bank.bad_holder_name'],
      [{ holderName: '  ' }, 'money.bank.bad_holder_name'],
    ];
    for (const [change, key] of cases) {
      expect(await refusal(accounts.register(worker, { ...valid, ...change })), JSON.stringify(change)).toBe(
        key,
      );
    }
    expect((await accounts.register(worker, { ...valid, accountType: '当座' })).accountType).toBe('checking');
    expect((await accounts.register(worker, { ...valid, accountType: 'savings' })).accountType).toBe(
      'savings',
    );
  });
});

describe('who sees an account', () => {
  it('lets a worker read only their own account, masked', async () => {
    const worker = await b.user(['worker']);
    const other = await b.user(['worker']);
    await accounts.register(other, valid);
    expect(await accounts.get(worker)).toBeNull();
    expect(await refusal(accounts.get(worker, other.userId))).toBe('forbidden');
    expect((await accounts.get(other))?.accountNumberMasked).toBe('****567');
  });

  it('lets staff read a worker’s account masked, and only the payment export sees the clear number', async () => {
    const worker = await b.user(['worker']);
    await accounts.register(worker, valid);
    const seen = await accounts.get(staff, worker.userId);
    expect(seen).toMatchObject({ userId: worker.userId, accountNumberMasked: '****567' });
    expect(JSON.stringify(seen)).not.toContain('1234567');
    expect((await accounts.revealForPaymentExport(staff, worker.userId))?.accountNumber).toBe('1234567');
    expect((await b.audit('bank_account.revealed')).some((a) => a.actorUserId === staff.userId)).toBe(true);
    expect(await refusal(accounts.revealForPaymentExport(worker, worker.userId))).toBe('forbidden');
    expect(await accounts.revealForPaymentExport(staff, 999_999)).toBeNull();
  });

  it('lets workers and clients register an account, and nobody else', async () => {
    expect(await refusal(accounts.register(await b.user(['customer']), valid))).toBe('forbidden');
    const client = await b.user(['client']);
    expect((await accounts.register(client, valid)).bankCode).toBe('0005');
  });

  it('refuses the JA/JF system by its codes whatever the name typed (東京みらい 5039, 信連 3013)', async () => {
    const worker = await b.user(['worker']);
    for (const [bankName, bankCode] of [
      ['東京みらい', '5039'],
      ['信連', '3013'],
      ['', '3000'],
      ['なぎさ', '9477'],
    ] as const)
      expect(await refusal(accounts.register(worker, { ...valid, bankName, bankCode })), bankCode).toBe(
        'money.bank.ja_refused',
      );
  });
});
