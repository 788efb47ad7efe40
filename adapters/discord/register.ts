/** Registers the slash commands with Discord: in one server (immediate, for development) or globally. */
import { API } from '@discordjs/core/http-only';
import { REST } from '@discordjs/rest';
import { type ApplicationCommand, commandSize } from './commands.ts';

/** Discord refuses a command whose names and descriptions together pass 8,000 characters. */
export const MAX_COMMAND_SIZE = 8000;

export async function registerCommands(options: {
  apiUrl: string;
  applicationId: string;
  botToken: string;
  commands: ApplicationCommand[];
  guildId?: string | undefined;
}): Promise<void> {
  for (const c of options.commands) {
    if (commandSize(c) > MAX_COMMAND_SIZE)
      throw new Error(`/${c.name} is too large for Discord (${commandSize(c)} characters)`);
  }
  const api = new API(new REST({ api: options.apiUrl, version: '10' }).setToken(options.botToken));
  if (options.guildId) {
    await api.applicationCommands.bulkOverwriteGuildCommands(
      options.applicationId,
      options.guildId,
      options.commands,
    );
  } else {
    await api.applicationCommands.bulkOverwriteGlobalCommands(options.applicationId, options.commands);
  }
}
