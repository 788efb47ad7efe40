/** `npm run cli -- line:rich-menu`: the operator side of the LINE adapter. */
import { LineClient } from '../../adapters/line/client.ts';
import { installRichMenu } from '../../adapters/line/rich-menu.ts';
import type { Config } from '../config.ts';
import { StartupError } from '../errors.ts';

export async function setUpLineRichMenu(config: Config): Promise<{ richMenuId: string; removed: string[] }> {
  const { channelAccessToken, channelSecret } = config.line;
  if (!channelAccessToken || !channelSecret) {
    throw new StartupError(`LINE is not configured: set ${config.line.status.missing.join(' and ')}`);
  }
  const client = new LineClient({
    channelAccessToken,
    apiUrl: config.line.apiUrl,
    dataApiUrl: config.line.dataApiUrl,
  });
  return installRichMenu(client);
}
