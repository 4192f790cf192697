import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Icon } from '../../components/Icon';
import { Loading } from '../../components/Loading';
import { useCommand } from '../../lib/query';

/** Folders with thousands of files stay usable: the rest can be imported with "this whole folder". */
const maxShown = 1000;

interface FolderPickerProps {
  busy: boolean;
  onImport: (paths: string[]) => void;
}

/**
 * Browses folders on this computer through the core (a browser page cannot see the disk), to import a
 * whole folder with its subfolders, or chosen files and folders from it.
 */
export function FolderPicker({ busy, onImport }: FolderPickerProps) {
  const { t } = useTranslation();
  const [path, setPath] = useState<string | undefined>(undefined);
  const [typed, setTyped] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const listing = useCommand('files.browse', path === undefined ? {} : { path });
  const here = listing.data;

  const go = (next: string) => {
    setPath(next);
    setTyped(null);
    setSelected([]);
  };
  const submitPath = (e: FormEvent) => {
    e.preventDefault();
    if (typed) go(typed);
  };
  const toggle = (p: string, on: boolean) => setSelected((s) => (on ? [...s, p] : s.filter((x) => x !== p)));
  const entries = here ? [...here.entries].sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'dir' ? -1 : 1)) : [];

  return (
    <section className="folder-picker" aria-labelledby="picker-title">
      <h2 id="picker-title">{t('picker.title')}</h2>
      <form className="picker-path" onSubmit={submitPath}>
        <label className="visually-hidden" htmlFor="picker-path-input">
          {t('picker.path')}
        </label>
        <button type="button" className="button button-small" disabled={!here?.parent} onClick={() => here?.parent && go(here.parent)}>
          <Icon name="up" size={16} />
          {t('picker.up')}
        </button>
        <input
          id="picker-path-input"
          value={typed ?? here?.path ?? ''}
          onChange={(e) => setTyped(e.target.value)}
          placeholder={t('picker.pathPlaceholder')}
          spellCheck={false}
        />
        <button type="submit" className="button button-small">
          {t('picker.open')}
        </button>
      </form>
      {listing.error && <ErrorMessage error={listing.error} />}
      {listing.loading && <Loading />}
      {here && (
        <div className="picker-list" role="group" aria-label={t('picker.contents', { path: here.path })}>
          {entries.length === 0 && <p className="muted picker-empty">{t('picker.emptyFolder')}</p>}
          {entries.slice(0, maxShown).map((entry) => (
            <div key={entry.path} className="picker-entry">
              <input
                type="checkbox"
                id={`pick-${entry.path}`}
                checked={selected.includes(entry.path)}
                onChange={(e) => toggle(entry.path, e.target.checked)}
                aria-label={t('picker.select', { name: entry.name })}
              />
              <Icon name={entry.kind === 'dir' ? 'folder' : 'file'} size={16} />
              {entry.kind === 'dir' ? (
                <button type="button" className="link-button" onClick={() => go(entry.path)} title={t('picker.openFolder', { name: entry.name })}>
                  {entry.name}
                </button>
              ) : (
                <label htmlFor={`pick-${entry.path}`}>{entry.name}</label>
              )}
            </div>
          ))}
          {entries.length > maxShown && <p className="muted picker-empty">{t('picker.more', { count: entries.length - maxShown })}</p>}
        </div>
      )}
      {here && (
        <div className="form-actions">
          <button type="button" className="button button-primary" disabled={busy} onClick={() => onImport([here.path])}>
            {t('picker.importFolder')}
          </button>
          <button type="button" className="button" disabled={busy || selected.length === 0} onClick={() => onImport(selected)}>
            {t('picker.importSelected', { count: selected.length })}
          </button>
        </div>
      )}
    </section>
  );
}
