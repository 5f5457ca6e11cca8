export const signInPath = '/sign-in';

/** Where sign-in sends the person afterwards: only a path of this app, never another site (`//evil`, `https:`). */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
}

export function signInPathFor(location: { pathname: string; search: string; hash: string }): string {
  const here = location.pathname + location.search + location.hash;
  return here === '/' ? signInPath : `${signInPath}?returnTo=${encodeURIComponent(here)}`;
}
