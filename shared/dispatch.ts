/**
 * What a dispatch tells the crew about where to go and whom to call, beside the alert's type,
 * position and note (`unit:<id>` `dispatches/<alertId>`, written by the server). Every field is
 * optional: dispatches written before these existed lack them, and a silent alert never has
 * the reporter's fields (DESIGN §2; server/alerts/dispatch-record.ts).
 */
import type { GeoPoint } from './types.js';

/** A known point of the city near the alert (a siren's central unit): "120 m al sur de …". */
export interface DispatchReference extends GeoPoint {
  label: string;
}

export interface DispatchDetails {
  /** the name of the alert's area */
  areaName?: string;
  /** the reporter's registered address: raised at home, or sent without a position */
  address?: string;
  /** raised within `NEAR_HOME_METRES` of the registered home */
  atHome?: boolean;
  /** the known point nearest the alert's position, when one is close enough */
  reference?: DispatchReference | null;
  /** first name and initial */
  reporterName?: string;
  reporterPhone?: string;
}

/** A reference farther than this from the alert would send a crew the wrong way. */
export const REFERENCE_MAX_METRES = 1000;
