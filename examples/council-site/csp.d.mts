/** See csp.mjs. */
export declare const CSP: string;
