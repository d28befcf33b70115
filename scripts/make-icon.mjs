// Draws media/icon.png (128×128): a check mark over a tiny three-node
// network, on a dark rounded square. Plain Node (zlib), no image tools.
// Run: node scripts/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const N = 128;
const px = new Float64Array(N * N * 4);

const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
function blend(x, y, [r, g, b], a) {
  const i = (y * N + x) * 4;
  px[i] = px[i] * (1 - a) + r * a;
  px[i + 1] = px[i + 1] * (1 - a) + g * a;
  px[i + 2] = px[i + 2] * (1 - a) + b * a;
  px[i + 3] = Math.min(255, px[i + 3] * (1 - a) + 255 * a);
}
/** Paints every pixel whose signed distance to a shape is below 0, antialiased over one pixel. */
function paint(distance, color) {
  for (let y = 0; y < N; y++) for (let x = 0; x < N; x++) {
    const a = Math.max(0, Math.min(1, 0.5 - distance(x + 0.5, y + 0.5)));
    if (a > 0) blend(x, y, color, a);
  }
}
const segment = (ax, ay, bx, by, width) => (x, y) => {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy) - width / 2;
};
const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r;
const roundedSquare = (m, r) => (x, y) => {
  const qx = Math.max(Math.abs(x - N / 2) - (N / 2 - m - r), 0), qy = Math.max(Math.abs(y - N / 2) - (N / 2 - m - r), 0);
  return Math.hypot(qx, qy) - r;
};

paint(roundedSquare(4, 22), hex('#1e2a38'));
const blue = hex('#8fb8ff');
const nodes = [[32, 34], [64, 24], [96, 34]];
paint(segment(...nodes[0], ...nodes[1], 3), blue);
paint(segment(...nodes[1], ...nodes[2], 3), blue);
for (const [x, y] of nodes) paint(circle(x, y, 7), blue);
const green = hex('#4ec96b');
paint(segment(30, 72, 54, 96, 13), green);
paint(segment(54, 96, 100, 46, 13), green);

// PNG: 8-bit RGBA, one filter byte per row.
const raw = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) for (let x = 0; x < N * 4; x++) raw[y * (N * 4 + 1) + 1 + x] = Math.round(px[y * N * 4 + x]);
const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const sum = Buffer.alloc(4); sum.writeUInt32BE(crc(body));
  return Buffer.concat([len, body, sum]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(N, 0); header.writeUInt32BE(N, 4); header[8] = 8; header[9] = 6;
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(new URL('../media/icon.png', import.meta.url), png);
