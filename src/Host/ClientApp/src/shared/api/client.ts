import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/** The Host refuses a cookie-authenticated write without it when the browser sends no Sec-Fetch-Site (docs/security.md). */
export const requestedWith = { name: 'X-Requested-With', value: 'AfterSales' } as const;

type UnauthorizedListener = () => void;
let onUnauthorized: UnauthorizedListener = () => {};

/** The app shell registers what a 401 does (forget the user, so the router sends the person to sign in). */
export function setUnauthorizedListener(listener: UnauthorizedListener) {
  onUnauthorized = listener;
}

const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    request.headers.set(requestedWith.name, requestedWith.value);
    return request;
  },
  onResponse({ request, response }) {
    // A wrong password at sign-in is the form's error, not an expired session.
    if (response.status === 401 && !new URL(request.url).pathname.endsWith('/api/auth/login')) onUnauthorized();
    return response;
  },
};

/** The one client every feature calls the Host with; its types come from the Host's OpenAPI document. */
export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });
api.use(sessionMiddleware);
