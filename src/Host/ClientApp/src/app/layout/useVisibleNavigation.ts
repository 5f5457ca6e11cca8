import { holdsAnyRole, useCurrentUser } from '../../shared/session';
import { navigation, type NavigationEntry } from '../navigation';

/** The menu entries the signed-in person's roles allow, in order. */
export function useVisibleNavigation(): NavigationEntry[] {
  const { data: user } = useCurrentUser();
  return navigation.filter((entry) => holdsAnyRole(user, entry.roles)).sort((a, b) => a.order - b.order);
}
