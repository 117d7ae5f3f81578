import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { debounced, deleteDraft, loadDraft, pruneDrafts, saveDraft } from './drafts';
import { draftFromTicket } from './formState';
import { finishTicket } from '../crm/ticketContext';

const draft = () => draftFromTicket(finishTicket('zendesk', 'https://a.zendesk.com/agent/tickets/1', { ticketId: '1', subject: 'Broken' }));

describe('drafts', () => {
  beforeEach(() => fakeBrowser.reset());

  it('are kept per ticket and come back after a reload', async () => {
    await saveDraft('zendesk:1', { ...draft(), title: 'Edited' });
    await saveDraft('zendesk:2', draft());
    expect((await loadDraft('zendesk:1'))?.title).toBe('Edited');
    expect((await loadDraft('zendesk:2'))?.title).toBe('Broken');
    await deleteDraft('zendesk:1');
    expect(await loadDraft('zendesk:1')).toBeNull();
  });

  it('ignores a stored draft that does not validate', async () => {
    await fakeBrowser.storage.local.set({ 'draft:zendesk:9': { title: 3 } });
    expect(await loadDraft('zendesk:9')).toBeNull();
  });

  it('prunes drafts untouched for a month', async () => {
    await saveDraft('zendesk:1', draft());
    expect(await pruneDrafts(Date.now() + 31 * 24 * 3600_000)).toBe(1);
  });

  it('autosave writes the latest value once per pause, and flush writes at once', async () => {
    vi.useFakeTimers();
    const saved: number[] = [];
    const d = debounced(async (v: number) => void saved.push(v), 300);
    d.push(1);
    d.push(2);
    await vi.advanceTimersByTimeAsync(350);
    d.push(3);
    await d.flush();
    expect(saved).toEqual([2, 3]);
    vi.useRealTimers();
  });
});
