import { can } from '@handoff/shared';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { apiFor, currentSession, type Session, sessionEnded, signOut } from './api.js';
import { Filters } from './components/Filters.js';
import { NavList } from './components/NavList.js';
import { SignIn } from './components/SignIn.js';
import { WarningBanner } from './components/WarningBanner.js';
import { EMPTY_FILTERS, type FilterForm, toFilter } from './filters.js';
import { initialLanguage, LANGUAGES, type Language, loadMessages, type Messages, translator } from './i18n.js';
import { PAGES } from './pages/registry.js';

const pageIdOf = () => location.hash.replace(/^#\/?/, '');

export function App() {
  const [lang, setLang] = useState<Language>(initialLanguage);
  const [messages, setMessages] = useState<Messages | null>(null);
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);
  const [pageId, setPageId] = useState(pageIdOf);
  const [form, setForm] = useState<FilterForm>(EMPTY_FILTERS);

  useEffect(() => {
    // The English messages are bundled; German and French load on demand (and fall back to English).
    loadMessages(lang).then(setMessages, () => setLang('en'));
    document.documentElement.lang = lang;
    localStorage.setItem('handoff.console.lang', lang);
  }, [lang]);
  useEffect(() => {
    currentSession().then(setSession, () => setSession(null));
    const onHash = () => setPageId(pageIdOf());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const api = useMemo(() => (session ? apiFor(session) : null), [session]);
  const filter = useMemo(() => toFilter(form), [form]);
  if (!messages || session === undefined) return null;
  const t = translator(messages, lang);
  document.title = t('appTitle');

  const languagePicker = (
    <label class="lang">
      {t('language')}
      <select value={lang} onChange={(e) => setLang(e.currentTarget.value as Language)}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {l.toUpperCase()}
          </option>
        ))}
      </select>
    </label>
  );
  if (!session || !api) {
    return (
      <>
        <header class="top">{languagePicker}</header>
        <SignIn t={t} notice={notice} onSignedIn={setSession} />
      </>
    );
  }
  const onError = (err: unknown) => {
    if (sessionEnded(err)) {
      setNotice(t('sessionEnded'));
      setSession(null);
    }
  };
  const pages = PAGES.filter((p) => p.visible(session.user));
  const page = pages.find((p) => p.id === pageId) ?? pages[0]!;
  const ownTeams = !page.admin && session.visibility === 'team' && !['lead', 'admin'].includes(session.user.role);
  return (
    <>
      {/* A button, not a link: links to "#…" are the console's page addresses. */}
      <button type="button" class="skip" onClick={() => document.getElementById('main')?.focus()}>
        {t('skipToContent')}
      </button>
      <header class="top">
        <strong>{t('appTitle')}</strong>
        <span>{t('signedInAs', { name: session.user.name, role: session.user.role })}</span>
        {languagePicker}
        <button
          type="button"
          onClick={async () => {
            await signOut(session);
            setSession(null);
          }}
        >
          {t('signOut')}
        </button>
      </header>
      <div class="layout">
        <div class="navs">
          <NavList label={t('navLabel')} pages={pages.filter((p) => !p.admin)} current={page} t={t} />
          <NavList label={t('adminNavLabel')} pages={pages.filter((p) => p.admin)} current={page} t={t} />
        </div>
        <main id="main" tabIndex={-1}>
          <WarningBanner api={api} t={t} live={can(session.user, 'insights.warnings')} />
          <h1>{t(page.title)}</h1>
          {ownTeams && <p class="scope">{t('ownTeamsOnly', { teams: session.user.teams.join(', ') })}</p>}
          {page.filtered && <Filters api={api} t={t} value={form} onChange={setForm} />}
          <page.Component key={page.id} api={api} t={t} lang={lang} user={session.user} filter={filter} onError={onError} />
        </main>
      </div>
    </>
  );
}
