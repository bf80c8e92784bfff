export const CSP: string;
export const CSP_HEADER: string;
