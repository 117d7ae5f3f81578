import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { createApi } from '../api/client';
import { ADAPTERS } from '../crm/registry';
import { checkConnection, type CheckResult } from '../options/checkConnection';
import { LANGUAGES, saveSettings, type Settings } from '../settings';
import { useSettingsAndT } from './App';
import { markThisTabOwn } from '../page/target';
import { I18n } from './i18nContext';
import { MaskSettings } from './MaskSettings';
import { TaughtSites } from './TaughtSites';
import { ShareSite, TeamMappings } from './TeamMappings';
import { useWhoami } from './useMe';

const hostPattern = (serverUrl: string) => `${new URL(serverUrl).origin}/*`;

function CrmToggle(props: { id: string; label: string; origins: readonly string[] }) {
  const [on, setOn] = useState<boolean | null>(null);
  useEffect(() => void browser.permissions.contains({ origins: [...props.origins] }).then(setOn), []);
  if (!props.origins.length) return null;
  return (
    <label class="check">
      <input
        type="checkbox"
        checked={on === true}
        data-crm={props.id}
        onChange={(e) => {
          const want = e.currentTarget.checked;
          const req = { origins: [...props.origins] };
          void (want ? browser.permissions.request(req) : browser.permissions.remove(req).then((r) => !r)).then(setOn);
        }}
      />{' '}
      {props.label}
    </label>
  );
}

/** Options: server URL + token checked against the server, language, CRM sites, taught site mappings, what recordings mask. */
export function Options() {
  const { settings, t } = useSettingsAndT();
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [result, setResult] = useState<CheckResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [shared, setShared] = useState(0);
  const api = useMemo(
    () => (settings?.serverUrl && settings.token ? createApi(settings.serverUrl, settings.token) : null),
    [settings?.serverUrl, settings?.token],
  );
  const me = useWhoami(api);
  useEffect(() => void markThisTabOwn(), []); // opened as a tab, options is never the panel's ticket tab
  useEffect(() => {
    if (settings) {
      setUrl((u) => u || settings.serverUrl);
      setToken((x) => x || settings.token);
    }
  }, [settings !== null]);
  if (!settings || !t) return null;
  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const r = await checkConnection(
      url,
      token,
      (u, tok) => createApi(u, tok).auth.whoami.query(),
      (u) => browser.permissions.request({ origins: [hostPattern(u)] }),
    );
    if (r.ok) await saveSettings({ serverUrl: r.serverUrl, token: token.trim() });
    setResult(r);
    setAttempt((n) => n + 1);
    setBusy(false);
  };
  return (
    <I18n.Provider value={t}>
      <main class="options">
        <h1>{t('optionsTitle')}</h1>
        <form onSubmit={(e) => void save(e)}>
          <label for="server-url">{t('serverUrl')}</label>
          <input
            id="server-url"
            name="serverUrl"
            value={url}
            placeholder="https://handoff.example.com"
            onInput={(e) => setUrl(e.currentTarget.value)}
          />
          <label for="token">{t('token')}</label>
          <input id="token" name="token" type="password" value={token} onInput={(e) => setToken(e.currentTarget.value)} />
          <button type="submit" class="check-save" disabled={busy}>
            {t('checkAndSave')}
          </button>
        </form>
        {result && (
          <p
            class={`check-result ${result.ok ? 'ok' : 'error'}`}
            role="status"
            data-reason={result.ok ? 'ok' : result.reason}
            data-attempt={attempt}
          >
            {result.ok ? t('checkOk', result.user.name, result.user.role) : t(`check_${result.reason}`, result.detail)}
          </p>
        )}
        <label for="language">{t('language')}</label>
        <select
          id="language"
          value={settings.language}
          onChange={(e) => void saveSettings({ language: e.currentTarget.value as Settings['language'] })}
        >
          <option value="auto">{t('languageAuto')}</option>
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`lang_${l}`)}
            </option>
          ))}
        </select>
        <h2>{t('crmSites')}</h2>
        <p>{t('crmSitesHelp')}</p>
        {ADAPTERS.map((a) => (
          <CrmToggle key={a.id} id={a.id} label={a.label} origins={a.origins} />
        ))}
        <TaughtSites
          mappings={settings.siteMappings}
          share={(origin, mapping) =>
            api && <ShareSite api={api} me={me} origin={origin} mapping={mapping} onShared={() => setShared((x) => x + 1)} />
          }
        />
        <TeamMappings api={api} me={me} version={shared} />
        <MaskSettings mask={settings.recordingMask} />
      </main>
    </I18n.Provider>
  );
}
