import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentMatrix as Matrix, ConsentMatrixRow } from '../../../../shared/contract/consent';
import type { Channel } from '../../../../shared/types';
import { useFormat } from '../../lib/format';
import { personAge, personName } from '../people/person-labels';
import { channelName } from './consent-states';
import { ConsentPopover } from './ConsentPopover';
import { ConsentStateView, useStateDetail } from './ConsentStateView';

interface MatrixProps {
  matrix: Matrix;
  channels: Channel[];
  selectedPersonId: number | null;
  onSelectPerson: (personId: number) => void;
}

function PersonHeader({ row }: { row: ConsentMatrixRow }) {
  const { t } = useTranslation();
  const format = useFormat();
  const age = personAge(row.person);
  const answersSelf = row.cells[0]?.requiredGiver === 'pupil';
  return (
    <span className="person-meta">
      <span>
        {t(`people.role.${row.person.role}`)}
        {age !== null && ` · ${t('people.age', { count: age })}`}
      </span>
      {row.person.role === 'pupil' && answersSelf && <span className="badge badge-own">{t('consent.answersPersonally')}</span>}
      {row.person.role === 'pupil' && !answersSelf && row.ownConsentFrom && (
        <span className="badge badge-soon">{t('consent.turns16', { date: format.date(row.ownConsentFrom) })}</span>
      )}
    </span>
  );
}

/**
 * The class's consent at a glance, as schools know it from their admin systems: a row per person, a column
 * per channel. Arrow keys move between cells (column 0 is the person), Enter opens the cell.
 */
export function ConsentMatrix({ matrix, channels, selectedPersonId, onSelectPerson }: MatrixProps) {
  const { t } = useTranslation();
  const detail = useStateDetail();
  const table = useRef<HTMLTableElement>(null);
  const [focus, setFocus] = useState({ row: 0, col: 1 });
  const [editing, setEditing] = useState<{ row: number; col: number; anchor: HTMLElement } | null>(null);
  const byKey = new Map(channels.map((c) => [c.key, c]));
  const columns = matrix.channels.map((key) => byKey.get(key) ?? { key, name: key, kind: 'external' as const, builtin: false });

  const moveTo = (row: number, col: number) => {
    const r = Math.max(0, Math.min(matrix.rows.length - 1, row));
    const c = Math.max(0, Math.min(columns.length, col));
    setFocus({ row: r, col: c });
    table.current?.querySelector<HTMLElement>(`[data-cell="${r}-${c}"]`)?.focus();
  };

  const onKeyDown = (e: KeyboardEvent, row: number, col: number) => {
    const moves: Record<string, [number, number]> = {
      ArrowRight: [row, col + 1],
      ArrowLeft: [row, col - 1],
      ArrowDown: [row + 1, col],
      ArrowUp: [row - 1, col],
      Home: e.ctrlKey ? [0, 0] : [row, 0],
      End: e.ctrlKey ? [matrix.rows.length - 1, columns.length] : [row, columns.length],
      PageDown: [row + 10, col],
      PageUp: [row - 10, col],
    };
    const target = moves[e.key];
    if (!target) return;
    e.preventDefault();
    moveTo(...target);
  };

  const editingRow = editing ? matrix.rows[editing.row] : undefined;
  const editingCell = editing && editingRow ? editingRow.cells[editing.col - 1] : undefined;

  return (
    <div className="matrix-scroll">
      <table ref={table} className="matrix" role="grid" aria-label={t('consent.matrixLabel')} aria-rowcount={matrix.rows.length + 1}>
        <thead>
          <tr>
            <th scope="col" className="matrix-corner">
              {t('consent.person')}
            </th>
            {columns.map((c) => (
              <th key={c.key} scope="col">
                {channelName(t, c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row, r) => {
            const name = personName(row.person);
            return (
              <tr key={row.person.id} className={row.person.id === selectedPersonId ? 'row-selected' : undefined}>
                <th scope="row">
                  <button
                    type="button"
                    className="person-button"
                    data-cell={`${r}-0`}
                    tabIndex={focus.row === r && focus.col === 0 ? 0 : -1}
                    onFocus={() => setFocus({ row: r, col: 0 })}
                    onKeyDown={(e) => onKeyDown(e, r, 0)}
                    onClick={() => onSelectPerson(row.person.id)}
                  >
                    {name}
                  </button>
                  <PersonHeader row={row} />
                </th>
                {row.cells.map((cell, i) => {
                  const col = i + 1;
                  const channel = columns[i]!;
                  const extra = detail(cell);
                  return (
                    <td key={cell.channel}>
                      <button
                        type="button"
                        className={`cell cell-${cell.state}`}
                        data-cell={`${r}-${col}`}
                        data-testid={`cell-${row.person.id}-${cell.channel}`}
                        tabIndex={focus.row === r && focus.col === col ? 0 : -1}
                        aria-label={`${name}, ${channelName(t, channel)}: ${t(`consent.state.${cell.state}`)}${extra ? `, ${extra}` : ''}`}
                        aria-haspopup="dialog"
                        onFocus={() => setFocus({ row: r, col })}
                        onKeyDown={(e) => onKeyDown(e, r, col)}
                        onClick={(e) => setEditing({ row: r, col, anchor: e.currentTarget })}
                      >
                        <ConsentStateView cell={cell} />
                      </button>
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      {editing && editingRow && editingCell && (
        <ConsentPopover
          person={editingRow.person}
          channel={columns[editing.col - 1]!}
          cell={editingCell}
          anchor={editing.anchor}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
