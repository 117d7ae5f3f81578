import { can } from '@handoff/shared';
import { RoutingPreview } from '../components/admin/RoutingPreview.js';
import { RoutingRuleForm } from '../components/admin/RoutingRuleForm.js';
import { RefusalText } from '../components/admin/RefusalText.js';
import { Table } from '../components/admin/Table.js';
import { useAction } from '../components/admin/useAction.js';
import { useReloadable } from '../components/admin/useReloadable.js';
import { Status } from '../components/Status.js';
import type { ConsolePage, PageProps } from './page.js';

/** Routing rules (the first matching rule sends a new incident to its team) and "which team would this go to?". */
function Routing({ api, t, user, onError }: PageProps) {
  const [rules, reload] = useReloadable(() => api.routing.list.query(), 'routing', onError);
  const remove = useAction(onError);
  return (
    <>
      <p>{t('routingIntro')}</p>
      <Status t={t} loaded={rules} empty={() => false}>
        {(list) => (
          <Table
            label={t('pageRouting')}
            rows={list}
            keyOf={(r) => r.id}
            columns={[
              { label: t('category'), cell: (r) => r.category ?? t('any') },
              { label: t('colComponent'), cell: (r) => r.component ?? t('any') },
              { label: t('team'), cell: (r) => r.team },
              {
                label: '',
                cell: (r) =>
                  can(user, 'routing.manage', r.team) && (
                    <button
                      type="button"
                      class="secondary danger"
                      onClick={() => remove.run(() => api.routing.remove.mutate({ id: r.id }), reload)}
                    >
                      {t('remove')}
                    </button>
                  ),
              },
            ]}
          />
        )}
      </Status>
      <RefusalText t={t} refusal={remove.refusal} />
      <h2>{t('addRule')}</h2>
      <RoutingRuleForm api={api} t={t} onError={onError} onSaved={reload} />
      <RoutingPreview api={api} t={t} onError={onError} />
    </>
  );
}

export const routingPage: ConsolePage = {
  id: 'routing',
  title: 'pageRouting',
  admin: true,
  filtered: false,
  visible: (user) => can(user, 'routing.manage'),
  Component: Routing,
};
