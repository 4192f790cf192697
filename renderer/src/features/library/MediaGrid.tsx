import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaTile } from '../../../../shared/contract/media';
import { Icon } from '../../components/Icon';
import { MediaTileView, tileLabel } from './MediaTileView';
import './selection.css';

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
  isSelected: (id: number) => boolean;
  /** Click or Space: the item joins or leaves the selection. */
  onToggle: (index: number) => void;
  /** Shift+click or Shift+arrows: the range from the anchor to this item is added to what was selected before it. */
  onExtend: (index: number) => void;
  onSelectAll: () => void;
  /** Returns false when there was nothing to clear, so Escape can do its usual work. */
  onClear: () => boolean;
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
 * may not exist while it is scrolled out of view. Selecting is the single click (as in a file manager);
 * opening is the double click or Enter.
 */
export function MediaGrid(props: GridProps) {
  const { total, item, ensure, active, onActiveChange, onOpen, isSelected, onToggle, onExtend, onSelectAll, onClear } = props;
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

  const move = (index: number, extend: boolean) => {
    const next = Math.max(0, Math.min(total - 1, index));
    onActiveChange(next);
    if (extend) onExtend(next);
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
    const command = e.ctrlKey || e.metaKey;
    if (e.key in steps) move(active + steps[e.key]!, e.shiftKey);
    else if (e.key === 'Home') move(command ? 0 : active - (active % columns), e.shiftKey);
    else if (e.key === 'End') move(command ? total - 1 : active - (active % columns) + columns - 1, e.shiftKey);
    else if (e.key === 'Enter') onOpen(active);
    else if (e.key === ' ') (e.shiftKey ? onExtend : onToggle)(active);
    else if (command && e.key.toLowerCase() === 'a') onSelectAll();
    else if (e.key !== 'Escape' || !onClear()) return;
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
      aria-multiselectable="true"
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
              const selected = tile !== undefined && isSelected(tile.id);
              const classes = ['tile', index === active ? 'tile-active' : '', selected ? 'tile-selected' : ''].filter(Boolean).join(' ');
              return (
                <div
                  key={index}
                  id={`tile-${index}`}
                  role="gridcell"
                  aria-colindex={c + 1}
                  aria-selected={selected}
                  aria-label={tile ? tileLabel(tile, t) : t('common.loading')}
                  className={classes}
                  style={{ width: tileWidth }}
                  data-testid={tile ? `media-tile-${tile.id}` : undefined}
                  onClick={(e) => {
                    onActiveChange(index);
                    (e.shiftKey ? onExtend : onToggle)(index);
                  }}
                  onDoubleClick={() => onOpen(index)}
                >
                  {selected && (
                    <span className="tile-check" aria-hidden="true">
                      <Icon name="check" size={14} />
                    </span>
                  )}
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
