import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ALERT_TYPES, REQUEST_CATEGORIES } from '../../shared/catalogue.js';
import { demoAreas, demoSirens, demoUnits } from '../../shared/demo-city.js';
import { demoStreets } from '../../shared/demo-streets.js';
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

export interface City {
  info: CityInfo;
  areas: AreaFeature[];
  units: UnitInfo[];
  sirens: SirenInfo[];
}

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
    };
  } else {
    throw new ConfigError(
      `No city configuration: write ${file} (see README "Configuring a real city") or start with DEMO=1.`,
    );
  }
  const areas = base.areas as AreaFeature[];
  return {
    areas,
    units: base.units,
    sirens: base.sirens,
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
