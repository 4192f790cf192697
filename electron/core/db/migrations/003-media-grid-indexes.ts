/**
 * The grid counts the media matching any combination of filters (date range, school, kind, batch,
 * has errors) at 100,000 items. 001's indexes hold only (x, sort_at, id), so every further condition
 * made SQLite read the table row: a school + kind filter took ~80 ms. These indexes also carry the
 * other filter columns, so counting any combination reads one index and never the table.
 * `has_warnings` is computed from `warnings`, so nothing that writes media has to keep it in step.
 */
export const sql = `
ALTER TABLE media ADD COLUMN has_warnings INTEGER GENERATED ALWAYS AS (warnings <> '[]') VIRTUAL;

DROP INDEX media_sort;
DROP INDEX media_school_sort;
DROP INDEX media_kind_sort;
DROP INDEX media_batch_sort;
DROP INDEX media_warnings;

CREATE INDEX media_grid_sort ON media(sort_at DESC, id DESC, kind, school_id, batch_id, has_warnings);
CREATE INDEX media_grid_school ON media(school_id, sort_at DESC, id DESC, kind, batch_id, has_warnings);
CREATE INDEX media_grid_kind ON media(kind, sort_at DESC, id DESC, school_id, batch_id, has_warnings);
CREATE INDEX media_grid_batch ON media(batch_id, sort_at DESC, id DESC, kind, school_id, has_warnings);
CREATE INDEX media_grid_warnings ON media(has_warnings, sort_at DESC, id DESC, kind, school_id, batch_id);
`;
