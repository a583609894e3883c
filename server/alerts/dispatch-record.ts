import { alertType, NEAR_HOME_METRES } from '../../shared/catalogue.js';
import {
  REFERENCE_MAX_METRES,
  type DispatchDetails,
  type DispatchReference,
} from '../../shared/dispatch.js';
import { distanceMetres, nearest } from '../../shared/geo.js';
import type { AreaFeature } from '../../shared/types.js';
import type { AlertRow, UserRow } from '../storage/storage.js';
import { displayName } from './in-rooms.js';

/** What the server knows of the city's places: its areas and its known points (sirens). */
export interface CityPlaces {
  areas: readonly AreaFeature[];
  landmarks: readonly DispatchReference[];
}

/**
 * Where the crew must go and whom to call, for the dispatch written into the unit's room.
 * The assigned unit sees a public alert's reporter (DESIGN §2: display name, phone, exact
 * place): the registered address when the alert was raised at home (or sent without a
 * position, when the home is the best the centre has), and the phone to call on the way.
 *
 * A silent alert gets only what leads to the place, never to the person: its position (already
 * on the dispatch), the area's name and the nearest known point. Her address, her name and her
 * phone stay out, whatever the position: raised at home, the address would name her in a room
 * both officers' phones keep, and the protocol says never to call back. The identity is the
 * operators' audited view's alone (server/console/ops-record.ts).
 */
export function dispatchDetails(
  a: AlertRow,
  reporter: UserRow | undefined,
  places: CityPlaces,
): DispatchDetails {
  const area = places.areas.find((f) => f.properties.id === a.areaId);
  const near = a.location ? nearest(a.location, places.landmarks, REFERENCE_MAX_METRES) : null;
  const out: DispatchDetails = {
    areaName: area?.properties.name ?? '',
    reference: near ? { label: near.point.label, lat: near.point.lat, lng: near.point.lng } : null,
  };
  if (alertType(a.type).silent || !reporter) return out;
  const atHome =
    !!a.location &&
    !!reporter.home &&
    distanceMetres(a.location, reporter.home) <= NEAR_HOME_METRES;
  const address = reporter.address ?? '';
  return {
    ...out,
    atHome,
    address: atHome || !a.location ? address : '',
    reporterName: displayName(reporter.name),
    reporterPhone: reporter.phone ?? '',
  };
}
