const STORAGE_KEY = 'promo-console.admin-key';

/** The admin key for this tab: sessionStorage only, so it goes with the tab and is never persisted. */
export function readSessionKey(): string | null {
  return sessionStorage.getItem(STORAGE_KEY);
}

export function saveSessionKey(key: string): void {
  sessionStorage.setItem(STORAGE_KEY, key);
}

export function clearSessionKey(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}

/** `npm start` prints a URL ending in `#key=<demo admin key>`: take it into the session and drop it from the address bar. */
export function takeKeyFromLocation(location: Location, history: History): void {
  const match = /^#key=([^&]+)/.exec(location.hash);
  if (match?.[1] === undefined) return;
  saveSessionKey(decodeURIComponent(match[1]));
  history.replaceState(null, '', `${location.pathname}${location.search}#/promotions`);
}
