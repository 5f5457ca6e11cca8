import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { PageLoading } from '../../shared/components/PageLoading';
import { useCurrentUser } from '../../shared/session';
import { signInPathFor } from '../../shared/returnTo';

/** Shows its children to a signed-in person; anyone else goes to sign in, and comes back here afterwards. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { data: user, isPending, error } = useCurrentUser();
  const location = useLocation();
  if (isPending) return <PageLoading />;
  if (error) throw error;
  if (!user) return <Navigate to={signInPathFor(location)} replace />;
  return children;
}
