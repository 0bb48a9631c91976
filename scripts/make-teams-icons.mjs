// Draws the two Teams app icons (manifest/color.png, manifest/outline.png) from one speech-bubble shape.
// The PNGs are committed; run this again (`node scripts/make-teams-icons.mjs`) only to change the design.
// Same input, same bytes: no randomness, no timestamps in the PNG.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pngjs from 'pngjs';

const { PNG } = pngjs;

/** Utrecht Leert red; the manifest's accentColor must stay the same value. */
export const BACKGROUND = { r: 0xe4, g: 0x00, b: 0x3a };

// Signed distance functions (negative inside): a shape defined once can be filled, stroked and antialiased at any size.
function sdRoundBox(px, py, cx, cy, hw, hh, r) {
  const qx = Math.abs(px - cx) - (hw - r);
  const qy = Math.abs(py - cy) - (hh - r);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - r;
}

function sdCircle(px, py, cx, cy, r) {
  return Math.hypot(px - cx, py - cy) - r;
}

function sdTriangle(px, py, [ax, ay], [bx, by], [cx, cy]) {
  const edges = [
    [ax, ay, bx, by],
    [bx, by, cx, cy],
    [cx, cy, ax, ay],
  ];
  let distance = Infinity;
  let inside = true;
  const orientation = Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
  for (const [x0, y0, x1, y1] of edges) {
    const ex = x1 - x0;
    const ey = y1 - y0;
    const wx = px - x0;
    const wy = py - y0;
    const t = Math.min(Math.max((wx * ex + wy * ey) / (ex * ex + ey * ey), 0), 1);
    distance = Math.min(distance, Math.hypot(wx - ex * t, wy - ey * t));
    if (Math.sign(ex * wy - ey * wx) === -orientation) inside = false;
  }
  return inside ? -distance : distance;
}

// The bubble in a unit box (0..1 both ways): a rounded body with a tail at the bottom left, three dots inside.
function bubble(x, y) {
  const body = sdRoundBox(x, y, 0.5, 0.37, 0.5, 0.37, 0.2);
  // The tail starts well inside the body so the union has no seam where they meet.
  const tail = sdTriangle(x, y, [0.14, 0.55], [0.5, 0.55], [0.1, 1]);
  return Math.min(body, tail);
}

// Centres on whole pixels of the 32x32 grid (10, 16 and 22; row 12), so the small dots come out symmetrical there.
function dots(x, y) {
  const cy = 11 / 30;
  return Math.min(sdCircle(x, y, 0.3, cy, 0.065), sdCircle(x, y, 0.5, cy, 0.065), sdCircle(x, y, 0.7, cy, 0.065));
}

const SUBSAMPLES = 4;

/** The fraction of a pixel that `test` holds for, sampled on a SUBSAMPLES x SUBSAMPLES grid. */
function coverage(px, py, test) {
  let hits = 0;
  for (let i = 0; i < SUBSAMPLES; i++) {
    for (let j = 0; j < SUBSAMPLES; j++) {
      if (test(px + (i + 0.5) / SUBSAMPLES, py + (j + 0.5) / SUBSAMPLES)) hits++;
    }
  }
  return hits / (SUBSAMPLES * SUBSAMPLES);
}

function encode(size, pixel) {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      const at = (y * size + x) * 4;
      png.data[at] = r;
      png.data[at + 1] = g;
      png.data[at + 2] = b;
      png.data[at + 3] = a;
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}

/** 192x192: a white bubble with red dots on a full red square; antialiased, fully opaque. */
export function colorIcon() {
  // Teams crops the colour icon to rounded shapes, so the symbol keeps a wide margin.
  const offset = 38;
  const scale = 116;
  const inBubble = (x, y) => bubble((x - offset) / scale, (y - offset) / scale) <= 0 && dots((x - offset) / scale, (y - offset) / scale) > 0;
  return encode(192, (x, y) => {
    const white = coverage(x, y, inBubble);
    const mix = (c) => Math.round(c * (1 - white) + 255 * white);
    return [mix(BACKGROUND.r), mix(BACKGROUND.g), mix(BACKGROUND.b), 255];
  });
}

/** 32x32: the bubble's outline and dots in pure white on a transparent background; every pixel is opaque white or fully transparent. */
export function outlineIcon() {
  const offset = 1;
  const scale = 30;
  const stroke = 2 / scale;
  const onOutline = (x, y) => {
    const u = (x - offset) / scale;
    const v = (y - offset) / scale;
    const d = bubble(u, v);
    return (d <= 0 && d > -stroke) || dots(u, v) <= 0;
  };
  // Teams wants no antialiasing in the outline icon: a pixel is white when most of it is covered.
  return encode(32, (x, y) => (coverage(x, y, onOutline) >= 0.5 ? [255, 255, 255, 255] : [0, 0, 0, 0]));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = new URL('../manifest/', import.meta.url);
  writeFileSync(new URL('color.png', dir), colorIcon());
  writeFileSync(new URL('outline.png', dir), outlineIcon());
  console.log('wrote manifest/color.png (192x192) and manifest/outline.png (32x32)');
}
