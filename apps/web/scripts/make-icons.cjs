// Generates the favicon, app icons and the default link-preview picture from icons/icon.svg.
// Run once after changing the artwork (`node scripts/make-icons.cjs`); the outputs are committed.
const fs = require('node:fs');
const path = require('node:path');
const sharp = require('sharp');

const pub = path.join(__dirname, '..', 'public');
const svg = fs.readFileSync(path.join(pub, 'icons', 'icon.svg'));
// Maskable icons keep the artwork inside the 80% safe zone on a full-bleed background.
const maskable = Buffer.from(
  svg.toString().replace('rx="96"', 'rx="0"').replace('font-size="300"', 'font-size="220"').replace('y="338"', 'y="318"'),
);

async function png(source, size, file) {
  await sharp(source, { density: 300 }).resize(size, size).png({ compressionLevel: 9, palette: true }).toFile(path.join(pub, file));
}

async function main() {
  await png(svg, 192, 'icons/icon-192.png');
  await png(svg, 512, 'icons/icon-512.png');
  await png(maskable, 512, 'icons/maskable-512.png');
  await png(svg, 180, 'icons/apple-touch-icon.png');
  // favicon.ico: a single 32x32 PNG inside an ICO container (every browser reads it).
  const icon = await sharp(svg, { density: 300 }).resize(32, 32).png().toBuffer();
  const header = Buffer.alloc(22);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(1, 4);
  header.writeUInt8(32, 6);
  header.writeUInt8(32, 7);
  header.writeUInt16LE(1, 10);
  header.writeUInt16LE(32, 12);
  header.writeUInt32LE(icon.length, 14);
  header.writeUInt32LE(22, 18);
  fs.writeFileSync(path.join(pub, 'favicon.ico'), Buffer.concat([header, icon]));
  // Link previews: 1200x630 with the mark and the shop's name.
  const og = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630">
    <rect width="1200" height="630" fill="#5b2c83"/>
    <rect x="90" y="165" width="300" height="300" rx="60" fill="#f5b700"/>
    <text x="240" y="385" font-family="Georgia,'DejaVu Serif',serif" font-size="220" font-weight="700" fill="#5b2c83" text-anchor="middle">π</text>
    <text x="450" y="300" font-family="'DejaVu Sans',sans-serif" font-size="72" font-weight="700" fill="#ffffff">Pi Services Studio</text>
    <text x="450" y="380" font-family="'DejaVu Sans',sans-serif" font-size="32" fill="#e8dcf2">Fixed-price software services, paid in Pi</text>
  </svg>`);
  await sharp(og).png({ compressionLevel: 9, palette: true }).toFile(path.join(pub, 'icons', 'og-default.png'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
