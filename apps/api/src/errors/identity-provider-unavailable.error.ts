/** The OIDC provider's key set cannot be fetched, so no token can be checked; the client may retry. */
export class IdentityProviderUnavailableError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('the identity provider cannot be reached to check the token; retry shortly', options);
    this.name = 'IdentityProviderUnavailableError';
  }
}
