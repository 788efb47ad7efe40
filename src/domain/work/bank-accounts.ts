/**
 * 口座 (DOMAIN.md §1.9): the account a worker is paid into. The account number is stored only sealed
 * (ctx.secrets, AES-GCM) plus its last digits, and every read shows it masked; the clear number leaves
 * the service only through `revealForPaymentExport`, for staff. Accounts at JA (農協) and Japan Post
 * Bank (ゆうちょ銀行) cannot receive our transfers, so registering one is refused.
 * Never log or audit the number (STYLE.md, Logs).
 */
import { UserError } from '../../errors.ts';
import { type Actor, requireRole, requireStaff } from '../actor.ts';
import type { DomainContext } from '../context.ts';
import { retryOnDuplicate } from '../table.ts';
import type { BankAccountRecord } from './records.ts';

export type AccountType = BankAccountRecord['accountType'];

export interface BankAccountInput {
  bankName: string;
  /** 金融機関コード, 4 digits. */
  bankCode: string;
  branchName: string;
  /** 支店コード, 3 digits. */
  branchCode: string;
  /** `ordinary`/`checking`/`savings`, or 普通/当座/貯蓄. */
  accountType: string;
  /** 口座番号, 7 digits; full-width digits, hyphens and spaces are accepted. */
  accountNumber: string;
  /** 口座名義 in katakana (half-width and hiragana are converted). */
  holderName: string;
}

/** An account as anyone may see it: the number masked. */
export interface MaskedBankAccount {
  userId: number;
  bankName: string;
  bankCode: string;
  branchName: string;
  branchCode: string;
  accountType: AccountType;
  /** `****567`: never more than the last three digits. */
  accountNumberMasked: string;
  holderName: string;
  updatedAt: Date;
}

export type NormalizedBankAccount = Omit<BankAccountInput, 'accountType'> & { accountType: AccountType };

const JAPAN_POST_BANK_CODE = '9900';
const ACCOUNT_TYPES: Record<string, AccountType> = {
  ordinary: 'ordinary',
  checking: 'checking',
  savings: 'savings',
  普通: 'ordinary',
  普通預金: 'ordinary',
  当座: 'checking',
  当座預金: 'checking',
  貯蓄: 'savings',
  貯蓄預金: 'savings',
};

/** JA: 農協, 農業協同組合 (also 信用農業協同組合連合会), JAバンク, or "JA" as a word (not "JAPAN"). */
const JA_NAME = /農協|農業協同組合|JAバンク|(?:^|[^A-Z])JA(?:[^A-Z]|$)/;
const JAPAN_POST_NAME = /ゆうちょ|ユウチョ|郵便局|郵便貯金|JAPAN ?POST/;
const HYPHENS_AND_SPACES = /[\s\-‐‑‒–—―−ー]/g;
/** Katakana, the long-vowel mark and the symbols banks allow in 口座名義 (e.g. カ)ヤマダシヨウジ). */
const HOLDER_NAME = /^[ァ-ヴー ()./,A-Z0-9-]+$/;

/** Whether the bank cannot receive our transfers: the refusal key, or null when it can. */
export function refusedBank(bankName: string, bankCode: string): 'ja' | 'japan_post' | null {
  const name = bankName.normalize('NFKC').toUpperCase();
  const code = bankCode.normalize('NFKC').trim();
  if (code === JAPAN_POST_BANK_CODE || JAPAN_POST_NAME.test(name)) return 'japan_post';
  if (JA_NAME.test(name)) return 'ja';
  return null;
}

const toKatakana = (s: string) => s.replace(/[ぁ-ゖ]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));

/** Validates and normalizes what the worker typed; refuses JA and Japan Post Bank first. */
export function normalizeBankAccount(input: BankAccountInput): NormalizedBankAccount {
  const refused = refusedBank(input.bankName, input.bankCode);
  if (refused === 'ja') throw new UserError('money.bank.ja_refused');
  if (refused === 'japan_post') throw new UserError('money.bank.japan_post_refused');

  const bankName = input.bankName.normalize('NFKC').trim();
  if (bankName === '' || bankName.length > 100) throw new UserError('money.bank.name_required');
  const bankCode = input.bankCode.normalize('NFKC').trim();
  if (!/^\d{4}$/.test(bankCode)) throw new UserError('money.bank.bad_bank_code');
  const branchName = input.branchName.normalize('NFKC').trim();
  if (branchName === '' || branchName.length > 100) throw new UserError('money.bank.branch_required');
  const branchCode = input.branchCode.normalize('NFKC').trim();
  if (!/^\d{3}$/.test(branchCode)) throw new UserError('money.bank.bad_branch_code');
  const accountType = ACCOUNT_TYPES[input.accountType.normalize('NFKC').trim().toLowerCase()];
  if (!accountType) throw new UserError('money.bank.bad_account_type');
  const accountNumber = input.accountNumber.normalize('NFKC').replace(HYPHENS_AND_SPACES, '');
  if (!/^\d{7}$/.test(accountNumber)) throw new UserError('money.bank.bad_account_number');
  // NFKC turns half-width katakana (ﾔﾏﾀﾞ) into full-width and the ideographic space into a space.
  const holderName = toKatakana(input.holderName.normalize('NFKC').toUpperCase()).replace(/\s+/g, ' ').trim();
  if (holderName === '' || holderName.length > 100 || !HOLDER_NAME.test(holderName)) {
    throw new UserError('money.bank.bad_holder_name');
  }
  return { bankName, bankCode, branchName, branchCode, accountType, accountNumber, holderName };
}

/** `****567` from the stored last four digits. */
export const maskAccountNumber = (last4: string) => `****${last4.slice(-3)}`;

function masked(row: BankAccountRecord): MaskedBankAccount {
  return {
    userId: row.userId,
    bankName: row.bankName,
    bankCode: row.bankCode,
    branchName: row.branchName,
    branchCode: row.branchCode,
    accountType: row.accountType,
    accountNumberMasked: maskAccountNumber(row.accountLast4),
    holderName: row.holderName,
    updatedAt: row.updatedAt,
  };
}

export class BankAccountService {
  private readonly ctx: DomainContext;

  constructor(ctx: DomainContext) {
    this.ctx = ctx;
  }

  /** [worker] Registers the actor's own account, replacing any earlier one. */
  register(actor: Actor, input: BankAccountInput): Promise<MaskedBankAccount> {
    return retryOnDuplicate(() =>
      this.ctx.uow.run(async (tx) => {
        requireRole(actor, 'worker');
        const v = normalizeBankAccount(input);
        const values = {
          bankName: v.bankName,
          bankCode: v.bankCode,
          branchName: v.branchName,
          branchCode: v.branchCode,
          accountType: v.accountType,
          accountNumberEnc: this.ctx.secrets.seal(v.accountNumber),
          accountLast4: v.accountNumber.slice(-4),
          holderName: v.holderName,
        };
        const existing = await tx.work.bankAccounts.findOne({ userId: actor.userId });
        const row = existing
          ? await tx.work.bankAccounts.update(existing.id, values)
          : await tx.work.bankAccounts.insert({ userId: actor.userId, ...values });
        await tx.audit({
          actorUserId: actor.userId,
          action: existing ? 'bank_account.replaced' : 'bank_account.registered',
          subjectType: 'bank_account',
          subjectId: row.id,
          // Bank and branch only: the account number (even its last digits) stays out of the audit log.
          data: { bankCode: v.bankCode, branchCode: v.branchCode, accountType: v.accountType },
        });
        return masked(row);
      }),
    );
  }

  /** The account, masked: the actor's own, or (staff) any user's. Null when none is registered. */
  get(actor: Actor, userId: number = actor.userId): Promise<MaskedBankAccount | null> {
    return this.ctx.uow.read(async (tx) => {
      if (userId !== actor.userId) requireStaff(actor);
      const row = await tx.work.bankAccounts.findOne({ userId });
      return row ? masked(row) : null;
    });
  }

  /**
   * [staff] The clear account number, for the payment (全銀) export only; every call is audited.
   * Null when the user has no account.
   */
  revealForPaymentExport(
    actor: Actor,
    userId: number,
  ): Promise<(MaskedBankAccount & { accountNumber: string }) | null> {
    return this.ctx.uow.run(async (tx) => {
      requireStaff(actor);
      const row = await tx.work.bankAccounts.findOne({ userId });
      if (!row) return null;
      await tx.audit({
        actorUserId: actor.userId,
        action: 'bank_account.revealed',
        subjectType: 'bank_account',
        subjectId: row.id,
        data: { userId, purpose: 'payment_export' },
      });
      return { ...masked(row), accountNumber: this.ctx.secrets.open(row.accountNumberEnc) };
    });
  }
}
