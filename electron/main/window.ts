import { BrowserWindow, type WebPreferences } from 'electron';

/** Renderer isolation: no Node, no shared JS world with the preload, OS sandbox on. */
export function hardenedWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
  };
}

export function createMainWindow(preload: string, url: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 900,
    minHeight: 600,
    title: 'ClearFrame',
    show: false,
    webPreferences: hardenedWebPreferences(preload),
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(url);
  return win;
}
