import http from 'node:http';

export interface RawBytes {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** the body exactly as it came over the wire: never decoded */
  body: Buffer;
}

/**
 * One request whose answer is kept as the bytes that travelled (fetch() would ask for gzip
 * on its own and hand back the decoded body): for tests of content codings and sizes.
 */
export function rawBytes(
  url: string,
  o: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawBytes> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: o.method ?? 'GET', headers: o.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end(o.body);
  });
}
