/** Finds the command a line of text names, in either language, and suggests close ones when none. */
import type { Role } from '../domain/roles.ts';
import type { Command } from './command.ts';
import { editDistance, normalizeInput } from './normalize.ts';

/**
 * A command word with a number glued on: `案件詳細4`, `応募状況#12`, `応募状況No.12`, `検収:3`, or an
 * amount (`時給1800円`).
 */
const GLUED_NUMBER = /^(\D+?)(?:[#:]|no\.?)?(\d{1,9}円?)$/iu;

export type RouteResult =
  | { kind: 'command'; command: Command; name: string; args: string[]; rest: string }
  | { kind: 'unknown'; input: string; suggestions: string[] }
  | { kind: 'empty' };

export class Router {
  private readonly byAlias = new Map<string, Command>();
  private readonly commands: Command[] = [];

  constructor(commands: readonly Command[] = []) {
    for (const c of commands) this.register(c);
  }

  register(command: Command): void {
    for (const alias of [command.name, ...command.aliases.ja, ...command.aliases.en]) {
      const key = normalizeInput(alias).toLowerCase();
      const existing = this.byAlias.get(key);
      if (existing && existing !== command) {
        throw new Error(`alias "${alias}" of ${command.name} is already used by ${existing.name}`);
      }
      this.byAlias.set(key, command);
    }
    this.commands.push(command);
  }

  list(): readonly Command[] {
    return this.commands;
  }

  /** Commands a user holding `roles` may run. */
  allowedFor(roles: readonly Role[]): Command[] {
    return this.commands.filter((c) => mayRun(c, roles));
  }

  resolve(rawText: string, roles: readonly Role[] = []): RouteResult {
    const text = normalizeInput(rawText);
    if (text === '') return { kind: 'empty' };
    const space = text.indexOf(' ');
    const head = (space === -1 ? text : text.slice(0, space)).replace(/^[/!]/, '');
    const rest = space === -1 ? '' : text.slice(space + 1);
    const command = this.byAlias.get(head.toLowerCase());
    if (command) {
      return { kind: 'command', command, name: head, args: rest === '' ? [] : rest.split(' '), rest };
    }
    // A number typed straight after the command, as people do (`案件詳細4`, `応募状況#12`, `応募状況:12`).
    const glued = GLUED_NUMBER.exec(head);
    const gluedCommand = glued ? this.byAlias.get((glued[1] ?? '').toLowerCase()) : undefined;
    if (glued && gluedCommand) {
      const id = `${glued[2] ?? ''}`;
      const joinedRest = rest === '' ? id : `${id} ${rest}`;
      return {
        kind: 'command',
        command: gluedCommand,
        name: glued[1] ?? '',
        args: joinedRest.split(' '),
        rest: joinedRest,
      };
    }
    return { kind: 'unknown', input: head, suggestions: this.suggest(head, roles) };
  }

  /** Up to three names within a small edit distance, in the script the user typed. */
  private suggest(input: string, roles: readonly Role[]): string[] {
    const needle = input.toLowerCase();
    // One character is too little to guess from ("2" is one edit away from "?").
    if ([...needle].length < 2) return [];
    const limit = Math.max(1, Math.floor([...needle].length / 3));
    const scored: { alias: string; d: number }[] = [];
    for (const command of this.allowedFor(roles)) {
      let best: { alias: string; d: number } | undefined;
      for (const alias of [...command.aliases.en, ...command.aliases.ja].filter((a) => [...a].length > 1)) {
        const d = editDistance(needle, alias.toLowerCase());
        const prefix = alias.toLowerCase().startsWith(needle) && needle.length >= 2;
        const score = prefix ? Math.min(d, 1) : d;
        if (score <= limit && (!best || score < best.d)) best = { alias, d: score };
      }
      if (best) scored.push(best);
    }
    return scored
      .sort((a, b) => a.d - b.d)
      .slice(0, 3)
      .map((s) => s.alias);
  }
}

export function mayRun(command: Command, roles: readonly Role[]): boolean {
  return !command.roles || command.roles.some((r) => roles.includes(r));
}
