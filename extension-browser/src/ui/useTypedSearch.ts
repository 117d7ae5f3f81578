import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../api/client';

/**
 * What the server finds for the text the agent is typing: asked 350 ms after the last keystroke, from
 * four characters on. Offline (or on any failure) the list is empty: the capture itself still works.
 */
export function useTypedSearch<T>(api: Api, text: string, find: (api: Api, text: string) => Promise<T[]>): T[] {
  const [items, setItems] = useState<T[]>([]);
  useEffect(() => {
    const query = text.trim();
    if (query.length < 4) return setItems([]);
    let live = true;
    const timer = setTimeout(() => {
      find(api, query).then(
        (r) => live && setItems(r),
        () => live && setItems([]),
      );
    }, 350);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, api, find]);
  return items;
}
