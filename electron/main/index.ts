import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import { fileURLToPath } from 'node:url';
import { defaultLibraryHome } from '../core/library-paths';
import { electronCsp } from './content-security';
import { startCore, type CoreClient } from './core-client';
import { registerIpc } from './ipc';
import { eventChannel } from './ipc-channels';
import { appOrigin } from './protocol-paths';
import { handleAppProtocol, handleMediaProtocol, registerSchemes } from './protocols';
import { hardenApp } from './security';
import { createMainWindow } from './window';

const devServer = process.env.ELECTRON_RENDERER_URL;
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

registerSchemes();
app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

let core: CoreClient | undefined;

async function boot(): Promise<void> {
  const csp = electronCsp(Boolean(devServer));
  hardenApp(app, session.defaultSession, csp);
  try {
    core = await startCore(here('./core-host.js'), defaultLibraryHome());
  } catch (err) {
    dialog.showErrorBox('ClearFrame could not open its library', err instanceof Error ? err.message : String(err));
    app.exit(1);
    return;
  }
  handleAppProtocol(here('../renderer'), csp);
  handleMediaProtocol(core);
  const origin = devServer ? new URL(devServer).origin : appOrigin;
  registerIpc(ipcMain, core, origin);
  core.onEvent((name, payload) => {
    for (const win of BrowserWindow.getAllWindows()) win.webContents.send(eventChannel, name, payload);
  });
  createMainWindow(here('../preload/index.cjs'), devServer ?? `${appOrigin}/index.html`);
}

app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
app.on('window-all-closed', () => app.quit());
app.on('before-quit', (event) => {
  // Close the database cleanly before leaving; the second before-quit finds core unset and lets go.
  if (!core) return;
  event.preventDefault();
  const closing = core;
  core = undefined;
  void closing.close().finally(() => app.quit());
});
void app.whenReady().then(boot);
