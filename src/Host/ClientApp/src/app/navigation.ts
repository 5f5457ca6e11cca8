import type { ComponentType } from 'react';
import { ApiOutlined, CalendarOutlined, ShopOutlined, TeamOutlined } from '@ant-design/icons';

/**
 * The side menu. Each feature adds its entries here, one line each, with the roles that see them (none listed:
 * everyone signed in). The server still checks every call; this only hides what a person cannot use.
 * Entries show in `order`; a label is `namespace:key` in the feature's locale files.
 */
export interface NavigationEntry {
  path: string;
  label: string;
  icon: ComponentType;
  order: number;
  roles?: readonly string[];
  /** Served by the Host, not by the app's router (opens as a page load). */
  external?: boolean;
}

export const navigation: readonly NavigationEntry[] = [
  // Anyone may own a visit or an inspection; the server decides who marks one done.
  { path: '/follow-ups', label: 'followups:nav', icon: CalendarOutlined, order: 400 },
  { path: '/customers', label: 'customers:nav', icon: ShopOutlined, order: 410,
    roles: ['aftersales', 'aftersales_manager', 'sales', 'admin'] },
  { path: '/users', label: 'users:nav', icon: TeamOutlined, order: 800, roles: ['admin'] },
  { path: '/api/docs/', label: 'common:nav.apiDocs', icon: ApiOutlined, order: 900, external: true },
];
