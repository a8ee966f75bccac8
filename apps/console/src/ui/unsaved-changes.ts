import { useEffect } from 'react';

export const UNSAVED_CHANGES_WARNING = 'You have unsaved changes. Leave this page and lose them?';

/**
 * While `dirty`, warns before the tab closes or reloads (beforeunload) and before a link of the console's own
 * navigation (hash links) leaves the page: declining keeps the merchant where they are.
 */
export function useUnsavedChangesWarning(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = UNSAVED_CHANGES_WARNING;
    };
    const onClick = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
      if (link === null || link.getAttribute('href') === window.location.hash) return;
      if (!window.confirm(UNSAVED_CHANGES_WARNING)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [dirty]);
}
