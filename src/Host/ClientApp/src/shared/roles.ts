/** The roles the Host knows (src/Host/Auth/Roles.cs); menu entries name the roles that see them with these. */
export const roles = [
  'aftersales',
  'aftersales_manager',
  'sales',
  'sales_head',
  'repair',
  'rnd',
  'pmc',
  'production',
  'production_manager',
  'qc',
  'warehouse',
  'gm',
  'management_office',
  'process_owner',
  'admin',
] as const;

export type Role = (typeof roles)[number];
