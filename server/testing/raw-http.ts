import http from 'node:http';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * One HTTP request with full control of what fetch() hides: the source address
 * (`localAddress`, e.g. 127.0.0.2 to be another client on loopback) and headers such as
 * Origin, Host or Sec-Fetch-Site.
 */
export function rawRequest(
  url: string,
  o: { method?: string; headers?: Record<string, string>; body?: string; localAddress?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: o.method ?? 'GET', headers: o.headers, localAddress: o.localAddress },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(o.body);
  });
}

/** A JSON POST through rawRequest. */
export const postJson = (
  url: string,
  json: unknown,
  o: { headers?: Record<string, string>; localAddress?: string } = {},
) =>
  rawRequest(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...o.headers },
    body: JSON.stringify(json),
    localAddress: o.localAddress,
  });
