import { asArray, block, finiteNumber, isRecord, text } from './metadata-values';

/**
 * A region drawn in the file by another program: MWG regions (Lightroom, Picasa, digiKam face tags)
 * or IPTC image regions. Coordinates are fractions of the stored (not rotated) image, top-left based;
 * circles and polygons also carry their bounding box so every region can be shown as a rectangle.
 */
export interface EmbeddedRegion {
  source: 'mwg' | 'iptc';
  shape: 'rectangle' | 'circle' | 'polygon';
  x: number;
  y: number;
  w: number;
  h: number;
  type: string | null;
  name: string | null;
  person: string | null;
}

interface Size {
  width: number;
  height: number;
}

const clamp = (n: number) => Math.min(1, Math.max(0, n));

function box(source: EmbeddedRegion['source'], shape: EmbeddedRegion['shape'], x: number, y: number, w: number, h: number) {
  return { source, shape, x: clamp(x), y: clamp(y), w: clamp(w), h: clamp(h) };
}

function mwgRegions(parsed: Record<string, unknown>): EmbeddedRegion[] {
  const regions = block(block(parsed, 'mwg-rs'), 'Regions');
  const applied = isRecord(regions.AppliedToDimensions) ? regions.AppliedToDimensions : {};
  const dims = { w: finiteNumber(applied.w), h: finiteNumber(applied.h) };
  const out: EmbeddedRegion[] = [];
  for (const r of asArray(regions.RegionList)) {
    if (!isRecord(r) || !isRecord(r.Area)) continue;
    const a = r.Area;
    let [x, y, w, h] = [finiteNumber(a.x), finiteNumber(a.y), finiteNumber(a.w) ?? 0, finiteNumber(a.h) ?? 0];
    if (x === undefined || y === undefined) continue;
    if (a.unit === 'pixel') {
      if (!dims.w || !dims.h) continue;
      [x, y, w, h] = [x / dims.w, y / dims.h, w / dims.w, h / dims.h];
    }
    // MWG areas are centred on (x, y).
    out.push({ ...box('mwg', 'rectangle', x - w / 2, y - h / 2, w, h), type: text(r.Type) ?? null, name: text(r.Name) ?? null, person: null });
  }
  return out;
}

function iptcRegions(parsed: Record<string, unknown>, size: Size): EmbeddedRegion[] {
  const out: EmbeddedRegion[] = [];
  for (const r of asArray(block(parsed, 'Iptc4xmpExt').ImageRegion)) {
    if (!isRecord(r) || !isRecord(r.RegionBoundary)) continue;
    const b = r.RegionBoundary;
    const pixel = b.rbUnit === 'pixel';
    const sx = pixel ? 1 / size.width : 1;
    const sy = pixel ? 1 / size.height : 1;
    const shape = b.rbShape === 'circle' || b.rbShape === 'polygon' ? b.rbShape : 'rectangle';
    let region;
    if (shape === 'polygon') {
      const pts = asArray(b.rbVertices)
        .filter(isRecord)
        .map((v) => [finiteNumber(v.rbX), finiteNumber(v.rbY)])
        .filter((p): p is [number, number] => p[0] !== undefined && p[1] !== undefined)
        .map(([px, py]) => [px * sx, py * sy] as const);
      if (pts.length < 3) continue;
      const xs = pts.map((p) => p[0]);
      const ys = pts.map((p) => p[1]);
      region = box('iptc', 'polygon', Math.min(...xs), Math.min(...ys), Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
    } else {
      const [x, y] = [finiteNumber(b.rbX), finiteNumber(b.rbY)];
      if (x === undefined || y === undefined) continue;
      if (shape === 'circle') {
        // The radius is measured along the width; on a non-square image it spans a different fraction of the height.
        const rx = (finiteNumber(b.rbRx) ?? 0) * sx;
        const ry = rx * (size.width / size.height);
        region = box('iptc', 'circle', x * sx - rx, y * sy - ry, 2 * rx, 2 * ry);
      } else {
        region = box('iptc', 'rectangle', x * sx, y * sy, (finiteNumber(b.rbW) ?? 0) * sx, (finiteNumber(b.rbH) ?? 0) * sy);
      }
    }
    out.push({ ...region, type: (isRecord(r.rRole) ? text(r.rRole.Name) : undefined) ?? null, name: text(r.Name) ?? null, person: text(r.PersonInImage) ?? null });
  }
  return out;
}

export function embeddedRegions(parsed: Record<string, unknown>, size: Size): EmbeddedRegion[] {
  return [...mwgRegions(parsed), ...iptcRegions(parsed, size)];
}
