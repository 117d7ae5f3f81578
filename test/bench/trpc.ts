/** One tRPC call over HTTP with a bearer token (a GET for queries, a POST for mutations); throws on any error. */
export async function trpc<T>(url: string, token: string, proc: string, input: unknown, method: 'GET' | 'POST'): Promise<T> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const res =
    method === 'GET'
      ? await fetch(`${url}/trpc/${proc}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers })
      : await fetch(`${url}/trpc/${proc}`, { method, headers, body: JSON.stringify(input) });
  const body = (await res.json()) as { result?: { data: T }; error?: unknown };
  if (!res.ok || !body.result) throw new Error(`${proc} failed: ${res.status} ${JSON.stringify(body.error)}`);
  return body.result.data;
}
