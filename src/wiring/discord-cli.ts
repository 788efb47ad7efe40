/** `npm run cli -- discord:register [--guild ID]`: the slash commands, generated from the command registry. */
import { applicationCommands } from '../../adapters/discord/commands.ts';
import { registerCommands } from '../../adapters/discord/register.ts';
import { commandGroups } from '../../commands/index.ts';
import type { Config } from '../config.ts';
import { StartupError } from '../errors.ts';

export async function registerDiscordCommands(
  config: Config,
  guildId?: string,
): Promise<{ names: string[]; scope: string }> {
  const { applicationId, botToken } = config.discord;
  if (!applicationId || !botToken) {
    const missing = ['DISCORD_APPLICATION_ID', 'DISCORD_BOT_TOKEN'].filter((n) =>
      config.discord.status.missing.includes(n),
    );
    throw new StartupError(`Discord is not configured: set ${missing.join(' and ')}`);
  }
  const commands = applicationCommands(commandGroups);
  try {
    await registerCommands({ apiUrl: config.discord.apiUrl, applicationId, botToken, commands, guildId });
  } catch (err) {
    // One readable line for the operator (Discord's message names the offending field).
    const message = (err as Error).message.split('\n').slice(0, 2).join(' — ');
    throw new StartupError(`Discord refused the commands: ${message}`);
  }
  return { names: commands.map((c) => c.name), scope: guildId ? `guild ${guildId}` : 'global' };
}
