/**
 * The `Idempotency-Key` for each body sent: the same body sent again (a double click, a retry after a lost answer) gets
 * the same key, so the server answers the first case instead of opening a second; a changed body gets a new key, which
 * the server would otherwise refuse as reused for another request.
 */
export function createRequestKeys(newKey: () => string = randomKey): (body: unknown) => string {
  let last: { body: string; key: string } | undefined;
  return (body) => {
    const text = JSON.stringify(body);
    if (last?.body !== text) last = { body: text, key: newKey() };
    return last.key;
  };
}

// crypto.randomUUID exists only on https or localhost; the app may be served over plain http inside the company.
function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
