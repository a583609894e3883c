/**
 * What kind of device the app runs on, as far as the browser tells: to name it in words a
 * person recognises ("this phone", "this computer") and to know when an iPhone or iPad needs
 * SAC on its Home Screen before it can receive notifications.
 */
export type DeviceKind = 'phone' | 'tablet' | 'computer';

/** What this module reads from `navigator`, so tests can describe any device. */
export interface DeviceFacts {
  userAgent: string;
  maxTouchPoints: number;
  /** Client Hints' `mobile`, where the browser has them (Chromium). */
  mobile?: boolean | undefined;
  /** Opened from the Home Screen: `navigator.standalone` (iOS) or the display-mode query. */
  standalone: boolean;
}

interface NavigatorExtras {
  userAgentData?: { mobile?: boolean };
  standalone?: boolean;
}

export function deviceFacts(): DeviceFacts {
  const nav = navigator as Navigator & NavigatorExtras;
  const displayStandalone = ['standalone', 'fullscreen', 'minimal-ui'].some(
    (mode) => matchMedia(`(display-mode: ${mode})`).matches,
  );
  return {
    userAgent: nav.userAgent,
    maxTouchPoints: nav.maxTouchPoints,
    mobile: nav.userAgentData?.mobile,
    standalone: nav.standalone === true || displayStandalone,
  };
}

/**
 * iPhone, iPod or iPad. Since iPadOS 13, Safari on an iPad asks for desktop sites by
 * default and says "Macintosh"; a Mac has no touch screen, so touch points tell them apart.
 */
export function isIOS(d: DeviceFacts): boolean {
  return (
    /iPhone|iPad|iPod/.test(d.userAgent) || (/Macintosh/.test(d.userAgent) && d.maxTouchPoints > 1)
  );
}

export function deviceKind(d: DeviceFacts = deviceFacts()): DeviceKind {
  if (isIOS(d)) return /iPhone|iPod/.test(d.userAgent) ? 'phone' : 'tablet';
  // Android phones say "Mobile"; Android tablets do not.
  if (/Android/.test(d.userAgent)) return /Mobile/.test(d.userAgent) ? 'phone' : 'tablet';
  if (d.mobile === true || /Mobi|Windows Phone/.test(d.userAgent)) return 'phone';
  if (/Tablet|Silk|Kindle/.test(d.userAgent)) return 'tablet';
  return 'computer';
}

/**
 * The iOS version, from "OS 17_4 like Mac OS X" (iPhone) or, for an iPad asking for desktop
 * sites, Safari's own "Version/17.4". Null when the user agent says neither.
 */
export function iosVersion(d: DeviceFacts): number | null {
  const m = /OS (\d+)_(\d+)/.exec(d.userAgent) ?? /Version\/(\d+)\.(\d+)/.exec(d.userAgent);
  return m ? Number(m[1]) + Number(m[2]) / 100 : null;
}

/** Web Push came to iOS in 16.4, and only for web apps opened from the Home Screen. */
export const IOS_PUSH_SINCE = 16.04;

/**
 * Why an iPhone or iPad cannot receive notifications here, if that is the reason push is
 * missing: `home-screen` (SAC must be added to the Home Screen and opened from there) or
 * `old-ios` (the system predates Web Push). Null on any other device, or when installed.
 */
export function iosPushBlocker(d: DeviceFacts): 'home-screen' | 'old-ios' | null {
  if (!isIOS(d)) return null;
  const version = iosVersion(d);
  if (version !== null && version < IOS_PUSH_SINCE) return 'old-ios';
  return d.standalone ? null : 'home-screen';
}
