import { describe, expect, it } from 'vitest';
import { deviceKind, iosPushBlocker, type DeviceFacts } from './device.js';

const UA = {
  iphone17:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  iphone15:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 15_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.6 Mobile/15E148 Safari/604.1',
  chromeOnIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/122.0.6261.89 Mobile/15E148 Safari/604.1',
  // iPadOS asks for desktop sites by default: it says Macintosh.
  ipadDesktop:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  androidPhone:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  androidTablet:
    'Mozilla/5.0 (Linux; Android 13; SM-X200) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  windows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
};

const facts = (userAgent: string, extra: Partial<DeviceFacts> = {}): DeviceFacts => ({
  userAgent,
  maxTouchPoints: 0,
  standalone: false,
  ...extra,
});

describe('deviceKind', () => {
  it('names phones, tablets and computers as people call them', () => {
    expect(deviceKind(facts(UA.iphone17, { maxTouchPoints: 5 }))).toBe('phone');
    expect(deviceKind(facts(UA.androidPhone, { maxTouchPoints: 5, mobile: true }))).toBe('phone');
    expect(deviceKind(facts(UA.androidTablet, { maxTouchPoints: 5, mobile: false }))).toBe('tablet');
    expect(deviceKind(facts(UA.ipadDesktop, { maxTouchPoints: 5 }))).toBe('tablet');
    expect(deviceKind(facts(UA.ipadDesktop))).toBe('computer'); // a Mac
    expect(deviceKind(facts(UA.windows, { mobile: false }))).toBe('computer');
  });
});

describe('iosPushBlocker', () => {
  it('asks for the Home Screen on an iPhone or iPad in the browser', () => {
    expect(iosPushBlocker(facts(UA.iphone17, { maxTouchPoints: 5 }))).toBe('home-screen');
    expect(iosPushBlocker(facts(UA.chromeOnIphone, { maxTouchPoints: 5 }))).toBe('home-screen');
    expect(iosPushBlocker(facts(UA.ipadDesktop, { maxTouchPoints: 5 }))).toBe('home-screen');
  });

  it('is satisfied once SAC runs from the Home Screen', () => {
    const installed = facts(UA.iphone17, { maxTouchPoints: 5, standalone: true });
    expect(iosPushBlocker(installed)).toBeNull();
  });

  it('asks for a newer iOS before 16.4, installed or not', () => {
    expect(iosPushBlocker(facts(UA.iphone15, { maxTouchPoints: 5 }))).toBe('old-ios');
    expect(iosPushBlocker(facts(UA.iphone15, { maxTouchPoints: 5, standalone: true }))).toBe(
      'old-ios',
    );
  });

  it('has nothing to say elsewhere', () => {
    expect(iosPushBlocker(facts(UA.androidPhone, { maxTouchPoints: 5 }))).toBeNull();
    expect(iosPushBlocker(facts(UA.ipadDesktop))).toBeNull(); // a Mac
    expect(iosPushBlocker(facts(UA.windows))).toBeNull();
  });
});
