import { useEffect, useMemo, useState } from 'react';
import { consoleApi } from './api/console-api';
import { clearSessionKey, readSessionKey, saveSessionKey } from './auth/session-key';
import { SignInPage } from './auth/sign-in.page';
import { CampaignsPage } from './campaigns/campaigns.page';
import { CodesPage } from './codes/codes.page';
import { PromotionFormPage } from './promotions/promotion-form.page';
import { PromotionsListPage } from './promotions/promotions-list.page';
import { SettingsPage } from './settings/settings.page';
import { type Store, StoreContext, type StoreSettings, makeStore } from './settings/store-context';
import { StatisticsPage } from './statistics/statistics.page';
import { describeError } from './ui/use-async';
import { useHashRoute } from './ui/use-hash-route';

const SECTIONS = [
  ['promotions', 'Promotions'],
  ['codes', 'Codes'],
  ['campaigns', 'Campaigns'],
  ['statistics', 'Statistics'],
  ['settings', 'Settings'],
] as const;

function Page({ route }: { readonly route: readonly string[] }) {
  const [section, id] = route;
  switch (section) {
    case 'codes':
      return <CodesPage />;
    case 'campaigns':
      return <CampaignsPage />;
    case 'statistics':
      return <StatisticsPage />;
    case 'settings':
      return <SettingsPage />;
    case 'promotions':
      if (id === 'new') return <PromotionFormPage id={null} />;
      if (id !== undefined) return <PromotionFormPage key={id} id={id} />;
      return <PromotionsListPage />;
    default:
      return <PromotionsListPage />;
  }
}

/** Signs in, loads the store settings (zone for times), then shows the section the hash names. */
export function App() {
  const [key, setKey] = useState<string | null>(readSessionKey());
  const [store, setStore] = useState<Store | null>(null);
  const [error, setError] = useState<string | null>(null);
  const route = useHashRoute();
  const api = useMemo(() => (key === null ? null : consoleApi(key)), [key]);

  useEffect(() => {
    if (api === null) return;
    const settingsSaved = (settings: StoreSettings) => setStore(makeStore(api, settings, settingsSaved));
    api.pricing.get('/v1/settings').then(
      (settings) => settingsSaved(settings),
      (failure: unknown) => setError(describeError(failure)),
    );
  }, [api]);

  if (key === null) return <SignInPage onSignedIn={(k) => { saveSessionKey(k); setKey(k); }} />;
  if (store === null) return <p className="loading">{error ?? 'Loading the store settings…'}</p>;
  const signOut = () => {
    clearSessionKey();
    setStore(null);
    setKey(null);
  };
  return (
    <StoreContext.Provider value={store}>
      <nav className="top">
        <strong>Promotions</strong>
        {SECTIONS.map(([path, label]) => (
          <a key={path} href={`#/${path}`} className={(route[0] ?? 'promotions') === path ? 'current' : ''}>{label}</a>
        ))}
        <span className="store">Times in {store.settings.timeZone} · {store.locale}</span>
        <button type="button" onClick={signOut}>Sign out</button>
      </nav>
      <main>
        <Page route={route} />
      </main>
    </StoreContext.Provider>
  );
}
