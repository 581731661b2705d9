import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Testing Library cleans up by itself only with test globals; vitest runs without them here.
afterEach(() => {
  cleanup();
  sessionStorage.clear();
  localStorage.clear();
});
