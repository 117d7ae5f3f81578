import type { IssuedToken, Token } from '@handoff/shared';
import type { Api } from '../../api.js';
import type { Translate } from '../../i18n.js';
import { RefusalText } from './RefusalText.js';
import { Table } from './Table.js';
import { useAction } from './useAction.js';

const when = (at: string | null, never: string) => (at ? new Date(at).toLocaleString() : never);

/** A person's tokens with revoke and rotate (a rotated token's new secret goes to `onRotated`, shown once). */
export function TokenTable({
  api,
  t,
  tokens,
  onError,
  onChanged,
  onRotated,
}: {
  api: Api;
  t: Translate;
  tokens: Token[];
  onError: (err: unknown) => void;
  onChanged: () => void;
  onRotated: (issued: IssuedToken) => void;
}) {
  const act = useAction(onError);
  return (
    <>
      <Table
        label={t('pageTokens')}
        rows={tokens}
        keyOf={(tk) => tk.id}
        columns={[
          { label: t('colLabel'), cell: (tk) => tk.label },
          { label: t('colCreated'), cell: (tk) => when(tk.createdAt, '') },
          { label: t('colLastUsed'), cell: (tk) => when(tk.lastUsedAt, t('never')) },
          { label: t('colState'), cell: (tk) => (tk.revokedAt ? t('revokedAt', { at: when(tk.revokedAt, '') }) : t('active')) },
          {
            label: '',
            cell: (tk) =>
              !tk.revokedAt && (
                <span class="actions" data-token={tk.label}>
                  <button
                    type="button"
                    class="secondary"
                    onClick={() =>
                      act.run(
                        () => api.tokens.rotate.mutate({ id: tk.id }),
                        (issued) => {
                          onRotated(issued);
                          onChanged();
                        },
                      )
                    }
                  >
                    {t('rotate')}
                  </button>
                  <button
                    type="button"
                    class="secondary danger"
                    onClick={() => act.run(() => api.tokens.revoke.mutate({ id: tk.id }), onChanged)}
                  >
                    {t('revoke')}
                  </button>
                </span>
              ),
          },
        ]}
      />
      <RefusalText t={t} refusal={act.refusal} />
    </>
  );
}
