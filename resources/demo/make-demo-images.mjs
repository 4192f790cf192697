// Draws the demo school's generated images (no people in them) with sharp from SVG.
// Usage: node make-demo-images.mjs <output folder>. Made for ClearFrame's demo; CC0.
import { join } from 'node:path';
import sharp from 'sharp';

const out = process.argv[2];
if (!out) throw new Error('Usage: node make-demo-images.mjs <output folder>');

const font = 'DejaVu Sans, Liberation Sans, sans-serif';

const poster = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800">
  <rect width="1200" height="800" fill="#1d6fa5"/>
  <circle cx="1030" cy="150" r="110" fill="#f7c948"/>
  <path d="M0 620 Q300 520 600 620 T1200 620 V800 H0 Z" fill="#3c9d5d"/>
  <rect x="120" y="520" width="14" height="120" fill="#fff"/><rect x="120" y="520" width="90" height="14" fill="#fff"/>
  <circle cx="760" cy="590" r="34" fill="#fff"/><path d="M760 556 L760 624 M726 590 L794 590" stroke="#1d6fa5" stroke-width="5"/>
  <text x="80" y="200" font-family="${font}" font-size="96" font-weight="bold" fill="#fff">Sportdag 2026</text>
  <text x="84" y="280" font-family="${font}" font-size="44" fill="#dbeefa">Basisschool De Linde</text>
  <text x="84" y="350" font-family="${font}" font-size="36" fill="#dbeefa">vrijdag 12 juni · 9.00 – 15.00 uur</text>
</svg>`;

const playground = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1067">
  <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#8ec5ff"/><stop offset="1" stop-color="#e4f2ff"/></linearGradient></defs>
  <rect width="1600" height="1067" fill="url(#sky)"/>
  <rect x="180" y="360" width="760" height="420" fill="#b5563c"/>
  <polygon points="150,370 560,170 970,370" fill="#6b2f22"/>
  ${[0, 1, 2, 3].map((i) => `<rect x="${240 + i * 170}" y="450" width="110" height="120" fill="#fdf6d8" stroke="#fff" stroke-width="8"/>`).join('')}
  <rect x="500" y="620" width="120" height="160" fill="#3b4a5a"/>
  <rect y="780" width="1600" height="287" fill="#9aa3a8"/>
  ${[1100, 1330].map((x) => `<rect x="${x - 15}" y="560" width="30" height="230" fill="#6d4c33"/><circle cx="${x}" cy="520" r="120" fill="#4f9a4a"/>`).join('')}
  <path d="M1060 900 h360 M1080 860 v80 M1400 860 v80" stroke="#f2f2f2" stroke-width="10"/>
  <text x="200" y="330" font-family="${font}" font-size="40" fill="#fff">De Linde</text>
</svg>`;

const drawing = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600">
  <rect width="800" height="600" fill="#fffdf5"/>
  <circle cx="660" cy="120" r="70" fill="#ffd23f" stroke="#f29e4c" stroke-width="10"/>
  <rect x="180" y="280" width="300" height="220" fill="none" stroke="#e4572e" stroke-width="12"/>
  <polyline points="160,290 330,150 500,290" fill="none" stroke="#17bebb" stroke-width="12"/>
  <rect x="300" y="390" width="70" height="110" fill="none" stroke="#4361ee" stroke-width="10"/>
  <path d="M0 520 C200 500 600 540 800 515" stroke="#76c043" stroke-width="16" fill="none"/>
  <text x="40" y="580" font-family="${font}" font-size="30" fill="#555">Groep 3 – ons huis</text>
</svg>`;

await sharp(Buffer.from(poster)).webp({ quality: 80 }).toFile(join(out, 'sportdag-poster.webp'));
await sharp(Buffer.from(playground))
  .jpeg({ quality: 78, mozjpeg: true })
  .withExif({
    IFD0: { Artist: 'ClearFrame demo', Copyright: 'ClearFrame demo, CC0 1.0', ImageDescription: 'Schoolplein De Linde' },
    IFD2: { DateTimeOriginal: '2026:06:12 10:30:00' },
  })
  .toFile(join(out, 'schoolplein.jpg'));
await sharp(Buffer.from(drawing)).png({ palette: true, colours: 32 }).toFile(join(out, 'tekening-groep-3.png'));
