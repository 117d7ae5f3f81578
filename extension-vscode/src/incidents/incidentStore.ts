import * as vscode from 'vscode';
import { OPEN_STATUSES, type Incident, type IncidentSummary, type Template } from '@handoff/shared';
import type { Session } from '../auth/session';
import { mergeSummaries, pushRecent } from '../views/treeModel';

const RECENT_KEY = 'handoff.recent';

/** The lists behind the tree views and the badge; refreshed on sign-in and on live events. */
export class IncidentStore implements vscode.Disposable {
  assigned: IncidentSummary[] = [];
  teams: IncidentSummary[] = [];
  loaded = false;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly full = new Map<string, { incident: Incident; at: number }>();
  private pending: Promise<void> | null = null;
  private templates: Promise<Template[]> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly session: Session,
    private readonly memento: vscode.Memento,
  ) {}

  get needsInfo(): IncidentSummary[] {
    return mergeSummaries(this.assigned, this.teams).filter((i) => i.status === 'needs_info');
  }

  /** Recently opened incidents (this user, any workspace), newest first. */
  get recent(): IncidentSummary[] {
    return this.memento.get<IncidentSummary[]>(RECENT_KEY, []);
  }

  async refresh(): Promise<void> {
    this.pending ??= this.load().finally(() => (this.pending = null));
    return this.pending;
  }

  /** Coalesces bursts of live events into one reload. */
  refreshSoon(delayMs = 150): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh().catch(() => undefined), delayMs);
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

  /** Fetches one incident (cached briefly, so hovers over many links stay cheap). */
  async get(ref: string, maxAgeMs = 0): Promise<Incident> {
    const hit = this.full.get(ref);
    if (hit && Date.now() - hit.at <= maxAgeMs) return hit.incident;
    const incident = (await this.session.client.incidents.byRef.query({ ref })) as Incident;
    this.remember(incident);
    return incident;
  }

  /** The category's questions from its template (cached per session; empty when unknown). */
  async questionsFor(category: string): Promise<{ id: string; text: string; why: string }[]> {
    this.templates ??= this.session.client.templates.list.query().then(
      (list) => list as Template[],
      () => {
        this.templates = null; // try again next time
        return [];
      },
    );
    const template = (await this.templates).find((t) => t.category === category);
    return template?.questions.map(({ id, text, why }) => ({ id, text, why })) ?? [];
  }

  remember(incident: Incident): void {
    this.full.set(incident.reference, { incident, at: Date.now() });
  }

  async noteOpened(incident: IncidentSummary): Promise<void> {
    const refs = pushRecent(
      this.recent.map((r) => r.reference),
      incident.reference,
    );
    const byRef = new Map(this.recent.map((r) => [r.reference, r]));
    byRef.set(incident.reference, summaryOf(incident));
    await this.memento.update(
      RECENT_KEY,
      refs.map((r) => byRef.get(r)).filter((r) => r !== undefined),
    );
    this.changed.fire();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.changed.dispose();
  }
}

function summaryOf(i: IncidentSummary): IncidentSummary {
  const { reference, title, category, product, version, component, severity, status, team, owner, reporter } = i;
  const { workaround, affectedCustomers, duplicateOf, fixedInVersion, createdAt, updatedAt } = i;
  return {
    reference,
    title,
    category,
    product,
    version,
    component,
    severity,
    status,
    team,
    owner,
    reporter,
    workaround,
    affectedCustomers,
    duplicateOf,
    fixedInVersion,
    createdAt,
    updatedAt,
  };
}
