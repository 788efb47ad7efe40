/**
 * 口座: the account a worker (or a client) is paid into. The account number is stored only sealed
 * (ctx.secrets, AES-GCM) plus its last digits, and every read shows it masked; the clear number leaves
 * the service only through `revealForPaymentExport`, for staff. Bank and branch are checked by their
 * codes against the 全銀 data set (bank-codes.ts) and stored under the data set's names. Accounts in
 * the JA/JF system (農協, 信連, 漁協, 農林中金) and at Japan Post Bank (ゆうちょ銀行) cannot receive our
 * transfers, so registering one is refused, by code first and by name too.
 * Never log or audit the number.
 */
import { UserError } from '../../errors.ts';
import { type Actor, requireRole, requireStaff } from '../actor.ts';
import type { DomainContext } from '../context.ts';
import { retryOnDuplicate } from '../table.ts';
import { bankByCode, branchByCode, refusedBankCode } from './bank-codes.ts';
import type { BankAccountRecord } from './records.ts';

export type AccountType = BankAccountRecord['accountType'];

export interface BankAccountInput {
  /** As typed; may be empty. The stored name is the data set's name for `bankCode`. */
  bankName: string;
  /** 金融機関コード, 4 digits. */
  bankCode: string;
  /** As typed; may be empty. The stored name is the data set's name for the branch code. */
  branchName: string;
  /** 支店コード, 3 digits. */
  branchCode: string;
  /** `ordinary`/`checking`/`savings`, or 普通/当座/貯蓄. */
  accountType: string;
  /**
   * 口座番号, 7 digits; full-width digits, hyphens and spaces are accepted. `{ sealed }` is a number
   * sealed earlier by `sealAccountNumber` (a guided flow keeps only that between its steps).
   */
  accountNumber: string | { sealed: string };
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

export type NormalizedBankAccount = Omit<BankAccountInput, 'accountType' | 'accountNumber'> & {
  accountType: AccountType;
  accountNumber: string;
};
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

/**
 * JA and JF: 農協, 農業協同組合 (also 信用農業協同組合連合会), 信連, 漁協, 信漁連, 農林中金, JAバンク,
 * JFマリンバンク, or "JA"/"JF" as a word (not "JAPAN").
 */
const JA_NAME =
  /農協|農業協同組合|信連|漁協|漁業協同組合|信漁連|農林中金|農林中央金庫|JAバンク|マリンバンク|(?:^|[^A-Z])J[AF](?:[^A-Z]|$)/;
const JAPAN_POST_NAME = /ゆうちょ|ユウチョ|郵便局|郵便貯金|JAPAN ?POST/;
const HYPHENS_AND_SPACES = /[\s\-‐‑‒–—―−ー]/g;
/** Katakana, the long-vowel mark and the symbols banks allow in 口座名義 (e.g. カ)ヤマダシヨウジ). */
const HOLDER_NAME = /^[ァ-ヴー ()./,A-Z0-9-]+$/;

/** Whether the bank cannot receive our transfers: the refusal key, or null when it can. */
export function refusedBank(bankName: string, bankCode: string): 'ja' | 'japan_post' | null {
  const name = bankName.normalize('NFKC').toUpperCase();
  const byCode = refusedBankCode(bankCode.normalize('NFKC').trim());
  if (byCode) return byCode;
  if (JAPAN_POST_NAME.test(name)) return 'japan_post';
  if (JA_NAME.test(name)) return 'ja';
  return null;
}

/** `普通`, `普通預金`, `当座`, `savings`… as an account type, or null. */
export function accountTypeOf(typed: string): AccountType | null {
  return ACCOUNT_TYPES[typed.normalize('NFKC').trim().toLowerCase()] ?? null;
}

/** 7 digits from what was typed (full-width digits, hyphens and spaces allowed), or a UserError. */
export function normalizeAccountNumber(typed: string): string {
  const n = typed.normalize('NFKC').replace(HYPHENS_AND_SPACES, '');
  if (!/^\d{7}$/.test(n)) throw new UserError('money.bank.bad_account_number');
  return n;
}

/** 口座名義 in full-width katakana (half-width and hiragana converted), or a UserError. */
export function normalizeHolderName(typed: string): string {
  // NFKC turns half-width katakana (ﾔﾏﾀﾞ) into full-width and the ideographic space into a space.
  const holderName = toKatakana(typed.normalize('NFKC').toUpperCase()).replace(/\s+/g, ' ').trim();
  if (holderName === '' || holderName.length > 100 || !HOLDER_NAME.test(holderName)) {
    throw new UserError('money.bank.bad_holder_name');
  }
  return holderName;
}

const toKatakana = (s: string) => s.replace(/[ぁ-ゖ]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));

/**
 * Validates and normalizes what was typed; refuses JA/JF and Japan Post Bank first. The number is
 * given in clear here (`register` opens a sealed one before calling this).
 */
export function normalizeBankAccount(
  input: BankAccountInput & { accountNumber: string },
): NormalizedBankAccount {
  const refused = refusedBank(input.bankName, input.bankCode);
  if (refused === 'ja') throw new UserError('money.bank.ja_refused');
  if (refused === 'japan_post') throw new UserError('money.bank.japan_post_refused');

  if (input.bankName.length > 100) throw new UserError('money.bank.name_required');
  const bankCode = input.bankCode.normalize('NFKC').trim();
  if (!/^\d{4}$/.test(bankCode)) throw new UserError('money.bank.bad_bank_code');
  const bank = bankByCode(bankCode);
  if (!bank) throw new UserError('money.bank.unknown_bank_code', { code: bankCode });
  if (input.branchName.length > 100) throw new UserError('money.bank.branch_required');
  const branchCode = input.branchCode.normalize('NFKC').trim();
  if (!/^\d{3}$/.test(branchCode)) throw new UserError('money.bank.bad_branch_code');
  const branch = branchByCode(bankCode, branchCode);
  if (!branch) throw new UserError('money.bank.unknown_branch_code', { code: branchCode, bank: bank.name });
  const accountType = accountTypeOf(input.accountType);
  if (!accountType) throw new UserError('money.bank.bad_account_type');
  return {
    bankName: bank.name,
    bankCode,
    branchName: branch.name,
    branchCode,
    accountType,
    accountNumber: normalizeAccountNumber(input.accountNumber),
    holderName: normalizeHolderName(input.holderName),
  };
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

  /**
   * A typed account number, checked and sealed, for a guided flow to keep between its steps instead
   * of the clear number; `register` accepts it as `{ sealed }`.
   */
  sealAccountNumber(typed: string): { sealed: string; masked: string } {
    const n = normalizeAccountNumber(typed);
    return { sealed: this.ctx.secrets.seal(n), masked: maskAccountNumber(n.slice(-4)) };
  }

  /** `****567` for a number sealed by `sealAccountNumber`. */
  maskSealed(sealed: string): string {
    return maskAccountNumber(this.ctx.secrets.open(sealed).slice(-4));
  }

  /** [worker, client] Registers the actor's own account, replacing any earlier one. */
  register(actor: Actor, input: BankAccountInput): Promise<MaskedBankAccount> {
    return retryOnDuplicate(() =>
      this.ctx.uow.run(async (tx) => {
        requireRole(actor, 'worker', 'client');
        const accountNumber =
          typeof input.accountNumber === 'string'
            ? input.accountNumber
            : this.ctx.secrets.open(input.accountNumber.sealed);
        const v = normalizeBankAccount({ ...input, accountNumber });
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
