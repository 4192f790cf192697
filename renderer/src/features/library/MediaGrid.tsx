import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaTile } from '../../../../shared/contract/media';
import { MediaTileView, tileLabel } from './MediaTileView';

const minTileWidth = 168;
const gap = 12;
const captionHeight = 28;

interface GridProps {
  total: number;
  item: (index: number) => MediaTile | undefined;
  ensure: (first: number, last: number) => void;
  active: number;
  onActiveChange: (index: number) => void;
  onOpen: (index: number) => void;
}

function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current!;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    setWidth(el.clientWidth);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/**
 * A virtualised grid: only the rows in view (plus a few) exist in the page, so 100,000 items scroll as
 * smoothly as 100. The grid holds focus itself and points at the active tile, because the tile's element
 * may not exist while it is scrolled out of view.
 */
export function MediaGrid({ total, item, ensure, active, onActiveChange, onOpen }: GridProps) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const width = useWidth(scroller);
  const inner = Math.max(0, width - 2 * gap);
  const columns = Math.max(1, Math.floor((inner + gap) / (minTileWidth + gap)));
  const tileWidth = (inner - gap * (columns - 1)) / columns;
  const rowHeight = Math.round(tileWidth * 0.75 + captionHeight + gap);
  const rows = Math.ceil(total / columns);

  const virtualizer = useVirtualizer({
    count: rows,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 4,
    paddingStart: gap,
    paddingEnd: gap,
  });

  useEffect(() => virtualizer.measure(), [rowHeight, virtualizer]);

  const virtualRows = virtualizer.getVirtualItems();
  const firstRow = virtualRows[0]?.index ?? 0;
  const lastRow = virtualRows[virtualRows.length - 1]?.index ?? 0;
  useEffect(() => ensure(firstRow * columns, (lastRow + 1) * columns - 1), [ensure, firstRow, lastRow, columns]);

  const move = (index: number) => {
    const next = Math.max(0, Math.min(total - 1, index));
    onActiveChange(next);
    virtualizer.scrollToIndex(Math.floor(next / columns), { align: 'auto' });
  };

  const pageRows = Math.max(1, Math.floor((scroller.current?.clientHeight ?? rowHeight) / rowHeight));
  const onKeyDown = (e: KeyboardEvent) => {
    const steps: Record<string, number> = {
      ArrowRight: 1,
      ArrowLeft: -1,
      ArrowDown: columns,
      ArrowUp: -columns,
      PageDown: columns * pageRows,
      PageUp: -columns * pageRows,
    };
    if (e.key in steps) move(active + steps[e.key]!);
    else if (e.key === 'Home') move(e.ctrlKey ? 0 : active - (active % columns));
    else if (e.key === 'End') move(e.ctrlKey ? total - 1 : active - (active % columns) + columns - 1);
    else if (e.key === 'Enter' || e.key === ' ') onOpen(active);
    else return;
    e.preventDefault();
  };

  const activeTile = item(active);
  return (
    <div
      ref={scroller}
      className="media-grid"
      role="grid"
      tabIndex={0}
      aria-label={t('library.gridLabel')}
      aria-rowcount={rows}
      aria-colcount={columns}
      aria-activedescendant={activeTile ? `tile-${active}` : undefined}
      onKeyDown={onKeyDown}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualRows.map((row) => (
          <div
            key={row.key}
            role="row"
            aria-rowindex={row.index + 1}
            className="media-grid-row"
            style={{ transform: `translateY(${row.start}px)`, height: rowHeight - gap, gap, paddingInline: gap }}
          >
            {Array.from({ length: columns }, (_, c) => {
              const index = row.index * columns + c;
              if (index >= total) return null;
              const tile = item(index);
              return (
                <div
                  key={index}
                  id={`tile-${index}`}
                  role="gridcell"
                  aria-colindex={c + 1}
                  aria-selected={index === active}
                  aria-label={tile ? tileLabel(tile, t) : t('common.loading')}
                  className={index === active ? 'tile tile-active' : 'tile'}
                  style={{ width: tileWidth }}
                  data-testid={tile ? `media-tile-${tile.id}` : undefined}
                  onClick={() => {
                    onActiveChange(index);
                    onOpen(index);
                  }}
                >
                  <MediaTileView tile={tile} />
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
