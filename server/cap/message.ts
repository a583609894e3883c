import { formatTime, tFor, type Lang } from '../../shared/i18n/index.js';
import type { AlertTypeCode } from '../../shared/types.js';
import { CAP_TYPES, type CapTypeMapping } from './mapping.js';
import { identifierOf, type Stage } from './lifecycle.js';
import { capTime, esc } from './xml.js';

export const CAP_NS = 'urn:oasis:names:tc:emergency:cap:1.2';

/** What every message of the city shares. */
export interface CapContext {
  /** CAP's `sender`: the city's SAC, as a domain name (routes.ts) */
  sender: string;
  cityName: string;
  timeZone: string;
  /** `Test` for the built-in demo city, whose alerts are made up (ARCHITECTURE, CAP 1.2) */
  status: 'Actual' | 'Test';
  emergencyPhone: string;
}

/** The alert as a message shows it: its type and its area, nothing else. */
export interface CapSubject {
  alertId: string;
  type: AlertTypeCode;
  area: { name: string; ring: readonly (readonly number[])[] };
}

const LANGS: readonly [Lang, string][] = [
  ['es', 'es-AR'],
  ['en', 'en-US'],
];

/** A point of CAP's polygon: `lat,lon` in WGS 84, six decimals (about 10 cm) at most. */
const coord = (n: number) => String(Number(n.toFixed(6)));

/**
 * CAP's polygon from a GeoJSON ring ([lon, lat] pairs): `lat,lon lat,lon …`, closed (first
 * point repeated last). Holes cannot be said in CAP: only the outer ring is.
 */
export function capPolygon(ring: readonly (readonly number[])[]): string {
  const points = ring.map(([lng, lat]) => `${coord(lat!)},${coord(lng!)}`);
  if (points.length > 0 && points[0] !== points[points.length - 1]) points.push(points[0]!);
  return points.join(' ');
}

/** `sender,identifier,sent` of an earlier message, as `references` lists them. */
export const reference = (ctx: CapContext, alertId: string, s: Stage) =>
  `${ctx.sender},${identifierOf(alertId, s.key)},${capTime(s.at, ctx.timeZone)}`;

/**
 * The CAP 1.2 message of `stages[index]`: one `info` in es-AR and one in en-US. Every Update
 * and Cancel references all the alert's earlier messages, as the standard asks. A function of
 * its arguments only: the same step gives the same bytes.
 */
export function capMessage(
  ctx: CapContext,
  subject: CapSubject,
  stages: readonly Stage[],
  index: number,
): string {
  const stage = stages[index]!;
  const map = CAP_TYPES[subject.type];
  if (!map) throw new Error(`no CAP mapping for ${subject.type}`);
  const earlier = stages.slice(0, index).map((s) => reference(ctx, subject.alertId, s));
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<alert xmlns="${CAP_NS}">`,
    `  <identifier>${esc(identifierOf(subject.alertId, stage.key))}</identifier>`,
    `  <sender>${esc(ctx.sender)}</sender>`,
    `  <sent>${capTime(stage.at, ctx.timeZone)}</sent>`,
    `  <status>${ctx.status}</status>`,
    `  <msgType>${stage.msgType}</msgType>`,
    '  <scope>Public</scope>',
    ...(ctx.status === 'Test'
      ? [`  <note>${esc(`${tFor('es', 'cap.demo_note')} / ${tFor('en', 'cap.demo_note')}`)}</note>`]
      : []),
    ...(earlier.length ? [`  <references>${esc(earlier.join(' '))}</references>`] : []),
    `  <incidents>${esc(`sac.${subject.alertId}`)}</incidents>`,
    ...LANGS.flatMap(([lang, tag]) => info(ctx, subject, map, stage, lang, tag)),
    '</alert>',
    '',
  ];
  return lines.join('\n');
}

/**
 * A step in words: the type, the area, the city's hour and what happened. Nothing a resident
 * wrote, no name, no position: only these are ever put in a message.
 */
export function capTexts(ctx: CapContext, subject: CapSubject, stage: Stage, lang: Lang) {
  const params = {
    type: tFor(lang, `alert.type.${subject.type}`),
    area: subject.area.name,
    city: ctx.cityName,
    time: formatTime(stage.at, lang, ctx.timeZone),
  };
  return {
    event: params.type,
    headline: tFor(lang, `cap.headline.${stage.status}`, params),
    description: tFor(lang, `cap.description.${stage.status}`, params),
  };
}

function info(
  ctx: CapContext,
  subject: CapSubject,
  map: CapTypeMapping,
  stage: Stage,
  lang: Lang,
  tag: string,
): string[] {
  const closed = stage.msgType === 'Cancel' || stage.status === 'resolved';
  const text = capTexts(ctx, subject, stage, lang);
  const responseType =
    stage.msgType === 'Cancel'
      ? 'None'
      : stage.status === 'resolved'
        ? 'AllClear'
        : map.responseType;
  return [
    '  <info>',
    `    <language>${tag}</language>`,
    `    <category>${map.category}</category>`,
    `    <event>${esc(text.event)}</event>`,
    `    <responseType>${responseType}</responseType>`,
    `    <urgency>${closed ? 'Past' : 'Immediate'}</urgency>`,
    `    <severity>${stage.msgType === 'Cancel' ? 'Minor' : map.severity}</severity>`,
    `    <certainty>${stage.msgType === 'Cancel' ? 'Unlikely' : 'Observed'}</certainty>`,
    '    <eventCode>',
    '      <valueName>SAC</valueName>',
    `      <value>${esc(subject.type)}</value>`,
    '    </eventCode>',
    `    <senderName>${esc(tFor(lang, 'cap.sender_name', { city: ctx.cityName }))}</senderName>`,
    `    <headline>${esc(text.headline)}</headline>`,
    `    <description>${esc(text.description)}</description>`,
    ...(closed
      ? []
      : [
          `    <instruction>${esc(tFor(lang, map.instruction, { phone: ctx.emergencyPhone }))}</instruction>`,
        ]),
    '    <area>',
    `      <areaDesc>${esc(`${subject.area.name}, ${ctx.cityName}`)}</areaDesc>`,
    `      <polygon>${capPolygon(subject.area.ring)}</polygon>`,
    '    </area>',
    '  </info>',
  ];
}
