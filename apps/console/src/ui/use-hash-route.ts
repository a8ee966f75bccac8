import { useEffect, useState } from 'react';

/** The route is the hash (`#/promotions/p1`), so the static server needs no rewrites. */
export function useHashRoute(): readonly string[] {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return hash.replace(/^#\/?/, '').split('/').filter((part) => part !== '').map(decodeURIComponent);
}

export function navigate(path: string): void {
  window.location.hash = `#${path}`;
}
