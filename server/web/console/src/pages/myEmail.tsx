import { can, STAFF_MAIL_MODES, type StaffMailMode, type StaffMailSettings } from '@handoff/shared';
import { useEffect, useState } from 'preact/hooks';
import { FieldError, RefusalText } from '../components/admin/RefusalText.js';
import { useAction } from '../components/admin/useAction.js';
import { useReloadable } from '../components/admin/useReloadable.js';
import { Status } from '../components/Status.js';
import { type Language, LANGUAGES } from '../i18n.js';
import type { ConsolePage, PageProps } from './page.js';

const MODE_WORDS = { off: 'myEmailModeOff', mine: 'myEmailModeMine', teams: 'myEmailModeTeams' } as const;
/** Each language in its own words (as every language switcher shows them). */
const AUTONYMS: Record<Language, string> = { en: 'English', de: 'Deutsch', fr: 'Français' };

/** One's own mail about one's incidents: the address, which incidents, and the mails' language. */
function MailForm({
  api,
  t,
  lang: consoleLang,
  settings,
  onError,
  onSaved,
}: Pick<PageProps, 'api' | 't' | 'lang' | 'onError'> & {
  settings: StaffMailSettings;
  onSaved: () => void;
}) {
  const [email, setEmail] = useState(settings.email ?? '');
  const [mode, setMode] = useState<StaffMailMode>(settings.mode);
  // Never saved yet: the mails' language starts as the console's.
  const [lang, setLang] = useState(settings.email === null ? consoleLang : settings.lang);
  const [saved, setSaved] = useState(false);
  const save = useAction(onError);
  useEffect(() => setSaved(false), [email, mode, lang]);
  return (
    <form
      class="settings"
      data-testid="my-email"
      onSubmit={(e) => {
        e.preventDefault();
        save.run(
          () => api.users.setMailSettings.mutate({ email: email.trim() === '' ? null : email.trim(), mode, lang }),
          () => {
            setSaved(true);
            onSaved();
          },
        );
      }}
    >
      <label>
        {t('myEmailAddress')}
        <input name="email" type="email" autocomplete="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        <FieldError refusal={save.refusal} path="email" />
      </label>
      <fieldset>
        <legend>{t('myEmailWhich')}</legend>
        {STAFF_MAIL_MODES.map((m) => (
          <label class="check" key={m}>
            <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
            {t(MODE_WORDS[m])}
          </label>
        ))}
      </fieldset>
      <label>
        {t('myEmailLanguage')}
        <select name="lang" value={lang} onChange={(e) => setLang(e.currentTarget.value as StaffMailSettings['lang'])}>
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {AUTONYMS[l]}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={save.busy}>
        {t('myEmailSave')}
      </button>
      {saved && (
        <p class="ok" role="status">
          {t(mode === 'off' ? 'myEmailSavedOff' : 'myEmailSaved')}
        </p>
      )}
      <RefusalText t={t} refusal={save.refusal} />
    </form>
  );
}

/** "My e-mail": every staff member opts in (or out) of mail about their incidents themselves. */
function MyEmail({ api, t, lang, onError }: PageProps) {
  const [settings, reload] = useReloadable(() => api.users.mailSettings.query({}), 'me', onError);
  return (
    <>
      <p>{t('myEmailIntro')}</p>
      <Status t={t} loaded={settings} empty={() => false}>
        {(s) => <MailForm key={s.userId} api={api} t={t} lang={lang} settings={s} onError={onError} onSaved={reload} />}
      </Status>
    </>
  );
}

export const myEmailPage: ConsolePage = {
  id: 'my-email',
  title: 'pageMyEmail',
  admin: true,
  filtered: false,
  visible: (user) => can(user, 'mail.own'),
  Component: MyEmail,
};
