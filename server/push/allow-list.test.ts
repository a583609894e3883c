import { describe, expect, it } from 'vitest';
import { EndpointAllowList } from './allow-list.js';

describe('push endpoint allow-list', () => {
  const allow = new EndpointAllowList(
    'https://fcm.googleapis.com, https://updates.push.services.mozilla.com,https://127.0.0.1:8443',
  );

  it('accepts endpoints on an allowed origin', () => {
    expect(allow.allows('https://fcm.googleapis.com/fcm/send/abc:def')).toBe(true);
    expect(allow.allows('https://updates.push.services.mozilla.com/wpush/v2/x')).toBe(true);
    expect(allow.allows('https://127.0.0.1:8443/push/1')).toBe(true);
  });

  it('refuses other origins, plain http, other ports and look-alikes', () => {
    for (const endpoint of [
      'http://fcm.googleapis.com/fcm/send/abc',
      'https://fcm.googleapis.com.evil.example/x',
      'https://evil.example/?https://fcm.googleapis.com',
      'https://127.0.0.1:8444/push/1',
      'https://127.0.0.1/push/1',
      'https://169.254.169.254/latest/meta-data',
      'https://user:pw@fcm.googleapis.com/x',
      'file:///etc/passwd',
      'not a url',
    ]) {
      expect(allow.allows(endpoint), endpoint).toBe(false);
    }
  });

  it('refuses a configuration entry that is not an https origin', () => {
    expect(() => new EndpointAllowList('http://push.example')).toThrow(/PUSH_ENDPOINT_ALLOW/);
  });
});
