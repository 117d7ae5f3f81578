import type { Template } from '@handoff/shared';
import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../api/client';
import type { CaptureDraft } from '../capture/formState';
import { loadServerData, type Catalog } from './serverData';

/** What the form needs from the server: question lists, product suggestions, and the team a category routes to. */
export function useCaptureData(api: Api, draft: CaptureDraft | null) {
  const [templates, setTemplates] = useState<Template[]>([]);
  const [catalog, setCatalog] = useState<Catalog>([]);
  const [offline, setOffline] = useState(false);
  const [team, setTeam] = useState<string | null>(null);
  useEffect(() => {
    void loadServerData(api).then((d) => {
      setTemplates(d.templates);
      setCatalog(d.catalog);
      setOffline(d.offline);
    });
  }, [api]);
  useEffect(() => {
    if (!draft?.category) return setTeam(null);
    const timer = setTimeout(() => {
      api.routing.suggest.query({ category: draft.category, component: draft.component.trim() || undefined }).then(
        (r) => setTeam(r.team),
        () => setTeam(null),
      );
    }, 300);
    return () => clearTimeout(timer);
  }, [draft?.category, draft?.component]);
  useEffect(() => {
    if (draft && templates.length) document.body.dataset.ready = 'form';
  }, [draft !== null, templates.length]);
  return { templates, catalog, offline, team };
}
