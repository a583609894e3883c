import type { Fix } from '../../../shared/types.js';

/**
 * The crew's position, watched for as long as the officer's screen is open. Readers take the
 * last fix: with a watch running, a fresh `getCurrentPosition` may never answer (Chromium),
 * and a check-in must not wait on GPS.
 */
export class PositionWatch extends EventTarget {
  fix: Fix | null = null;
  private id: number | null = null;

  start(): void {
    if (!('geolocation' in navigator) || this.id !== null) return;
    this.id = navigator.geolocation.watchPosition(
      (p) => {
        this.fix = {
          lat: p.coords.latitude,
          lng: p.coords.longitude,
          accuracy: Math.round(p.coords.accuracy),
        };
        this.dispatchEvent(new Event('change'));
      },
      () => undefined,
      { enableHighAccuracy: true, maximumAge: 30_000 },
    );
  }

  stop(): void {
    if (this.id !== null) navigator.geolocation.clearWatch(this.id);
    this.id = null;
  }
}
