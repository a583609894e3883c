import { REQUEST_CATEGORIES } from '../../shared/catalogue.js';
import { roundLocation } from '../../shared/geo.js';
import { tFor, type Lang } from '../../shared/i18n/core.js';
import type { RequestCategory } from '../../shared/types.js';
import type { City } from '../city/city.js';
import type { Open311Row } from '../storage/integrations.js';
import type { RequestStatus } from '../storage/requests.js';
import type { Fields } from './format.js';
import { w3cDateTime } from './time.js';

/** GeoReport's two statuses: everything still being worked on is `open`. */
export const STATUS_MAP: Readonly<Record<RequestStatus, 'open' | 'closed'>> = {
  open: 'open',
  acknowledged: 'open',
  in_progress: 'open',
  closed: 'closed',
  duplicate: 'closed',
  not_our_responsibility: 'closed',
};

export const statusesFor = (s: 'open' | 'closed'): RequestStatus[] =>
  (Object.keys(STATUS_MAP) as RequestStatus[]).filter((k) => STATUS_MAP[k] === s);

export const isServiceCode = (code: string): code is RequestCategory =>
  (REQUEST_CATEGORIES as readonly string[]).includes(code);

/** The services are SAC's request categories; no extra questions (`metadata` false). */
export function serviceList(lang: Lang): Fields[] {
  return REQUEST_CATEGORIES.map((code) => ({
    service_code: code,
    service_name: tFor(lang, `request.category.${code}`),
    description: tFor(lang, `open311.service.${code}`),
    metadata: false,
    type: 'realtime',
  }));
}

/**
 * A request as anyone may read it (DESIGN §2: "Open311 feed without personal data"). No
 * reporter, no client, no contact, no description (a neighbour writes names, phone numbers
 * and house numbers there), the position on the ~100 m grid neighbours see, the neighbourhood
 * as the address. `status_notes` is the municipality's own reply, published as open data.
 */
export function publicRequest(r: Open311Row, city: City, lang: Lang): Fields {
  const area = city.areas.find((a) => a.properties.id === r.areaId);
  const place = r.lat !== null && r.lng !== null ? roundLocation({ lat: r.lat, lng: r.lng }) : null;
  return {
    service_request_id: r.id,
    status: STATUS_MAP[r.status],
    status_notes: r.reply,
    service_name: tFor(lang, `request.category.${r.category}`),
    service_code: r.category,
    agency_responsible: city.open311.agency,
    requested_datetime: w3cDateTime(r.receivedAt),
    updated_datetime: w3cDateTime(r.statusAt),
    address: area?.properties.name ?? '',
    lat: place?.lat ?? null,
    long: place?.lng ?? null,
  };
}
