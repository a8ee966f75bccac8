import { type ReactNode, createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from '../settings/store-context';
import { type SuggestionKey, filterValuesOf, mergeSuggestions, seenQuery } from './catalog-suggestions';

interface Suggestions {
  suggest(key: SuggestionKey): readonly string[];
  /** Fetches the seen values of a key once. */
  request(key: SuggestionKey): void;
}

const SuggestionsContext = createContext<Suggestions>({ suggest: () => [], request: () => undefined });

/** The values pickers suggest; empty outside a provider. */
export function useSuggestions(key: SuggestionKey): readonly string[] {
  const suggestions = useContext(SuggestionsContext);
  useEffect(() => suggestions.request(key), [suggestions, key]);
  return suggestions.suggest(key);
}

/**
 * Suggestions for the pickers of one editor: the values the recent carts carried, fetched once per key when a picker
 * first asks, then the values the stored promotions already filter on. A failed fetch only leaves the list shorter.
 */
export function SuggestionsProvider({ children }: { readonly children: ReactNode }) {
  const { api } = useStore();
  const [own, setOwn] = useState<ReadonlyMap<SuggestionKey, readonly string[]>>(new Map());
  const [seen, setSeen] = useState<ReadonlyMap<SuggestionKey, readonly string[]>>(new Map());
  const asked = useRef(new Set<SuggestionKey>());

  useEffect(() => {
    let current = true;
    api.pricing.get('/v1/promotions', { query: { limit: 200 } }).then(
      (page) => current && setOwn(filterValuesOf(page.items)),
      // Suggestions only: without them the pickers still take typed values.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api]);

  const fetchSeen = useCallback(
    (key: SuggestionKey) => {
      if (key === '' || asked.current.has(key)) return;
      asked.current.add(key);
      api.pricing.get('/v1/catalog/seen', { query: seenQuery(key) }).then(
        (answer) => setSeen((before) => new Map([...before, [key, answer.values.map((v) => v.value)]])),
        // Suggestions only (an older pricing has no catalog route): the picker still takes typed values.
        () => undefined,
      );
    },
    [api],
  );

  const suggestions = useMemo<Suggestions>(
    () => ({ suggest: (key) => mergeSuggestions(seen.get(key) ?? [], own.get(key) ?? []), request: fetchSeen }),
    [seen, own, fetchSeen],
  );
  return <SuggestionsContext.Provider value={suggestions}>{children}</SuggestionsContext.Provider>;
}
