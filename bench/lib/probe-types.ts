import type { AlertTypeCode, GeoPoint } from '../../shared/types.js';
import type { RttFigures } from './rtt-monitor.js';

export interface ResidentRef {
  idx: number;
  id: string;
  token: string;
  areaId: string;
  home: GeoPoint;
}

export interface SirenRef {
  id: string;
  token: string;
  areaId: string;
}

export interface CityConnect {
  /** ws://host:port */
  base: string;
  addresses: string[];
  raisers: ResidentRef[];
  /** operators' tokens; the first observes `ops` with a real doc */
  opsTokens: string[];
  /** one resident per area watching `area:<id>` with a real doc */
  areaObservers: { token: string; areaId: string }[];
  /** null: the server offers no device endpoint yet */
  sirens: SirenRef[] | null;
  /** a quiet room the responsiveness monitor pings (see RttMonitor) */
  monitor: { path: string; token: string };
  timeoutMs: number;
}

export interface ProbeConnected {
  raisers: number;
  ops: number;
  areaObservers: number;
  sirens: { connected: number; total: number; closeCode: number | null } | null;
  ms: number;
}

export interface PlannedAlert {
  /** index into CityConnect.raisers */
  raiser: number;
  type: AlertTypeCode;
  /** ms after the start of the run */
  atMs: number;
  phase: 'steady' | 'burst';
}

export interface AlertPlan {
  alerts: PlannedAlert[];
  /** after the last alert, wait at most this long for everything to arrive */
  settleMs: number;
  /** subscribed area members per area, or null when push is not offered */
  pushMembers: Record<string, number> | null;
}

export interface AlertTiming {
  id: string;
  type: AlertTypeCode;
  areaId: string;
  phase: PlannedAlert['phase'];
  /** wall-clock ms of the write (performance.timeOrigin + now), to match the push sink */
  sentWallMs: number;
  /** ms from the write to each observation; null = not observed in time */
  ops: number | null;
  receipt: number | null;
  area: number | null;
  /** one entry per siren that got `sound` for this alert */
  sirens: number[];
  sirenExpected: number;
  /** filled in by the orchestrator from the sink's arrivals (see push-attribution.ts) */
  pushAll: number | null;
  pushGot: number;
  pushExpected: number;
}

export interface AlertResults {
  alerts: AlertTiming[];
  durationMs: number;
  sirenCommands: number;
  sirenUnattributed: number;
  /** the same command received again (resent before its ack arrived) */
  sirenRepeats: number;
  /** the server's responsiveness while the alerts ran */
  rtt: RttFigures | null;
}
