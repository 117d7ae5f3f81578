import http from 'node:http';
import { createParser } from 'eventsource-parser';

export interface SseStream {
  connected: Promise<void>;
  close(): void;
}

/**
 * Opens an SSE stream and calls `onData` with each event's data (parsing by eventsource-parser).
 * `localAddress` (any of 127.0.0.0/8 on Linux) spreads many streams over client addresses.
 */
export function openSse(
  url: string,
  headers: Record<string, string>,
  onData: (data: string, at: number) => void,
  localAddress?: string,
): SseStream {
  let connected!: () => void;
  let failed!: (e: Error) => void;
  const ready = new Promise<void>((resolve, reject) => {
    connected = resolve;
    failed = reject;
  });
  const parser = createParser({
    onEvent(ev) {
      if (ev.event === 'connected') connected();
      else if (!ev.event || ev.event === 'message') onData(ev.data, performance.now());
    },
  });
  const req = http.get(url, { headers: { accept: 'text/event-stream', ...headers }, agent: false, localAddress }, (res) => {
    if (res.statusCode !== 200) failed(new Error(`SSE ${url} answered ${res.statusCode}`));
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => parser.feed(chunk));
  });
  req.on('error', (e) => failed(e));
  return { connected: ready, close: () => req.destroy() };
}
