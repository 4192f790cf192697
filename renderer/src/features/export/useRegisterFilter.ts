import { useState } from 'react';

export interface RegisterFilter {
  /** A person id, as the contract's person reference. */
  person?: string;
  toTakeDown: boolean;
}

const key = 'clearframe.registerFilter';

/** The register's filter lasts the browser session, so coming back from a media item finds the same list. */
export function useRegisterFilter(): [RegisterFilter, (f: RegisterFilter) => void] {
  const [filter, setFilter] = useState<RegisterFilter>(() => ({ toTakeDown: false, ...(JSON.parse(sessionStorage.getItem(key) ?? '{}') as Partial<RegisterFilter>) }));
  return [
    filter,
    (f) => {
      sessionStorage.setItem(key, JSON.stringify(f));
      setFilter(f);
    },
  ];
}
