import { parseEnvironmentText } from '../../incidents/environmentText';
import { type PanelOffer, parseAction, TEXT_LIMITS } from '../../webviews/incident/protocol';
import type { VscodeButton, VscodeCheckbox } from '@vscode-elements/elements';
import { type ValueControl, VALUE_CONTROLS } from './controls';
import { h } from './dom';
import type { RenderContext } from './render';

/** Last result per form/button, shown again after a re-render (the panel re-renders on every change). */
const lastResults = new Map<string, { ok: boolean; text: string }>();

/** `maxlength` for a box: the shared contract's limit, so a person cannot type past it. */
const maxlength = (limit: number | null) => (limit === null ? undefined : String(limit));

/**
 * The action buttons and forms: exactly what `offer` (the shared permission model, worked out
 * by the extension) allows; each submits one typed action and shows its result beside the button.
 */
export function renderActions(offer: PanelOffer, L: Record<string, string>, releaseVersions: string[], ctx: RenderContext): HTMLElement {
  const st = (s: string) => L[`status.${s}`] ?? s;
  const out = h('div', { class: 'actions' });

  const buttons = h('div', { class: 'row' });
  if (offer.assignToMe) buttons.append(button('assign-to-me', L.assignToMe!, () => ({ type: 'assignToMe' })));
  if (offer.openSteps) buttons.append(button('open-steps', L.openStepsBeside!, () => ({ type: 'openStepsBeside' }), 'secondary'));
  if (offer.startWork) buttons.append(button('start-work', L.startWork!, () => ({ type: 'startWork' }), 'secondary'));
  buttons.append(button('refresh', L.refresh!, () => ({ type: 'refresh' }), 'secondary'));
  out.append(buttons);

  if (offer.transitions.length) {
    const select = h(
      'vscode-single-select',
      { id: 'transition-to', 'aria-label': L.changeStatus },
      ...offer.transitions.map((s) => h('vscode-option', { value: s }, st(s))),
    );
    const reason = h('vscode-textfield', { id: 'transition-reason', maxlength: maxlength(TEXT_LIMITS.reason) });
    // reopening, "not reproducible" and "won't fix" need a reason (the model says which): the box says so
    const needsReason = () => {
      // before the select has upgraded its options it has no value yet: the first one shows
      const chosen = select.value || offer.transitions[0];
      const required = offer.reasonRequired.some((s) => s === chosen);
      reason.toggleAttribute('required', required);
      reason.setAttribute('placeholder', (required ? L.reasonRequired : L.reason) ?? '');
    };
    select.addEventListener('change', needsReason);
    needsReason();
    out.append(
      form('transition', L.changeStatus!, [select, reason], L.apply!, () => ({
        type: 'transition',
        to: select.value,
        reason: reason.value,
      })),
    );
  } else if (offer.comment && !offer.markFixed) {
    out.append(h('p', { class: 'muted', id: 'no-transitions' }, L.noTransitions));
  }
  if (offer.markFixed) out.append(fixedForm(releaseVersions));

  if (offer.ask) {
    const question = h('vscode-textarea', { id: 'ask-text', rows: '2', maxlength: maxlength(TEXT_LIMITS.question) });
    out.append(form('ask', L.ask!, [question], L.askButton!, () => ({ type: 'ask', question: question.value })));
  }
  if (offer.comment) {
    const comment = h('vscode-textarea', { id: 'comment-text', rows: '2', maxlength: maxlength(TEXT_LIMITS.comment) });
    // Internal unless the author marks it for the customer (offered to those who may speak to them).
    const toCustomer: VscodeCheckbox = h('vscode-checkbox', {
      id: 'comment-to-customer',
      class: 'check',
      title: L.visibleToCustomerHint!,
      label: L.visibleToCustomer!,
    });
    const inputs = offer.commentToCustomer ? [comment, toCustomer] : [comment];
    out.append(
      form('comment', L.comment!, inputs, L.commentButton!, () => ({
        type: 'comment',
        text: comment.value,
        visibleToCustomer: offer.commentToCustomer && toCustomer.checked,
      })),
    );
  }
  if (offer.reproduce) out.append(reproductionForm());
  if (offer.linkDuplicate) {
    const of = h('vscode-textfield', {
      id: 'duplicate-of',
      placeholder: 'INC-1000',
      maxlength: maxlength(TEXT_LIMITS.reference),
    });
    out.append(form('duplicate', L.duplicate!, [of], L.link!, () => ({ type: 'linkDuplicate', of: of.value })));
  }
  return out;

  function fixedForm(versions: string[]): HTMLElement {
    const version = h('vscode-textfield', {
      id: 'fixed-version',
      placeholder: versions[0] ?? '2.4.1',
      maxlength: maxlength(TEXT_LIMITS.version),
    });
    const inputs: HTMLElement[] = [version];
    if (versions.length) {
      // suggestions from the planned releases; a click fills the version in
      const chips = versions.map((v) => {
        const chip = h('vscode-button', { class: 'chip', secondary: true, 'data-version': v }, v);
        chip.addEventListener('click', () => {
          version.value = v;
        });
        return chip;
      });
      inputs.push(h('p', { class: 'hint', id: 'planned-releases' }, (L.plannedReleases ?? '{0}').replace('{0}', ''), ...chips));
    }
    return form('fixed', L.fixedIn!, inputs, L.markFixed!, () => ({ type: 'markFixed', version: version.value }));
  }

  function reproductionForm(): HTMLElement {
    const result = h(
      'vscode-single-select',
      { id: 'repro-result', 'aria-label': L.reproduction },
      h('vscode-option', { value: 'reproduced' }, L.reproduced),
      h('vscode-option', { value: 'not_reproduced' }, L.notReproduced),
    );
    const notes = h('vscode-textarea', { id: 'repro-notes', rows: '2', placeholder: L.notes, maxlength: maxlength(TEXT_LIMITS.notes) });
    const env = h('vscode-textarea', { id: 'repro-env', rows: '2', placeholder: `${L.reproEnvironment} — ${L.reproEnvironmentHint}` });
    return form('repro', L.reproduction!, [result, notes, env], L.record!, () => ({
      type: 'reproduction',
      result: result.value,
      notes: notes.value,
      environment: parseEnvironmentText(env.value),
    }));
  }

  function button(id: string, label: string, action: () => unknown, cls = ''): HTMLElement {
    const b = h('vscode-button', { id, secondary: cls === 'secondary' });
    b.textContent = label;
    const status = resultSpan(id);
    b.addEventListener('click', () => submit(id, b, status, [], action()));
    return h('span', {}, b, status);
  }

  function form(id: string, title: string, inputs: HTMLElement[], label: string, action: () => unknown): HTMLElement {
    const submitButton = h('vscode-button', { type: 'submit' }, label);
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

  function show(id: string, spans: (Element | null)[], ok: boolean, text: string): void {
    lastResults.set(id, { ok, text });
    for (const s of spans) {
      if (!s) continue;
      s.textContent = text;
      s.className = ok ? 'result ok' : 'result error';
    }
  }

  /** Checks the action against the contract first: what the server would refuse is named at once. */
  function submit(id: string, b: VscodeButton, status: HTMLElement, inputs: HTMLElement[], action: unknown): void {
    const checked = parseAction(action);
    if (!checked.ok) {
      show(id, [status], false, checked.problem);
      return;
    }
    b.disabled = true;
    lastResults.delete(id);
    status.className = 'result';
    status.textContent = L.working!;
    ctx.act(checked.action, (ok, message) => {
      b.disabled = false;
      // the result may arrive after a re-render: update whichever span shows this form now
      show(id, [status, document.querySelector(`#${id}-form .result, #${id} + .result`)], ok, ok ? L.done! : (message ?? ''));
      if (ok) {
        for (const el of [...inputs, ...document.querySelectorAll(`#${id}-form :is(${VALUE_CONTROLS})`)]) {
          if (el.matches('vscode-textfield, vscode-textarea')) (el as ValueControl).value = '';
        }
      }
    });
  }
}
