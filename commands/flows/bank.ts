/**
 * 口座登録 as a guided flow, for workers and clients: bank (name or 4-digit code) → branch (name or
 * 3-digit code) → account type → number → holder name in katakana. Banks and branches are looked up
 * in the 全銀 data set and shown by name as soon as they are found; a name that fits several asks
 * for the code among the candidates. JA/JF and Japan Post Bank are refused at the bank step. The
 * account number is kept between steps only sealed.
 */
import type { CommandContext } from '../../src/chat/command.ts';
import { type FlowAnswers, type FlowDefinition, label } from '../../src/chat/flow.ts';
import { type Block, text } from '../../src/chat/types.ts';
import {
  type AccountType,
  accountTypeOf,
  normalizeHolderName,
  refusedBank,
} from '../../src/domain/work/bank-accounts.ts';
import {
  type BankInfo,
  type BranchInfo,
  bankByCode,
  branchByCode,
  searchBanks,
  searchBranches,
} from '../../src/domain/work/bank-codes.ts';
import { UserError } from '../../src/errors.ts';
import { accountCard } from '../work-money.ts';

/** The banks most people are paid into, offered as choices; any other is typed. */
const COMMON_BANKS = ['0001', '0005', '0009', '0010', '0033', '0036', '0038', '0035', '0039', '0034'];
/** How many candidates a "which one?" answer lists. */
const CANDIDATES = 8;

const bankOf = (answers: FlowAnswers) => bankByCode(String(answers.bank));
const branchOf = (answers: FlowAnswers) => branchByCode(String(answers.bank), String(answers.branch));

function refuse(kind: 'ja' | 'japan_post'): never {
  throw new UserError(kind === 'ja' ? 'money.bank.ja_refused' : 'money.bank.japan_post_refused');
}

function candidates(ctx: CommandContext, found: (BankInfo | BranchInfo)[]): string {
  const shown = found.slice(0, CANDIDATES).map((b) => `${b.code} ${b.name}`);
  const more = found.length - shown.length;
  return shown.join(ctx.t('common.separator')) + (more > 0 ? ctx.t('flow.bank.more', { count: more }) : '');
}

async function resolveBank(input: string, ctx: CommandContext): Promise<string> {
  const typed = input.slice(0, 40);
  if (/^\d{4}$/.test(typed)) {
    const byCode = refusedBank('', typed);
    if (byCode) refuse(byCode);
    if (!bankByCode(typed)) throw new UserError('money.bank.unknown_bank_code', { code: typed });
    return typed;
  }
  const byName = refusedBank(typed, '');
  const found = searchBanks(typed);
  const usable = found.filter((b) => refusedBank(b.name, b.code) === null);
  if (byName && usable.length === 0) refuse(byName);
  if (usable.length === 0) {
    const refusedMatch = found[0] ? refusedBank(found[0].name, found[0].code) : null;
    if (refusedMatch) refuse(refusedMatch);
    throw new UserError('flow.bank.bank_not_found', { input: typed });
  }
  if (usable.length === 1 && usable[0]) return usable[0].code;
  throw new UserError('flow.bank.bank_candidates', { input: typed, list: candidates(ctx, usable) });
}

async function resolveBranch(input: string, ctx: CommandContext, answers: FlowAnswers): Promise<string> {
  const bank = bankOf(answers);
  if (!bank) throw new UserError('flow.choose_one');
  const typed = input.slice(0, 40);
  if (/^\d{3}$/.test(typed)) {
    if (!branchByCode(bank.code, typed))
      throw new UserError('money.bank.unknown_branch_code', { code: typed, bank: bank.name });
    return typed;
  }
  const found = searchBranches(bank.code, typed);
  if (found.length === 0)
    throw new UserError('flow.bank.branch_not_found', { input: typed, bank: bank.name });
  if (found.length === 1 && found[0]) return found[0].code;
  throw new UserError('flow.bank.branch_candidates', { input: typed, list: candidates(ctx, found) });
}

export const bankFlow: FlowDefinition = {
  id: 'bank',
  fields: [
    {
      name: 'bank',
      prompt: 'flow.bank.bank',
      type: 'choice',
      choices: async () =>
        COMMON_BANKS.flatMap((code) => {
          const b = bankByCode(code);
          return b ? [{ value: b.code, label: b.name }] : [];
        }),
      resolve: resolveBank,
    },
    {
      name: 'branch',
      prompt: 'flow.bank.branch',
      promptParams: async (ctx, answers) => {
        const b = bankOf(answers);
        return { bank: b ? `${b.name} (${b.code})` : ctx.t('flow.bank.the_bank') };
      },
      type: 'choice',
      // Too many to list (三菱UFJ has 700): the branch is typed, by name or code.
      choices: async () => [],
      resolve: resolveBranch,
    },
    {
      name: 'accountType',
      prompt: 'flow.bank.type',
      promptParams: async (_ctx, answers) => {
        const b = branchOf(answers);
        return { branch: b ? `${b.name} (${b.code})` : '' };
      },
      type: 'choice',
      choices: async (ctx) =>
        (['ordinary', 'checking', 'savings'] as const).map((value) => ({
          value,
          label: ctx.t(`money.bank.type.${value}`),
        })),
      resolve: async (input) => {
        const type = accountTypeOf(input);
        if (!type) throw new UserError('money.bank.bad_account_type');
        return type;
      },
    },
    {
      name: 'accountNumber',
      prompt: 'flow.bank.number',
      type: 'text',
      // Only the sealed number is kept in the flow's saved answers.
      resolve: async (input, ctx) => ctx.services.domain.bankAccounts.sealAccountNumber(input).sealed,
    },
    {
      name: 'holderName',
      prompt: 'flow.bank.holder',
      type: 'text',
      resolve: async (input) => normalizeHolderName(input),
    },
  ],
  async summary(ctx, answers) {
    const bank = bankOf(answers);
    const branch = branchOf(answers);
    return [
      label(ctx, 'work.field.bank', bank ? `${bank.name} (${bank.code})` : '-'),
      label(ctx, 'work.field.branch', branch ? `${branch.name} (${branch.code})` : '-'),
      label(ctx, 'work.field.account_type', ctx.t(`money.bank.type.${answers.accountType as AccountType}`)),
      label(
        ctx,
        'work.field.account_number',
        ctx.services.domain.bankAccounts.maskSealed(String(answers.accountNumber)),
      ),
      label(ctx, 'work.field.holder', String(answers.holderName)),
    ];
  },
  async submit(ctx, answers) {
    const saved = await ctx.services.domain.bankAccounts.register(ctx.actor, {
      bankName: '',
      bankCode: String(answers.bank),
      branchName: '',
      branchCode: String(answers.branch),
      accountType: String(answers.accountType),
      accountNumber: { sealed: String(answers.accountNumber) },
      holderName: String(answers.holderName),
    });
    const blocks: Block[] = [text(ctx.t('work.bank.registered')), accountCard(ctx, saved)];
    return { blocks };
  },
};
