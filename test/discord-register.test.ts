/** `npm run cli -- discord:register [--guild]` against the fake Discord API. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandGroups } from '../commands/index.ts';
import { type FakeDiscord, startFakeDiscord } from './fakes/discord-api.ts';
import { DISCORD_APP, DISCORD_TOKEN, GUILD } from './helpers/discord.ts';
import { spawnNode } from './helpers/process.ts';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord({ botToken: DISCORD_TOKEN, applicationId: DISCORD_APP });
});
afterAll(() => fake?.close());

const run = async (args: string[], env: Record<string, string>) => {
  const p = spawnNode('src/cli.ts', ['discord:register', ...args], env);
  return { code: await p.exited, out: p.stdout(), err: p.stderr() };
};
const env = () => ({
  DISCORD_APPLICATION_ID: DISCORD_APP,
  DISCORD_BOT_TOKEN: DISCORD_TOKEN,
  DISCORD_API_URL: `${fake.url}/api`,
});

describe('discord:register', () => {
  it('registers every command of the registry in a server, then globally, within Discord’s limits', async () => {
    const guild = await run(['--guild', GUILD], env());
    expect(guild.err).toBe('');
    expect(guild.code).toBe(0);
    expect(guild.out).toContain(
      `/work, /staff, /support, /market, /market2, /account, /bot (guild ${GUILD})`,
    );
    const registered = fake.commands.guilds.get(GUILD) ?? [];
    const subcommands = registered.flatMap((c: { options: { name: string }[] }) =>
      c.options.map((o) => o.name),
    );
    for (const command of Object.values(commandGroups).flat()) expect(subcommands).toContain(command.name);
    expect((await run([], env())).code).toBe(0);
    expect(fake.commands.global.map((c: { name: string }) => c.name)).toContain('bot');
    expect(fake.violations).toEqual([]);
  });

  it('refuses a malformed server id and says what is missing', async () => {
    const bad = await run(['--guild', 'abc'], env());
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--guild');
    const missing = await run([], {});
    expect(missing.code).not.toBe(0);
    expect(missing.err).toContain('DISCORD_APPLICATION_ID');
  });
});
