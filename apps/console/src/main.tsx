import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { I18nProvider } from './i18n/i18n';
import { SettingsGate } from './time/settings-gate';
import './styles.css';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <SettingsGate>
      <I18nProvider>
        <App />
      </I18nProvider>
    </SettingsGate>
  </StrictMode>,
);
