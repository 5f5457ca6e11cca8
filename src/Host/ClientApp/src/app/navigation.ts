import type { ComponentType } from 'react';
import {
  ApiOutlined, CalendarOutlined, FileTextOutlined, InboxOutlined, ShopOutlined, TeamOutlined,
} from '@ant-design/icons';
import type { Role } from '../shared/roles';

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

/** Every role a workflow gives tasks to, and the after-sales manager, who hands claimed tasks back. */
const taskRoles = [
  'aftersales', 'aftersales_manager', 'sales', 'sales_head', 'repair', 'rnd', 'pmc', 'production', 'production_manager',
  'qc', 'warehouse', 'gm',
] as const satisfies readonly Role[];

export const navigation: readonly NavigationEntry[] = [
  { path: '/inbox', label: 'inbox:nav', icon: InboxOutlined, order: 10, roles: taskRoles },
  { path: '/cases', label: 'cases:nav.cases', icon: FileTextOutlined, order: 200 },
  // Anyone may own a visit or an inspection; the server decides who marks one done.
  { path: '/follow-ups', label: 'followups:nav', icon: CalendarOutlined, order: 400 },
  { path: '/customers', label: 'customers:nav', icon: ShopOutlined, order: 410,
    roles: ['aftersales', 'aftersales_manager', 'sales', 'admin'] },
  { path: '/users', label: 'users:nav', icon: TeamOutlined, order: 800, roles: ['admin'] },
  { path: '/api/docs/', label: 'common:nav.apiDocs', icon: ApiOutlined, order: 900, external: true },
];
