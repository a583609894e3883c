// Renders the SAC app icons: a white bell, ringing, on deep red. The design is a list of
// simple shapes in a unit square, drawn both as PNG (rasterised here, no dependencies
// beyond node:zlib and node:fs, so anyone can regenerate without a graphics toolchain)
// and as SVG, so every size and format shows exactly the same drawing. Besides the app
// icons: the iOS Home Screen icon, the notification badge (the bell alone, white on
// transparent) and the icons of the manifest's shortcuts, drawn like the resident's tabs.
//
// Run from anywhere: `node client/public/icons/generate.mjs`. The outputs are committed;
// rerun only when the design changes.

import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const RED = [0xb3, 0x26, 0x1e];
const WHITE = [0xff, 0xff, 0xff];
const RED_HEX = '#b3261e';

/** Corner radius of the "any" icon's rounded square, as a fraction of its side. */
const CORNER = 0.2;
/**
 * Maskable icons are cropped by the launcher to any shape containing the central circle
 * of radius 0.4; the bell reaches 0.35 from the centre, and 0.9 leaves it a margin.
 */
const MASKABLE_SCALE = 0.9;
/**
 * Android draws a notification's badge from its alpha channel only, in the status bar at
 * about 24 dp: the bell fills more of the square than on the app icon.
 */
const BADGE_SCALE = 1.2;
/** 4 × 4 samples per pixel: cheap antialiasing so the edges do not look jagged. */
const SUPERSAMPLE = 4;

/** The bell, in a unit square (x right, y down). Angles in degrees, clockwise from east. */
const BELL = [
  { kind: 'circle', cx: 0.5, cy: 0.215, r: 0.045 }, // handle
  { kind: 'circle', cx: 0.5, cy: 0.4, r: 0.17 }, // crown
  {
    kind: 'polygon', // flaring body; the crown's lower half lies inside it
    points: [
      [0.33, 0.4],
      [0.67, 0.4],
      [0.74, 0.64],
      [0.26, 0.64],
    ],
  },
  { kind: 'rect', x: 0.21, y: 0.62, w: 0.58, h: 0.075, r: 0.0375 }, // lip
  { kind: 'circle', cx: 0.5, cy: 0.75, r: 0.06 }, // clapper
  { kind: 'arc', cx: 0.5, cy: 0.43, r: 0.3, width: 0.05, from: -55, to: 5 }, // ringing, right
  { kind: 'arc', cx: 0.5, cy: 0.43, r: 0.3, width: 0.05, from: 175, to: 235 }, // ringing, left
];

/**
 * The shortcuts' glyphs, from the resident's tab bar (client/views/resident/tab-bar.ts,
 * a 24-unit box) placed in the middle 60 % of the icon. `cut` shapes are holes: background.
 */
const glyph = (shapes) =>
  shapes.map((shape) => {
    const u = (v) => 0.2 + (v / 24) * 0.6;
    if (shape.kind === 'polygon')
      return { ...shape, points: shape.points.map(([x, y]) => [u(x), u(y)]) };
    return {
      ...shape,
      x: u(shape.x),
      y: u(shape.y),
      w: (shape.w / 24) * 0.6,
      h: (shape.h / 24) * 0.6,
      r: 0,
    };
  });
const RAISE = glyph([
  {
    kind: 'polygon',
    points: [
      [12, 2],
      [1, 21],
      [23, 21],
    ],
  }, // warning sign
  { kind: 'rect', x: 11, y: 9, w: 2, h: 4, cut: true }, // its "!"
  { kind: 'rect', x: 11, y: 15, w: 2, h: 2, cut: true },
]);
const MINE = glyph([
  { kind: 'rect', x: 4, y: 5, w: 16, h: 2 }, // a list
  { kind: 'rect', x: 4, y: 11, w: 16, h: 2 },
  { kind: 'rect', x: 4, y: 17, w: 10, h: 2 },
]);

function main() {
  const here = new URL('./', import.meta.url);
  const outputs = [
    ['icon-192.png', png(192, { shapes: bell(1), background: 'rounded' })],
    ['icon-512.png', png(512, { shapes: bell(1), background: 'rounded' })],
    ['maskable-512.png', png(512, { shapes: bell(MASKABLE_SCALE), background: 'full' })],
    // iOS rounds the corners itself and fills transparency with black: full bleed, opaque.
    ['apple-touch-icon-180.png', png(180, { shapes: bell(MASKABLE_SCALE), background: 'full' })],
    ['badge-96.png', png(96, { shapes: bell(BADGE_SCALE), background: 'none' })],
    ['shortcut-alert-96.png', png(96, { shapes: RAISE, background: 'rounded' })],
    ['shortcut-mine-96.png', png(96, { shapes: MINE, background: 'rounded' })],
    ['icon.svg', svg(false)],
    ['../favicon.svg', svg(false)],
  ];
  for (const [name, data] of outputs) {
    const url = new URL(name, here);
    writeFileSync(url, data);
    console.log(`wrote ${url.pathname}`);
  }
}

// ── Geometry ────────────────────────────────────────────────────────────────────────

/** The bell scaled about the centre (maskable icons need a smaller drawing). */
function bell(scale) {
  const s = (v) => 0.5 + (v - 0.5) * scale;
  return BELL.map((shape) => {
    switch (shape.kind) {
      case 'circle':
        return { ...shape, cx: s(shape.cx), cy: s(shape.cy), r: shape.r * scale };
      case 'rect':
        return {
          ...shape,
          x: s(shape.x),
          y: s(shape.y),
          w: shape.w * scale,
          h: shape.h * scale,
          r: shape.r * scale,
        };
      case 'polygon':
        return { ...shape, points: shape.points.map(([x, y]) => [s(x), s(y)]) };
      case 'arc':
        return {
          ...shape,
          cx: s(shape.cx),
          cy: s(shape.cy),
          r: shape.r * scale,
          width: shape.width * scale,
        };
      default:
        throw new Error(`unknown shape ${shape.kind}`);
    }
  });
}

function inside(shape, x, y) {
  switch (shape.kind) {
    case 'circle':
      return (x - shape.cx) ** 2 + (y - shape.cy) ** 2 <= shape.r ** 2;
    case 'rect': {
      // Rounded rectangle: distance to the inner rectangle shrunk by the radius.
      const qx = clamp(x, shape.x + shape.r, shape.x + shape.w - shape.r);
      const qy = clamp(y, shape.y + shape.r, shape.y + shape.h - shape.r);
      return (x - qx) ** 2 + (y - qy) ** 2 <= shape.r ** 2;
    }
    case 'polygon': {
      let hit = false;
      const pts = shape.points;
      for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
        const [xi, yi] = pts[i];
        const [xj, yj] = pts[j];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
      }
      return hit;
    }
    case 'arc': {
      // A stroked arc with round caps: the band around the circle within the angles,
      // plus a disc at each end.
      const half = shape.width / 2;
      const [sx, sy] = arcPoint(shape, shape.from);
      const [ex, ey] = arcPoint(shape, shape.to);
      if ((x - sx) ** 2 + (y - sy) ** 2 <= half ** 2) return true;
      if ((x - ex) ** 2 + (y - ey) ** 2 <= half ** 2) return true;
      const d = Math.hypot(x - shape.cx, y - shape.cy);
      if (Math.abs(d - shape.r) > half) return false;
      const angle = (Math.atan2(y - shape.cy, x - shape.cx) * 180) / Math.PI;
      const offset = (((angle - shape.from) % 360) + 360) % 360;
      return offset <= shape.to - shape.from;
    }
    default:
      throw new Error(`unknown shape ${shape.kind}`);
  }
}

function arcPoint(shape, degrees) {
  const a = (degrees * Math.PI) / 180;
  return [shape.cx + shape.r * Math.cos(a), shape.cy + shape.r * Math.sin(a)];
}

function clamp(v, lo, hi) {
  return Math.min(hi, Math.max(lo, v));
}

// ── PNG ─────────────────────────────────────────────────────────────────────────────

/**
 * `background`: `rounded` (the "any" icons), `full` (full bleed: the launcher supplies the
 * mask) or `none` (a white glyph on transparent, for the notification badge).
 */
function png(size, { shapes, background: kind }) {
  const background =
    kind === 'rounded'
      ? (x, y) => inside({ kind: 'rect', x: 0, y: 0, w: 1, h: 1, r: CORNER }, x, y)
      : () => true;
  const drawn = shapes.filter((s) => !s.cut);
  const holes = shapes.filter((s) => s.cut);
  const covered = (x, y) =>
    drawn.some((s) => inside(s, x, y)) && !holes.some((s) => inside(s, x, y));
  const stride = size * 4 + 1;
  const raw = Buffer.alloc(stride * size); // filter byte 0 (none) starts each row
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          if (!background(x, y)) continue;
          bg++;
          if (covered(x, y)) fg++;
        }
      }
      const o = py * stride + 1 + px * 4;
      if (kind === 'none') {
        if (fg === 0) continue; // transparent black
        raw.fill(0xff, o, o + 3); // white, its coverage in alpha
        raw[o + 3] = Math.round((255 * fg) / n);
        continue;
      }
      if (bg === 0) continue; // transparent black
      for (let c = 0; c < 3; c++) {
        // Mix by coverage; the bell always lies inside the background.
        raw[o + c] = Math.round((WHITE[c] * fg + RED[c] * (bg - fg)) / bg);
      }
      raw[o + 3] = Math.round((255 * bg) / n);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

// zlib.crc32 only exists from Node 20.15; a table keeps the script working on any 20.x.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// ── SVG ─────────────────────────────────────────────────────────────────────────────

function svg(maskable) {
  const u = (v) => +(v * 100).toFixed(2); // unit square → viewBox 0 0 100 100
  const shapes = bell(maskable ? MASKABLE_SCALE : 1).map((s) => {
    switch (s.kind) {
      case 'circle':
        return `<circle cx="${u(s.cx)}" cy="${u(s.cy)}" r="${u(s.r)}"/>`;
      case 'rect':
        return `<rect x="${u(s.x)}" y="${u(s.y)}" width="${u(s.w)}" height="${u(s.h)}" rx="${u(s.r)}"/>`;
      case 'polygon':
        return `<polygon points="${s.points.map(([x, y]) => `${u(x)},${u(y)}`).join(' ')}"/>`;
      case 'arc': {
        const [sx, sy] = arcPoint(s, s.from);
        const [ex, ey] = arcPoint(s, s.to);
        const large = s.to - s.from > 180 ? 1 : 0;
        return (
          `<path d="M${u(sx)} ${u(sy)}A${u(s.r)} ${u(s.r)} 0 ${large} 1 ${u(ex)} ${u(ey)}" ` +
          `fill="none" stroke="#fff" stroke-width="${u(s.width)}" stroke-linecap="round"/>`
        );
      }
      default:
        throw new Error(`unknown shape ${s.kind}`);
    }
  });
  const bg = maskable
    ? `<rect width="100" height="100" fill="${RED_HEX}"/>`
    : `<rect width="100" height="100" rx="${u(CORNER)}" fill="${RED_HEX}"/>`;
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">',
    '<title>SAC</title>',
    bg,
    `<g fill="#fff">${shapes.join('')}</g>`,
    '</svg>',
    '',
  ].join('\n');
}

// Last, so every constant above is initialised before it runs.
main();
