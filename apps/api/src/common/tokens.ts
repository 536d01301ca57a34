/** Injection token of the ApiConfig. */
export const API_CONFIG = Symbol('API_CONFIG');
/** Injection token of the certifiers' TrustStore. */
export const TRUST_STORE = Symbol('TRUST_STORE');
