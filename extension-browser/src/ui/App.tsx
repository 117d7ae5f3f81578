import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { createApi } from '../api/client';
import { translatorFor, type Translate } from '../i18n/i18n';
import { loadSettings, onSettingsChanged, type Settings } from '../settings';
import { CaptureView } from './CaptureView';
import { Escalations } from './Escalations';
import { I18n } from './i18nContext';
import { QueueView } from './QueueView';
import { ReleasesView } from './ReleasesView';
import { canReview } from '../releases/review';
import { useRole } from './useRole';
import { useTicket } from './useTicket';

type Tab = 'capture' | 'escalations' | 'releases' | 'queue';

export function useSettingsAndT(): { settings: Settings | null; t: Translate | null; lang: string } {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [tr, setTr] = useState<{ t: Translate; lang: string } | null>(null);
  useEffect(() => {
    void loadSettings().then(setSettings);
    return onSettingsChanged(setSettings);
  }, []);
  useEffect(() => {
    if (settings) void translatorFor(settings.language).then((x) => setTr({ t: x.t, lang: x.lang }));
  }, [settings?.language]);
  useEffect(() => {
    if (tr) document.documentElement.lang = tr.lang;
  }, [tr?.lang]);
  return { settings, t: tr?.t ?? null, lang: tr?.lang ?? 'en' };
}

function Capture(props: { settings: Settings; api: ReturnType<typeof createApi> }) {
  const [ticket, reread] = useTicket(props.settings);
  return (
    <I18n.Consumer>
      {(t) => {
        if (ticket.state === 'loading') return <p class="loading">{t('loading')}</p>;
        if (ticket.state === 'no-target') return <p class="empty">{t('noTarget')}</p>;
        if (ticket.state === 'error') return <p class="error">{t('readFailed', ticket.message)}</p>;
        if (ticket.state === 'no-access')
          return (
            <div class="no-access">
              <p>{t('noAccess', ticket.origin)}</p>
              <button
                type="button"
                onClick={() => void browser.permissions.request({ origins: [ticket.origin] }).then((ok) => ok && reread())}
              >
                {t('enableSite')}
              </button>
            </div>
          );
        return <CaptureView api={props.api} settings={props.settings} target={ticket.target} ctx={ticket.ctx} />;
      }}
    </I18n.Consumer>
  );
}

/** The side panel: capture for the current CRM ticket, my escalations, and the send queue. */
export function App() {
  const { settings, t } = useSettingsAndT();
  const [tab, setTab] = useState<Tab>('capture');
  const api = useMemo(
    () => (settings?.serverUrl && settings.token ? createApi(settings.serverUrl, settings.token) : null),
    [settings?.serverUrl, settings?.token],
  );
  const role = useRole(api);
  if (!settings || !t) return null;
  // Release review is for reviewers and leads (the server refuses feedback from anyone else).
  const tabs: Tab[] = canReview(role) ? ['capture', 'escalations', 'releases', 'queue'] : ['capture', 'escalations', 'queue'];
  return (
    <I18n.Provider value={t}>
      <div class="tabs" role="tablist" data-role={role ?? ''}>
        {tabs.map((x) => (
          <button key={x} type="button" role="tab" aria-selected={tab === x} data-tab={x} onClick={() => setTab(x)}>
            {t(`tab_${x}`)}
          </button>
        ))}
        <button type="button" class="options-link" onClick={() => void browser.runtime.openOptionsPage()}>
          ⚙
        </button>
      </div>
      <main>
        {!api ? (
          <p class="setup">{t('setupNeeded')}</p>
        ) : tab === 'capture' ? (
          <Capture settings={settings} api={api} />
        ) : tab === 'escalations' ? (
          <Escalations api={api} />
        ) : tab === 'releases' && canReview(role) ? (
          <ReleasesView api={api} />
        ) : (
          <QueueView api={api} />
        )}
      </main>
    </I18n.Provider>
  );
}
