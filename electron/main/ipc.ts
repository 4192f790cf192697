import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { commandNames } from '../../shared/contract';
import type { CoreClient } from './core-client';
import { commandChannel } from './ipc-channels';

/** Only the app's own page may call the core; a frame that got in some other way gets `forbidden`. */
function fromTrustedFrame(event: IpcMainInvokeEvent, trustedOrigin: string): boolean {
  const url = event.senderFrame?.url ?? '';
  return url === trustedOrigin || url.startsWith(`${trustedOrigin}/`);
}

/** One IPC handler per contract command, relayed to the core host (which validates the input). */
export function registerIpc(ipcMain: IpcMain, core: CoreClient, trustedOrigin: string): void {
  for (const name of commandNames) {
    ipcMain.handle(commandChannel(name), (event, input: unknown) => {
      if (!fromTrustedFrame(event, trustedOrigin)) {
        return { ok: false, error: { code: 'forbidden', message: 'Only the ClearFrame window may use the library.' } };
      }
      return core.invoke(name, input);
    });
  }
}
