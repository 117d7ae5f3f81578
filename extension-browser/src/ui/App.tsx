import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { panelTabs, type Tab } from '../access/offers';
import { createApi } from '../api/client';
import { translatorFor, type Translate } from '../i18n/i18n';
import { loadSettings, onSettingsChanged, type Settings } from '../settings';
import { CaptureView } from './CaptureView';
import { Escalations } from './Escalations';
import { I18n } from './i18nContext';
import { QueueView } from './QueueView';
import { ReleasesView } from './ReleasesView';
import { MeContext, useWhoami } from './useMe';
import { rememberTarget } from '../page/target';
import { useTicket } from './useTicket';

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
  const [ticket, reread] = useTicket(props.settings, props.api);
  return (
    <I18n.Consumer>
      {(t) => {
        if (ticket.state === 'loading') return <p class="loading">{t('loading')}</p>;
        if (ticket.state === 'no-target') return <p class="empty">{t('noTarget')}</p>;
        if (ticket.state === 'error') return <p class="error">{t('readFailed', ticket.message)}</p>;
        if (ticket.state === 'no-access')
          return (
            <div class="no-access" data-origin={ticket.origin ?? ''}>
              <p>{ticket.origin ? t('noAccess', ticket.origin) : t('noAccessTab')}</p>
              <button
                type="button"
                class="grant-access"
                onClick={() =>
                  // One click: the site when we know it; when the browser hides the tab's address, ticket pages in general.
                  void browser.permissions.request({ origins: [ticket.origin ?? '<all_urls>'] }).then(async (ok) => {
                    if (!ok) return;
                    await browser.tabs.get(ticket.target.tabId).then(rememberTarget, () => undefined);
                    reread();
                  })
                }
              >
                {ticket.origin ? t('enableSite') : t('enableAllSites')}
              </button>
            </div>
          );
        return <CaptureView api={props.api} target={ticket.target} ctx={ticket.ctx} mapping={ticket.mapping} fromTeam={ticket.fromTeam} />;
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
  const me = useWhoami(api);
  if (!settings || !t) return null;
  // What the signed-in person may do decides the tabs (the shared permission model, as on the server).
  const tabs = panelTabs(me);
  const current = tabs.includes(tab) ? tab : tabs[0];
  return (
    <I18n.Provider value={t}>
      <div class="tabs" role="tablist" data-role={me?.role ?? ''}>
        {tabs.map((x) => (
          <button key={x} type="button" role="tab" aria-selected={current === x} data-tab={x} onClick={() => setTab(x)}>
            {t(`tab_${x}`)}
          </button>
        ))}
        <button type="button" class="options-link" onClick={() => void browser.runtime.openOptionsPage()}>
          ⚙
        </button>
      </div>
      <MeContext.Provider value={me}>
        <main>
          {!api ? (
            <p class="setup">{t('setupNeeded')}</p>
          ) : current === 'capture' ? (
            <Capture settings={settings} api={api} />
          ) : current === 'escalations' ? (
            <Escalations api={api} />
          ) : current === 'releases' ? (
            <ReleasesView api={api} />
          ) : current === 'queue' ? (
            <QueueView api={api} />
          ) : (
            <p class="empty no-tabs">{t('noTabs', me?.role ?? '')}</p>
          )}
        </main>
      </MeContext.Provider>
    </I18n.Provider>
  );
}
