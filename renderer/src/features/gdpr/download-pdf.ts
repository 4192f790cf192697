import { downloadBlob } from '../audit/download';

/** A PDF report arrives as base64 (it crosses IPC and HTTP as JSON) and leaves as a download. */
export function downloadPdf(fileName: string, base64: string): void {
  downloadBlob(fileName, new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'application/pdf' }));
}
