// The OpenID Connect provider the SSO tests log in through: npm oidc-provider, a Czech test user.
// Usage: node .ci/idps/oidc-provider.mjs  (127.0.0.1:7001; client "elearning")
// A loopback client always gets the consent screen ("Continue"): oidc-provider's native_client_prompt.
import Provider from "oidc-provider";

const port = Number(process.env.OIDC_PORT || 7001);
const issuer = `http://127.0.0.1:${port}`;

// The people this directory knows; the login form accepts the account id ("petr") with any password.
const accounts = {
  petr: {
    sub: "petr",
    email: "petr.svoboda@example.cz",
    email_verified: true,
    given_name: "Petr",
    family_name: "Svoboda",
    name: "Petr Svoboda",
    employee_number: "10077",
  },
  neznamy: {
    sub: "neznamy",
    email: "nikdo.neznamy@example.cz",
    email_verified: true,
    given_name: "Nikdo",
    family_name: "Neznámý",
    name: "Nikdo Neznámý",
  },
};

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: "elearning",
      client_secret: process.env.OIDC_CLIENT_SECRET || "elearning-test-secret",
      // A native (loopback) client: the test server's port changes, RFC 8252 allows any.
      application_type: "native",
      redirect_uris: ["http://127.0.0.1/accounts/oidc/office/login/callback/"],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_post",
    },
  ],
  claims: {
    openid: ["sub"],
    email: ["email", "email_verified"],
    profile: ["name", "given_name", "family_name", "employee_number"],
  },
  pkce: { required: () => false },
  async findAccount(ctx, id) {
    const account = accounts[id];
    if (!account) return undefined;
    return { accountId: id, claims: async () => account };
  },
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ["elearning-test-only-cookie-key"] },
});

provider.listen(port, "127.0.0.1", () => {
  console.log(`oidc-provider listening on ${issuer}`);
});
