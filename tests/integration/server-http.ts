import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
}

export interface RawRequest {
  method?: string;
  /** Sent exactly as written: no URL normalisation of `..` or `%2e`, unlike fetch. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  host?: string;
}

/** A plain HTTP request to the browser-mode server with full control over Host, Origin and the raw path. */
export function rawRequest(port: number, req: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const r = httpRequest(
      {
        host: req.host ?? '127.0.0.1',
        port,
        method: req.method ?? 'GET',
        path: req.path,
        headers: { Host: `127.0.0.1:${port}`, ...req.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString('utf8') });
        });
        res.on('error', reject);
      },
    );
    r.on('error', reject);
    r.end(req.body);
  });
}
