import { useEffect, useState } from 'preact/hooks';
import type { IncidentSummary, KnownSolution } from '@handoff/shared';
import { browser } from 'wxt/browser';
import type { Api } from '../api/client';
import { errorText } from '../api/errors';
import { resolveWithKnown } from '../api/incidents';
import { buildCreateInput, linkInput } from '../capture/formState';
import { deleteDraft } from '../capture/drafts';
import type { NewItem } from '../capture/queue';
import { submitNow } from '../capture/submit';
import type { SiteMapping } from '../crm/read/taught';
import { adapterById } from '../crm/registry';
import { draftKeyOf, type TicketContext } from '../crm/ticketContext';
import { insertNote } from '../page/pageAccess';
import type { Target } from '../page/target';
import { withRecording } from '../recording/toDraft';
import { Attachments } from './Attachments';
import { CustomerFields } from './CustomerFields';
import { DetailsFields } from './DetailsFields';
import { Field, TextArea, TextInput } from './fields';
import { useT } from './i18nContext';
import { MoreDetails } from './MoreDetails';
import { Offers } from './Offers';
import { Questions } from './Questions';
import { RecordingSection } from './RecordingSection';
import { Result, type Outcome } from './Result';
import { ScreenshotEditor } from './Screenshot';
import { KnownSolutions } from './KnownSolutions';
import { Similar } from './Similar';
import { StepsEditor } from './StepsEditor';
import { Teach } from './Teach';
import { useCaptureData } from './useCaptureData';
import { useCaptureDraft } from './useCaptureDraft';

/** The capture form for one CRM ticket: pre-filled from the page, autosaved as a draft, sent through the queue. */
export function CaptureView(props: { api: Api; target: Target; ctx: TicketContext; mapping: SiteMapping; fromTeam: string[] }) {
  const t = useT();
  const { api, ctx, target } = props;
  const key = draftKeyOf(ctx);
  const { draft, update, restart, errors, setErrors, autosave } = useCaptureDraft(key, ctx);
  const { templates, catalog, offline, team } = useCaptureData(api, draft);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [shot, setShot] = useState<string | null>(null);
  const [formError, setFormError] = useState('');
  const [needShotPermission, setNeedShotPermission] = useState(false);
  useEffect(() => setOutcome(null), [key]);

  if (!draft) return <p class="loading">{t('loading')}</p>;
  const template = templates.find((x) => x.category === draft.category);
  const adapter = adapterById(ctx.crm);
  const origin = new URL(ctx.url).origin;
  // Built-in helpdesks know their note field; on other sites the agent may have taught it.
  const noteSelector = adapter?.noteSelector ?? props.mapping.note?.css;

  const send = async (item: NewItem): Promise<Outcome | null> => {
    const r = await submitNow(api, item);
    if (r.kind !== 'rejected') return r.kind === 'queued' ? { kind: 'queued', error: r.error ?? t('serverUnreachable') } : r;
    setFormError(r.error); // back to the form: the agent fixes it there
    return null;
  };
  const finish = async (o: Outcome | null) => {
    if (!o) return;
    await autosave.flush();
    await deleteDraft(key);
    setOutcome(o);
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    setFormError('');
    const built = buildCreateInput(draft, template);
    if (!built.ok) {
      setErrors(built.errors);
      queueMicrotask(() => document.querySelector<HTMLElement>('.has-error input, .has-error textarea, .has-error select')?.focus());
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await finish(
        await send({
          key: draft.idempotencyKey,
          kind: 'create',
          label: draft.title,
          payload: built.input as Record<string, unknown>,
          draftKey: key,
        }),
      );
    } finally {
      setBusy(false);
    }
  };
  const linkTo = async (i: Pick<IncidentSummary, 'reference'>) => {
    if (!draft.customer.name.trim()) return setErrors({ 'customer.name': t('customerNameNeeded') });
    setBusy(true);
    try {
      const payload = linkInput(draft, i.reference);
      await finish(await send({ key: draft.idempotencyKey, kind: 'link', label: `${i.reference}: ${draft.title}`, payload }));
    } finally {
      setBusy(false);
    }
  };
  /** Resolves at L1 with a known solution: sent at once (the server must confirm the solution), never queued. */
  const resolveWith = async (k: KnownSolution) => {
    setFormError('');
    const built = buildCreateInput(draft, template);
    if (!built.ok) {
      setErrors(built.errors);
      return;
    }
    setBusy(true);
    try {
      const r = await resolveWithKnown(api, { ...built.input, group: k.group });
      await finish({ kind: 'resolved', reference: r.reference, group: r.solution.group, customerAnswer: r.solution.customerAnswer });
    } catch (e) {
      setFormError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const takeScreenshot = async () => {
    try {
      setShot(await browser.tabs.captureVisibleTab(target.windowId, { format: 'png' }));
    } catch (e) {
      // Outside a toolbar-opened tab there is no activeTab grant: offer the optional permission (needs a click).
      setNeedShotPermission(true);
      setFormError(t('screenshotFailed', e instanceof Error ? e.message : String(e)));
    }
  };

  if (outcome)
    return (
      <Result
        api={api}
        onInsertText={adapter?.noteSelector ? (text) => insertNote(target.tabId, adapter.noteSelector!, text) : undefined}
        outcome={outcome}
        onInsertNote={
          noteSelector && outcome.kind !== 'queued'
            ? () =>
                insertNote(
                  target.tabId,
                  noteSelector,
                  outcome.kind === 'resolved' ? t('noteResolvedText', outcome.reference, outcome.group) : t('noteText', outcome.reference),
                )
            : undefined
        }
        onNew={() => {
          restart();
          setOutcome(null);
        }}
      />
    );
  if (shot)
    return (
      <ScreenshotEditor
        dataUrl={shot}
        onCancel={() => setShot(null)}
        onAttach={(b64) => {
          update({
            attachments: [
              ...draft.attachments,
              { name: `screenshot-${draft.attachments.length + 1}.jpg`, mediaType: 'image/jpeg' as const, dataBase64: b64 },
            ].slice(0, 5),
          });
          setShot(null);
        }}
      />
    );

  return (
    <form
      class="capture"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        // An agent on a call sends without reaching for the mouse: Ctrl+Enter (⌘+Enter on a Mac) from any field.
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !busy) void submit(e);
      }}
      noValidate
    >
      <header class="ticket">
        <span class="crm">{adapter?.label ?? ctx.site ?? t('otherSite')}</span>
        {ctx.ticketId && <span class="ticket-id"> · {ctx.ticketId}</span>}
        {offline && <span class="offline"> · {t('offlineMode')}</span>}
      </header>
      {!adapter && <Teach tabId={target.tabId} origin={origin} mapping={props.mapping} fromTeam={props.fromTeam} ctx={ctx} />}
      {draft.truncated.length > 0 && (
        <p class="truncated" role="status">
          {t('truncatedNote', draft.truncated.map((f) => t(`field_${f}`)).join(', '))}
        </p>
      )}
      <Field name="title" label={t('field_subject')} error={errors.title}>
        <TextInput name="title" value={draft.title} onInput={(title) => update({ title })} />
      </Field>
      <KnownSolutions api={api} text={draft.title} busy={busy} onResolve={(k) => void resolveWith(k)} />
      <Similar api={api} text={draft.title} onLink={(i) => void linkTo(i)} />
      <CustomerFields customer={draft.customer} errors={errors} onChange={(customer) => update({ customer })} />
      <Field name="description" label={t('description')} error={errors.description}>
        <TextArea name="description" rows={4} value={draft.description} onInput={(description) => update({ description })} />
      </Field>
      <Offers draft={draft} customerText={draft.description} update={update} />
      <Field name="category" label={t('category')} error={errors.category}>
        <select id="f-category" name="category" value={draft.category} onChange={(e) => update({ category: e.currentTarget.value })}>
          <option value="">{t('choose')}</option>
          {templates.map((x) => (
            <option key={x.category} value={x.category}>
              {x.label}
            </option>
          ))}
        </select>
      </Field>
      {template && (
        <Questions
          template={template}
          answers={draft.answers}
          errors={errors}
          onAnswer={(id, v) => update({ answers: { ...draft.answers, [id]: v } })}
        />
      )}
      <RecordingSection title={draft.title} onAttach={(a) => update(withRecording(draft, a))} />
      <StepsEditor steps={draft.steps} onChange={(steps) => update({ steps })} />
      <DetailsFields draft={draft} errors={errors} catalog={catalog} team={team} update={update} />
      <Attachments
        attachments={draft.attachments}
        onChange={(attachments) => update({ attachments })}
        onScreenshot={() => void takeScreenshot()}
        needPermission={needShotPermission}
        onPermission={() => {
          setNeedShotPermission(false);
          setFormError('');
          void takeScreenshot();
        }}
      />
      <MoreDetails draft={draft} errors={errors} update={update} />
      {formError && (
        <p class="error form-error" role="alert">
          {formError}
        </p>
      )}
      <div class="submit-row">
        <button type="submit" class="submit" disabled={busy} aria-keyshortcuts="Control+Enter Meta+Enter">
          {busy ? t('sending') : t('submit')}
        </button>
        <small class="hint">{t('sendShortcut')}</small>
      </div>
    </form>
  );
}
