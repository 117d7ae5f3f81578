import * as vscode from 'vscode';
import {
  type Incident,
  type IncidentListItem,
  IncidentListItemSchema,
  type IncidentView,
  OPEN_STATUSES,
  type Template,
  visibleQuestions,
} from '@handoff/shared';
import type { Session } from '../auth/session';
import { CoalescedReload } from '../live/coalescedReload';
import { listItemOf, mergeSummaries, pushRecent } from '../views/treeModel';

const RECENT_KEY = 'handoff.recent';

/** The lists behind the tree views and the badge; refreshed on sign-in and on live events. */
export class IncidentStore implements vscode.Disposable {
  assigned: IncidentListItem[] = [];
  teams: IncidentListItem[] = [];
  loaded = false;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly views = new Map<string, { view: IncidentView; at: number }>();
  private readonly reload = new CoalescedReload(
    () => this.load(),
    () => undefined, // the views keep their last lists; the next event or refresh tries again
  );
  private templates: Promise<Template[]> | null = null;
  /** Saved question-list versions never change: kept for the session, by "category@version". */
  private readonly versions = new Map<string, Promise<Template | null>>();

  constructor(
    private readonly session: Session,
    private readonly memento: vscode.Memento,
  ) {}

  get needsInfo(): IncidentListItem[] {
    return mergeSummaries(this.assigned, this.teams).filter((i) => i.status === 'needs_info');
  }

  /**
   * Recently opened incidents (this user, any workspace), newest first. Read from storage, so each
   * is validated; lines kept by an older version (without `access`) are left out until reopened.
   */
  get recent(): IncidentListItem[] {
    const stored = this.memento.get<unknown[]>(RECENT_KEY, []);
    return (Array.isArray(stored) ? stored : []).flatMap((item) => {
      const parsed = IncidentListItemSchema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    });
  }

  refresh(): Promise<void> {
    return this.reload.run();
  }

  /** For live events: reloads at once; a burst becomes one more reload after the one running. */
  refreshSoon(): void {
    this.reload.soon();
  }

  private async load(): Promise<void> {
    this.templates = null;
    const user = this.session.user;
    if (!user) {
      this.assigned = [];
      this.teams = [];
    } else {
      const client = this.session.client;
      const status = [...OPEN_STATUSES];
      const [mine, ...perTeam] = await Promise.all([
        client.incidents.list.query({ owner: 'me', status, limit: 100 }),
        ...user.teams.map((team) => client.incidents.list.query({ team, status, limit: 100 })),
      ]);
      this.assigned = mine?.items ?? [];
      this.teams = mergeSummaries(...perTeam.map((p) => p.items));
    }
    this.loaded = true;
    this.changed.fire();
  }

  /**
   * Fetches one incident as the signed-in person may see it: whole, or its outline when it is
   * another team's (cached briefly, so hovers over many links stay cheap).
   */
  async get(ref: string, maxAgeMs = 0): Promise<IncidentView> {
    const hit = this.views.get(ref);
    if (hit && Date.now() - hit.at <= maxAgeMs) return hit.view;
    const view = await this.session.client.incidents.byRef.query({ ref });
    this.remember(view);
    return view;
  }

  /** The category's latest questions (cached per session; empty when unknown). */
  private async latestTemplate(category: string): Promise<Template | undefined> {
    this.templates ??= this.session.client.templates.list.query().then(
      (list) => list as Template[],
      () => {
        this.templates = null; // try again next time
        return [];
      },
    );
    return (await this.templates).find((t) => t.category === category);
  }

  /**
   * The questions the incident was asked: those of the version it was captured with whose
   * conditions held for its answers (the latest version when the server has no version).
   */
  async questionsFor(incident: Pick<Incident, 'category' | 'templateVersion' | 'answers'>): Promise<{
    version: number | null;
    /** The category's name for people ("Login problem"), null when no template names it. */
    label: string | null;
    questions: { id: string; text: string; why: string }[];
  }> {
    let template: Template | null | undefined;
    if (incident.templateVersion !== null) {
      const key = `${incident.category}@${incident.templateVersion}`;
      let pending = this.versions.get(key);
      if (!pending) {
        pending = this.session.client.templates.version
          .query({ category: incident.category, version: incident.templateVersion })
          .then((t) => t as Template)
          .catch(() => {
            this.versions.delete(key); // try again next time
            return null;
          });
        this.versions.set(key, pending);
      }
      template = await pending;
    }
    template ??= await this.latestTemplate(incident.category);
    if (!template) return { version: null, label: null, questions: [] };
    return {
      version: template.version,
      label: template.label,
      questions: visibleQuestions(template, incident.answers).map(({ id, text, why }) => ({ id, text, why })),
    };
  }

  /** How many links to the customer's page of `ref` work now; null when the server could not say. */
  async customerLinks(ref: string): Promise<number | null> {
    try {
      const shares = await this.session.client.incidents.shares.query({ ref });
      return shares.filter((s) => s.revokedAt === null).length;
    } catch {
      return null; // the panel then says nothing about sharing rather than something wrong
    }
  }

  remember(view: IncidentView): void {
    this.views.set(view.reference, { view, at: Date.now() });
  }

  async noteOpened(view: IncidentView): Promise<void> {
    const recent = this.recent;
    const refs = pushRecent(
      recent.map((r) => r.reference),
      view.reference,
    );
    const byRef = new Map(recent.map((r) => [r.reference, r]));
    byRef.set(view.reference, listItemOf(view));
    await this.memento.update(
      RECENT_KEY,
      refs.map((r) => byRef.get(r)).filter((r) => r !== undefined),
    );
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
