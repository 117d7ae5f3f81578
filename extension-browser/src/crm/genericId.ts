/** crm.system of captures from pages no adapter knows. */
export const GENERIC_ID = 'other';
