import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { isCommandName } from '../../shared/contract';
import { mediaProtocol, type Bridge } from '../../shared/contract/bridge';
import type { Result } from '../../shared/result';
import { commandChannel, eventChannel } from '../main/ipc-channels';

/** The page's only door to the app: the contract's commands, its events, media URLs and dropped-file paths. */
const bridge: Bridge = {
  platform: 'electron',
  async invoke(name, input) {
    if (!isCommandName(name)) return { ok: false, error: { code: 'not_found', message: `Unknown command "${String(name)}".` } };
    try {
      return await ipcRenderer.invoke(commandChannel(name), input);
    } catch (err) {
      return { ok: false, error: { code: 'internal', message: `ClearFrame could not reach its library: ${String(err)}` } };
    }
  },
  onEvent(listener) {
    const relay = (_event: Electron.IpcRendererEvent, name: Parameters<typeof listener>[0], payload: Parameters<typeof listener>[1]) =>
      listener(name, payload);
    ipcRenderer.on(eventChannel, relay);
    return () => void ipcRenderer.removeListener(eventChannel, relay);
  },
  mediaUrl: (variant, mediaId) => `${mediaProtocol}://${variant}/${mediaId}`,
  async stageFiles(files): Promise<Result<string[]>> {
    const paths = files.map((f) => webUtils.getPathForFile(f));
    if (paths.some((p) => p === '')) {
      return { ok: false, error: { code: 'unsupported', message: 'Only files from this computer can be imported; save the file first, then drop it.' } };
    }
    return { ok: true, value: paths };
  },
};

contextBridge.exposeInMainWorld('clearframe', bridge);
