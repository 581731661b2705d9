import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_TIME_ZONE, setBusinessTimeZone } from '../time/business-time';
import { I18nProvider, useI18n, type Lang } from './i18n';

function Moment({ iso }: { iso: string }) {
  const { dateTime, date, time, timeZone } = useI18n();
  return (
    <p>
      {dateTime(iso)} | {date(iso)} | {time(iso)} | {timeZone}
    </p>
  );
}

const shown = (lang: Lang, iso: string) => {
  render(
    <I18nProvider initial={lang}>
      <Moment iso={iso} />
    </I18nProvider>,
  );
  return screen.getByText(/\|/).textContent;
};

describe('dates and times as the reader sees them', () => {
  afterEach(() => setBusinessTimeZone(DEFAULT_TIME_ZONE));

  it('shows a moment on the Beijing wall clock though the browser is in UTC', () => {
    expect(shown('zh', '2026-11-28T10:00:00Z')).toBe('2026年11月28日 18:00 | 2026年11月28日 | 18:00 | 北京时间');
  });

  it('in English too', () => {
    expect(shown('en', '2026-11-28T10:00:00Z')).toBe('28 Nov 2026, 18:00 | 28 Nov 2026 | 18:00 | Beijing time');
  });

  it('follows the zone the API serves', () => {
    setBusinessTimeZone('America/New_York');
    expect(shown('en', '2026-11-28T23:00:00Z')).toBe('28 Nov 2026, 18:00 | 28 Nov 2026 | 18:00 | America/New_York');
  });
});
