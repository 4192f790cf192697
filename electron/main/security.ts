import type { App, Session } from 'electron';

/**
 * The window shows one local app and nothing else: no navigation, no new windows, no webviews, no
 * permissions (camera, notifications, …). A compromised renderer gains nothing by asking.
 */
export function hardenApp(app: App, session: Session, csp: string): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  // Covers the dev server's http responses; the app protocol sets the same header itself.
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
}
