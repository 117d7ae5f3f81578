import { can, type IssuedToken } from '@handoff/shared';
import { useState } from 'preact/hooks';
import { FieldError, RefusalText } from '../components/admin/RefusalText.js';
import { SecretOnce } from '../components/admin/SecretOnce.js';
import { TokenTable } from '../components/admin/TokenTable.js';
import { useAction } from '../components/admin/useAction.js';
import { useReloadable } from '../components/admin/useReloadable.js';
import { Status } from '../components/Status.js';
import { useInsight } from '../components/useInsight.js';
import type { ConsolePage, PageProps } from './page.js';

/** Personal tokens: everyone manages their own; admins also see and revoke anyone's. */
function Tokens({ api, t, user, onError }: PageProps) {
  const admin = can(user, 'token.manage');
  const [owner, setOwner] = useState(user.id);
  const [includeRevoked, setIncludeRevoked] = useState(false);
  const [label, setLabel] = useState('');
  const [issued, setIssued] = useState<IssuedToken | null>(null);
  const people = useInsight(() => (admin ? api.users.accounts.query() : Promise.resolve([])), 'people', onError);
  const [tokens, reload] = useReloadable(
    () => api.tokens.list.query({ userId: owner, includeRevoked }),
    `${owner}:${includeRevoked}`,
    onError,
  );
  const issue = useAction(onError);
  return (
    <>
      <p>{t('tokensIntro')}</p>
      <div class="inline-form">
        {admin && people.state === 'ready' && (
          <label>
            {t('tokensOf')}
            <select name="owner" value={owner} onChange={(e) => setOwner(Number(e.currentTarget.value))}>
              {people.data.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.id === user.id ? t('yourself', { name: p.name }) : p.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label class="check">
          <input
            type="checkbox"
            name="includeRevoked"
            checked={includeRevoked}
            onChange={(e) => setIncludeRevoked(e.currentTarget.checked)}
          />
          {t('showRevoked')}
        </label>
      </div>
      {issued && <SecretOnce t={t} label={issued.token.label} secret={issued.secret} onDone={() => setIssued(null)} />}
      <Status t={t} loaded={tokens} empty={(d) => d.length === 0}>
        {(list) => <TokenTable api={api} t={t} tokens={list} onError={onError} onChanged={reload} onRotated={setIssued} />}
      </Status>
      <h2>{t('issueToken')}</h2>
      <form
        class="inline-form"
        data-testid="issue-token"
        onSubmit={(e) => {
          e.preventDefault();
          issue.run(
            () => api.tokens.issue.mutate({ label, ...(owner === user.id ? {} : { userId: owner }) }),
            (r) => {
              setIssued(r);
              setLabel('');
              reload();
            },
          );
        }}
      >
        <label>
          {t('colLabel')}
          <input name="label" value={label} placeholder={t('tokenLabelExample')} onInput={(e) => setLabel(e.currentTarget.value)} />
          <FieldError refusal={issue.refusal} path="label" />
        </label>
        <button type="submit" disabled={issue.busy}>
          {t('issueToken')}
        </button>
        <RefusalText t={t} refusal={issue.refusal} />
      </form>
    </>
  );
}

export const tokensPage: ConsolePage = {
  id: 'tokens',
  title: 'pageTokens',
  admin: true,
  filtered: false,
  visible: (user) => can(user, 'token.own'),
  Component: Tokens,
};
