import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// jsdom has window.scrollTo but only logs "Not implemented" when a navigation calls it.
window.scrollTo = () => undefined;

// Testing Library cleans up by itself only with test globals; vitest runs without them here.
afterEach(() => {
  cleanup();
  sessionStorage.clear();
  localStorage.clear();
});
