/**
 * The demo city's street list: names of real Godoy Cruz streets laid out as a regular
 * grid over the demo's neighbourhoods (plausible, not a survey, like the area names).
 * Streets running west–east are numbered from 0 at the city's west edge to 7000 at its
 * east edge; streets running north–south from 0 at the north edge to 5000 at the south,
 * about a hundred numbers per hundred metres, as Argentine blocks are.
 */
import { DEMO_CENTRE } from './demo-city.js';
import type { Street } from './streets.js';

const METRES_PER_DEGREE = 111_195;
const HALF_WIDTH = 3500;
const HALF_HEIGHT = 2500;
/** Ends kept this far inside the city's edge, so every number falls in a neighbourhood. */
const INSET = 30;

const WEST_EAST = [
  'Perito Moreno',
  'Rivadavia',
  'Sarmiento',
  'Joaquín V. González',
  'Av. Rodríguez Peña',
  'Cervantes',
  'Colón',
  'Italia',
  'Vergara',
  'Laprida',
];
const NORTH_SOUTH = [
  'Av. San Martín',
  'Tomba',
  'Beltrán',
  'Paso de los Andes',
  'Balcarce',
  'Lavalle',
  'Talcahuano',
  'Sargento Cabral',
  '25 de Mayo',
  'Mitre',
  'Tiburcio Benegas',
  'Salta',
  'Tucumán',
  'Corrientes',
  'Minuzzi',
  'Güemes',
];

/** [lng, lat] of a point `x` metres east and `y` metres north of the demo's centre. */
function at(x: number, y: number): [number, number] {
  const kx = METRES_PER_DEGREE * Math.cos((DEMO_CENTRE.lat * Math.PI) / 180);
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  return [round(DEMO_CENTRE.lng + x / kx), round(DEMO_CENTRE.lat + y / METRES_PER_DEGREE)];
}

/** Evenly spaced offsets across a span, none on its edges. */
const spread = (count: number, half: number) =>
  Array.from({ length: count }, (_, i) => -half + ((i + 0.5) * 2 * half) / count);

export function demoStreets(): Street[] {
  const xs = spread(NORTH_SOUTH.length, HALF_WIDTH);
  const ys = spread(WEST_EAST.length, HALF_HEIGHT);
  const x0 = -HALF_WIDTH + INSET;
  const y0 = HALF_HEIGHT - INSET;
  return [
    ...WEST_EAST.map((name, i) => ({
      name,
      from: 0,
      to: 7000,
      line: [at(x0, ys[i]!), at(-x0, ys[i]!)],
    })),
    ...NORTH_SOUTH.map((name, i) => ({
      name,
      from: 0,
      to: 5000,
      line: [at(xs[i]!, y0), at(xs[i]!, -y0)],
    })),
  ].sort((a, b) => a.name.localeCompare(b.name, 'es'));
}
