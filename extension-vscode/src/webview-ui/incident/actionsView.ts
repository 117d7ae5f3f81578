import type { ExtensionToPanel, PanelAction } from '../../webviews/incident/protocol';
import { h } from './dom';
import type { RenderContext } from './render';

type IncidentMessage = Extract<ExtensionToPanel, { type: 'incident' }>;

/** Last result per form/button, shown again after a re-render (the panel re-renders on every change). */
const lastResults = new Map<string, { ok: boolean; text: string }>();

/** The action forms; each submits one typed action and shows its result beside the button. */
export function renderActions(msg: IncidentMessage, ctx: RenderContext): HTMLElement {
  const { incident: i, labels: L, me, nextStatuses } = msg;
  const st = (s: string) => L[`status.${s}`] ?? s;
  const out = h('div', { class: 'actions' });

  const buttons = h('div', { class: 'row' });
  if (i.owner?.id !== me?.id) buttons.append(button('assign-to-me', L.assignToMe!, () => ({ type: 'assignToMe' })));
  buttons.append(button('open-steps', L.openStepsBeside!, () => ({ type: 'openStepsBeside' }), 'secondary'));
  buttons.append(button('start-work', L.startWork!, () => ({ type: 'startWork' }), 'secondary'));
  buttons.append(button('refresh', L.refresh!, () => ({ type: 'refresh' }), 'secondary'));
  out.append(buttons);

  const moves = nextStatuses.filter((s) => s !== 'fixed');
  if (moves.length) {
    const select = h(
      'select',
      { id: 'transition-to', 'aria-label': L.changeStatus },
      ...moves.map((s) => h('option', { value: s }, st(s))),
    );
    const reason = h('input', { id: 'transition-reason', type: 'text', placeholder: L.reason });
    out.append(
      form('transition', L.changeStatus!, [select, reason], L.apply!, () => ({
        type: 'transition',
        to: select.value as never,
        reason: reason.value,
      })),
    );
  } else if (!nextStatuses.includes('fixed')) {
    out.append(h('p', { class: 'muted' }, L.noTransitions));
  }
  if (nextStatuses.includes('fixed')) {
    const versions = msg.releaseVersions;
    const version = h('input', {
      id: 'fixed-version',
      type: 'text',
      required: true,
      placeholder: versions[0] ?? '2.4.1',
      list: versions.length ? 'release-versions' : undefined,
    });
    const inputs: HTMLElement[] = [version];
    if (versions.length) {
      // suggestions from the planned releases; a click fills the version in
      inputs.push(h('datalist', { id: 'release-versions' }, ...versions.map((v) => h('option', { value: v }))));
      const chips = versions.map((v) => {
        const chip = h('button', { type: 'button', class: 'chip secondary', 'data-version': v }, v);
        chip.addEventListener('click', () => (version.value = v));
        return chip;
      });
      inputs.push(h('p', { class: 'hint', id: 'planned-releases' }, (L.plannedReleases ?? '{0}').replace('{0}', ''), ...chips));
    }
    out.append(form('fixed', L.fixedIn!, inputs, L.markFixed!, () => ({ type: 'markFixed', version: version.value })));
  }

  const question = h('textarea', { id: 'ask-text', rows: '2', required: true });
  out.append(form('ask', L.ask!, [question], L.askButton!, () => ({ type: 'ask', question: question.value })));

  const comment = h('textarea', { id: 'comment-text', rows: '2', required: true });
  out.append(form('comment', L.comment!, [comment], L.commentButton!, () => ({ type: 'comment', text: comment.value })));

  const result = h(
    'select',
    { id: 'repro-result', 'aria-label': L.reproduction },
    h('option', { value: 'reproduced' }, L.reproduced),
    h('option', { value: 'not_reproduced' }, L.notReproduced),
  );
  const notes = h('textarea', { id: 'repro-notes', rows: '2', placeholder: L.notes });
  const env = h('textarea', { id: 'repro-env', rows: '2', placeholder: `${L.reproEnvironment} — ${L.reproEnvironmentHint}` });
  out.append(
    form('repro', L.reproduction!, [result, notes, env], L.record!, () => ({
      type: 'reproduction',
      result: result.value as 'reproduced' | 'not_reproduced',
      notes: notes.value,
      environment: env.value,
    })),
  );

  const of = h('input', { id: 'duplicate-of', type: 'text', required: true, placeholder: 'INC-1000' });
  out.append(form('duplicate', L.duplicate!, [of], L.link!, () => ({ type: 'linkDuplicate', of: of.value })));
  return out;

  function button(id: string, label: string, action: () => PanelAction, cls = ''): HTMLElement {
    const b = h('button', { type: 'button', id, class: cls });
    b.textContent = label;
    const status = resultSpan(id);
    b.addEventListener('click', () => submit(id, b, status, [], action()));
    return h('span', {}, b, status);
  }

  function form(id: string, title: string, inputs: HTMLElement[], label: string, action: () => PanelAction): HTMLElement {
    const submitButton = h('button', { type: 'submit' }, label);
    const status = resultSpan(id);
    const f = h(
      'form',
      { id: `${id}-form`, class: 'action-form' },
      h('h3', {}, title),
      ...inputs,
      h('div', { class: 'row' }, submitButton, status),
    );
    f.addEventListener('submit', (e) => {
      e.preventDefault();
      submit(id, submitButton, status, inputs, action());
    });
    return f;
  }

  function resultSpan(id: string): HTMLElement {
    const last = lastResults.get(id);
    return h('span', { class: last ? `result ${last.ok ? 'ok' : 'error'}` : 'result', role: 'status' }, last?.text ?? '');
  }

  function submit(id: string, b: HTMLButtonElement, status: HTMLElement, inputs: HTMLElement[], action: PanelAction): void {
    b.disabled = true;
    lastResults.delete(id);
    status.className = 'result';
    status.textContent = L.working!;
    ctx.act(action, (ok, message) => {
      b.disabled = false;
      const text = ok ? L.done! : (message ?? '');
      lastResults.set(id, { ok, text });
      // the result may arrive after a re-render: update whichever span shows this form now
      for (const s of [status, document.querySelector(`#${id}-form .result, #${id} + .result`)]) {
        if (!s) continue;
        s.textContent = text;
        s.className = ok ? 'result ok' : 'result error';
      }
      if (ok) {
        for (const el of [...inputs, ...document.querySelectorAll(`#${id}-form textarea, #${id}-form input`)]) {
          if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) el.value = '';
        }
      }
    });
  }
}
