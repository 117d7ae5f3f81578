// Live updates of the customer's page over Server-Sent Events (the browser's own EventSource).
// The page reads completely without this script; it only adds new entries as they happen,
// built from text (textContent), never from markup.
(() => {
  const history = document.getElementById('history');
  if (!history || typeof EventSource !== 'function') return;
  const url = new URL(history.dataset.events, location.href);
  url.searchParams.set('lastEventId', history.dataset.lastEventId || '0');
  const note = document.querySelector('.live-note');
  const source = new EventSource(url.href);
  const line = (className, text) => {
    const p = document.createElement('p');
    p.className = className;
    p.textContent = text;
    return p;
  };
  source.addEventListener('open', () => {
    if (note) note.hidden = false;
  });
  source.addEventListener('message', (e) => {
    const d = JSON.parse(e.data);
    const status = document.getElementById('status');
    if (status && d.statusText) status.textContent = d.statusText;
    if (document.getElementById(`e${d.id}`)) return;
    const li = document.createElement('li');
    li.className = `entry entry-${d.kind}`;
    li.id = `e${d.id}`;
    const time = document.createElement('time');
    time.dateTime = d.at;
    time.textContent = d.when;
    li.append(time);
    if (d.who) li.append(line('who', d.who));
    if (d.summary) li.append(line('summary', d.summary));
    if (d.text) li.append(line('text', d.text));
    // The customer's image: only an address of this page's own images.
    if (d.image && /^\/c\/[A-Za-z0-9_-]+\/images\/\d+$/.test(d.image.src)) {
      const p = document.createElement('p');
      p.className = 'image';
      const img = document.createElement('img');
      img.src = d.image.src;
      img.alt = d.image.alt;
      p.append(img);
      li.append(p);
    }
    history.append(li);
    document.getElementById('no-entries')?.remove();
  });
  source.addEventListener('closed', () => source.close());
})();
