import { can } from '@handoff/shared';
import { useState } from 'preact/hooks';
import { AuditChange } from '../components/admin/AuditChange.js';
import { type AuditFilter, AuditFilters } from '../components/admin/AuditFilters.js';
import { Table } from '../components/admin/Table.js';
import { Status } from '../components/Status.js';
import { useInsight } from '../components/useInsight.js';
import type { ConsolePage, PageProps } from './page.js';

const PAGE_SIZE = 25;

/** The audit log (admins): every administrative change, newest first, a page at a time. */
function Audit({ api, t, onError }: PageProps) {
  const [filter, setFilter] = useState<AuditFilter>({});
  // The ids each page started before; the last is the current page (undefined: the newest).
  const [pages, setPages] = useState<(number | undefined)[]>([undefined]);
  const beforeId = pages.at(-1);
  const people = useInsight(() => api.users.list.query(), 'people', onError);
  const entries = useInsight(
    () => api.audit.list.query({ ...filter, limit: PAGE_SIZE, ...(beforeId === undefined ? {} : { beforeId }) }),
    JSON.stringify([filter, beforeId]),
    onError,
  );
  return (
    <>
      <p>{t('auditIntro')}</p>
      <AuditFilters
        t={t}
        people={people.state === 'ready' ? people.data : []}
        onApply={(f) => {
          setFilter(f);
          setPages([undefined]);
        }}
      />
      <Status t={t} loaded={entries} empty={(d) => d.length === 0}>
        {(list) => (
          <>
            <Table
              label={t('pageAudit')}
              rows={list}
              keyOf={(e) => e.id}
              columns={[
                { label: t('colWhen'), cell: (e) => new Date(e.at).toLocaleString() },
                { label: t('colActor'), cell: (e) => e.actor.name },
                { label: t('colAction'), cell: (e) => <code>{e.action}</code> },
                { label: t('colTarget'), cell: (e) => e.target },
                { label: t('colChange'), cell: (e) => <AuditChange t={t} before={e.before} after={e.after} /> },
              ]}
            />
            <div class="pager">
              <button type="button" class="secondary" disabled={pages.length === 1} onClick={() => setPages((p) => p.slice(0, -1))}>
                {t('newer')}
              </button>
              <span>{t('pageN', { n: pages.length })}</span>
              <button
                type="button"
                class="secondary"
                disabled={list.length < PAGE_SIZE}
                onClick={() => setPages((p) => [...p, list.at(-1)!.id])}
              >
                {t('older')}
              </button>
            </div>
          </>
        )}
      </Status>
    </>
  );
}

export const auditPage: ConsolePage = {
  id: 'audit',
  title: 'pageAudit',
  admin: true,
  filtered: false,
  visible: (user) => can(user, 'audit.read'),
  Component: Audit,
};
