/** Read state changed somewhere (a notification opened or marked read): the header's count refreshes at once. */
const CHANGED = 'reform:inbox-changed';

export function announceInboxChanged(): void {
  window.dispatchEvent(new Event(CHANGED));
}

export function onInboxChanged(listener: () => void): () => void {
  window.addEventListener(CHANGED, listener);
  return () => window.removeEventListener(CHANGED, listener);
}
