import type { AnswerOf, PricingPaths } from '@promo/client';
import { createContext, useContext } from 'react';
import type { ConsoleApi } from '../api/console-api';
import { formatMoney } from '../format/money';
import { formatDay, formatInstant } from '../format/time';

/** Store settings as GET /v1/settings (and a saving PUT) of pricing answer them: the zone, the display locale, the version. */
export type StoreSettings = AnswerOf<PricingPaths, 'get', '/v1/settings'>;

/** What every page needs: the services' typed clients and the store's zone and locale for display. */
export interface Store {
  readonly api: ConsoleApi;
  readonly settings: StoreSettings;
  readonly locale: string;
  money(amount: number, currency: string): string;
  instant(iso: string): string;
  day(day: string): string;
  /** After the settings page saves: every page then shows times in the new zone and locale. */
  settingsSaved(settings: StoreSettings): void;
}

export function makeStore(api: ConsoleApi, settings: StoreSettings, settingsSaved: (settings: StoreSettings) => void): Store {
  const { locale } = settings; // pricing answers its default (en-US) until the merchant picks one
  return {
    api,
    settings,
    locale,
    money: (amount, currency) => formatMoney(amount, currency, locale),
    instant: (iso) => formatInstant(iso, settings.timeZone, locale),
    day: (day) => formatDay(day, locale),
    settingsSaved,
  };
}

export const StoreContext = createContext<Store | null>(null);

export function useStore(): Store {
  const store = useContext(StoreContext);
  if (store === null) throw new Error('useStore outside the signed-in console');
  return store;
}
