import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ALERT_TYPES, REQUEST_CATEGORIES } from '../../shared/catalogue.js';
import { demoAreas, demoSirens, demoUnits } from '../../shared/demo-city.js';
import { demoStreets } from '../../shared/demo-streets.js';
import { DEFAULT_MIN_CELL_COUNT, type IncidentType } from '../../shared/observatory.js';
import { DEFAULT_TARGET_MINUTES } from '../observatory/evaluation/response-summary.js';

/** The ring around treated cells where displacement or diffusion would show (150–300 m). */
export const DEFAULT_CATCHMENT_METRES = { inner: 150, outer: 300 } as const;
import type { AreaFeature, CityInfo } from '../../shared/types.js';
import { ConfigError, type Config } from '../config.js';

export interface UnitInfo {
  id: string;
  label: string;
  quadrant: string[];
}

export interface SirenInfo {
  id: string;
  areaId: string;
  lat: number;
  lng: number;
  label: string;
}

/** How the city's observatory counts and what it hides (`city.json` `observatory`). */
export interface ObservatorySettings {
  /**
   * Local hours of the day (0–23) in which the fixed-point programme plans visits. A plan's
   * hour outside them is patrol only; the observatory's coverage gap counts incidents in them.
   */
  programmeHours: number[];
  /** cells and hours with fewer incidents are hidden outside staff views */
  minCellCount: number;
  /** harm weight per incident type; types left out keep the documented default */
  harmWeights: Partial<Record<IncidentType, number>>;
  /** the response-time promise: a patrol on scene within this many minutes of the alert */
  responseTargetMinutes: number;
  /** the catchment ring around treated cells in a before / after evaluation, metres */
  catchment: { inner: number; outer: number };
}

/** The city as an Open311 GeoReport v2 endpoint (`city.json` `open311`). */
export interface Open311Settings {
  /** the one `jurisdiction_id` this endpoint serves (the city's domain); null: any or none */
  jurisdictionId: string | null;
  /** `agency_responsible` of every request: who answers them */
  agency: string;
}

export interface City {
  info: CityInfo;
  open311: Open311Settings;
  areas: AreaFeature[];
  units: UnitInfo[];
  sirens: SirenInfo[];
  observatory: ObservatorySettings;
  /** the built-in demo city (no `city.json`): the demo seeds its registered homes only there */
  demo?: boolean;
}

const ALL_HOURS = Array.from({ length: 24 }, (_, h) => h);
/**
 * The demo's programme leaves 03:00–07:00 without fixed points, as the reference city's did:
 * the hours its own figures showed street robbery concentrating in.
 */
const DEMO_PROGRAMME_HOURS = ALL_HOURS.filter((h) => h < 3 || h >= 7);

/** A street: its name, and optionally its course with the house numbers at its ends. */
const street = z
  .object({
    name: z.string().trim().min(1).max(80),
    from: z.number().int().min(0).optional(),
    to: z.number().int().min(0).optional(),
    line: z
      .array(z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]))
      .min(2)
      .optional(),
  })
  .strict()
  .refine((s) => (s.from === undefined) === (s.to === undefined), 'from and to go together');

const point = z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) });
const cityFile = z.object({
  name: z.string().min(1),
  centre: point,
  areas: z
    .array(
      z.object({
        type: z.literal('Feature'),
        properties: z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), name: z.string() }),
        geometry: z.object({
          type: z.literal('Polygon'),
          coordinates: z.array(z.array(z.array(z.number()).length(2)).min(4)).min(1),
        }),
      }),
    )
    .min(1),
  units: z.array(
    z.object({
      id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
      label: z.string(),
      quadrant: z.array(z.string()),
    }),
  ),
  sirens: z.array(
    z.object({
      id: z.string(),
      areaId: z.string(),
      lat: z.number(),
      lng: z.number(),
      label: z.string(),
    }),
  ),
  streets: z.array(street).max(20_000).optional(),
  open311: z
    .object({
      jurisdictionId: z
        .string()
        .regex(/^[a-z0-9.-]{3,100}$/, 'a domain name such as godoycruz.gob.ar'),
      agency: z.string().trim().min(1).max(120),
    })
    .partial()
    .optional(),
  observatory: z
    .object({
      programmeHours: z.array(z.number().int().min(0).max(23)).max(24),
      minCellCount: z.number().int().min(1).max(1000),
      harmWeights: z.partialRecord(
        z.enum(['general', 'medical', 'bicycle_theft', 'fire', 'suspicious_activity']),
        z.number().min(0).max(1000),
      ),
      responseTargetMinutes: z.number().min(1).max(120),
      catchment: z
        .object({ inner: z.number().min(0).max(2000), outer: z.number().min(50).max(5000) })
        .refine((c) => c.outer > c.inner, 'outer must be larger than inner'),
    })
    .partial()
    .optional(),
});

/**
 * The city: `DATA_DIR/city.json` when present (a real deployment), else the demo city of
 * DESIGN §9 when DEMO is on. Without either the server refuses to start.
 */
export function loadCity(config: Config): City {
  const file = path.join(config.dataDir, 'city.json');
  let base: z.output<typeof cityFile>;
  if (fs.existsSync(file)) {
    const parsed = cityFile.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ConfigError(`${file}: ${issue?.path.join('.')}: ${issue?.message}`);
    }
    base = parsed.data;
  } else if (config.DEMO) {
    const areas = demoAreas();
    base = {
      name: config.CITY_NAME,
      centre: { lat: -32.9275, lng: -68.845 },
      areas,
      units: demoUnits(),
      sirens: demoSirens(areas),
      streets: demoStreets(),
      observatory: { programmeHours: DEMO_PROGRAMME_HOURS },
      open311: { jurisdictionId: 'godoycruz.gob.ar' },
    };
  } else {
    throw new ConfigError(
      `No city configuration: write ${file} (see README "Configuring a real city") or start with DEMO=1.`,
    );
  }
  const areas = base.areas as AreaFeature[];
  return {
    demo: !fs.existsSync(file),
    areas,
    units: base.units,
    sirens: base.sirens,
    open311: {
      jurisdictionId: base.open311?.jurisdictionId ?? null,
      agency: base.open311?.agency ?? `Municipalidad de ${base.name}`,
    },
    observatory: {
      programmeHours: [...new Set(base.observatory?.programmeHours ?? ALL_HOURS)].sort(
        (a, b) => a - b,
      ),
      minCellCount: base.observatory?.minCellCount ?? DEFAULT_MIN_CELL_COUNT,
      harmWeights: base.observatory?.harmWeights ?? {},
      responseTargetMinutes: base.observatory?.responseTargetMinutes ?? DEFAULT_TARGET_MINUTES,
      catchment: base.observatory?.catchment ?? DEFAULT_CATCHMENT_METRES,
    },
    info: {
      name: base.name,
      centre: base.centre,
      areas: { type: 'FeatureCollection', features: areas },
      alertTypes: [...ALERT_TYPES],
      requestCategories: [...REQUEST_CATEGORIES],
      phones: {
        emergency: config.EMERGENCY_PHONE,
        monitoringCentre: config.MONITORING_PHONE,
        monitoringCentreSms: config.MONITORING_SMS,
      },
      tiles: config.TILES_URL
        ? { url: config.TILES_URL, attribution: config.TILES_ATTRIBUTION }
        : null,
      streets: base.streets ?? [],
    },
  };
}
