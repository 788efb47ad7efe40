/**
 * Naming a person in a command: by number (`12`, `#12`, `No.12`) as before, or by part of their
 * name (`山田`, `hanako`). One match is that person; none says so; several answer with one button per
 * person, each running the same command with that person's number in place of the name.
 */
import { parseId } from '../src/chat/args.ts';
import type { CommandContext } from '../src/chat/command.ts';
import { type Reply, text } from '../src/chat/types.ts';
import type { Role } from '../src/domain/roles.ts';
import { UserError } from '../src/errors.ts';

/** How many people a "which one?" answer offers (a LINE quick-reply row holds 13). */
const CANDIDATES = 10;

export type PersonPick = { userId: number } | { reply: Reply };

export interface PersonSpec {
  /** The canonical command name and which of `ctx.args` names the person, to re-run it per candidate. */
  command: string;
  argIndex: number;
  /** Only people holding one of these roles are found by name (a number is taken as given). */
  roles?: readonly Role[];
}

const BY_NUMBER = /^(?:#|no\.?|id[:：]?)?\d{1,9}$/i;

export async function pickPerson(ctx: CommandContext, spec: PersonSpec): Promise<PersonPick> {
  const typed = ctx.args[spec.argIndex];
  if (typed === undefined) throw new UserError('people.missing');
  if (BY_NUMBER.test(typed.normalize('NFKC'))) return { userId: parseId(typed) };
  const name = typed.slice(0, 40);
  const found = await ctx.services.store.uow.read((tx) =>
    tx.usersNamed(name, spec.roles ?? null, CANDIDATES + 1),
  );
  if (found.length === 1 && found[0]) return { userId: found[0].id };
  if (found.length === 0) throw new UserError('people.not_found', { name });
  const rerun = (id: number) =>
    [spec.command, ...ctx.args.map((a, i) => (i === spec.argIndex ? `#${id}` : a))].join(' ');
  const buttons = [];
  for (const p of found.slice(0, CANDIDATES))
    buttons.push(await ctx.button(`${p.displayName.slice(0, 24)} (#${p.id})`, rerun(p.id)));
  const more = found.length > CANDIDATES;
  return {
    reply: {
      blocks: [
        text(ctx.t(more ? 'people.which_many' : 'people.which', { name, count: CANDIDATES })),
        { type: 'buttons', buttons },
      ],
    },
  };
}
