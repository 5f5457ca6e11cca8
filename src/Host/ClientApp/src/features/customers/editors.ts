/** Who may create and edit customers and products (the Host's AfterSalesEditor policy); the server checks it too. */
export const editorRoles = ['aftersales', 'admin'] as const;
