import { cleanup } from '@testing-library/react';
import { setPlatformAPI } from 'echarts/core';
import { afterEach } from 'vitest';

// jsdom has no canvas for ECharts to measure its labels with: about 0.6 em a character will do.
setPlatformAPI({
  measureText: (text = '', font = '12px sans-serif') => ({ width: text.length * 0.6 * (Number.parseInt(font, 10) || 12) }),
});

// jsdom has window.scrollTo but only logs "Not implemented" when a navigation calls it.
window.scrollTo = () => undefined;

// Testing Library cleans up by itself only with test globals; vitest runs without them here.
afterEach(() => {
  cleanup();
  sessionStorage.clear();
  localStorage.clear();
  // Lists keep their filters in the address: each test starts from a bare one.
  window.history.replaceState(null, '', '/');
});
