import { useState } from 'preact/hooks';
import { type Session, signIn } from '../api.js';
import type { Translate } from '../i18n.js';

export function SignIn({ t, notice, onSignedIn }: { t: Translate; notice: string | null; onSignedIn: (s: Session) => void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <main id="main" class="signin">
      <h1>{t('signInTitle')}</h1>
      {notice && <p role="status">{notice}</p>}
      <p>{t('signInHelp')}</p>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setError(null);
          try {
            onSignedIn(await signIn(token.trim()));
          } catch (err) {
            setError((err as Error).message);
          } finally {
            setBusy(false);
          }
        }}
      >
        <label>
          {t('tokenLabel')}
          <input
            type="password"
            name="token"
            autocomplete="off"
            required
            value={token}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'signin-error' : undefined}
            onInput={(e) => setToken(e.currentTarget.value)}
          />
        </label>
        {error && (
          <p id="signin-error" role="alert" class="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('signIn')}
        </button>
      </form>
    </main>
  );
}
