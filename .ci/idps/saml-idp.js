// The SAML 2.0 identity provider the SSO tests log in through: npm saml-idp, a Czech test user.
// Usage: node .ci/idps/saml-idp.js  (key and certificate from .ci/start-idps.sh, var/idps/)
"use strict";

const path = require("path");
const { runServer } = require("saml-idp");

const dir = process.env.IDP_DIR || path.join(__dirname, "..", "..", "var", "idps");

// The attributes an office's ADFS sends; personalNumber links the login to HR's record.
const metadata = [
  { id: "firstName", optional: false, displayName: "Jméno", description: "Given name", multiValue: false },
  { id: "lastName", optional: false, displayName: "Příjmení", description: "Surname", multiValue: false },
  { id: "email", optional: false, displayName: "E-mail", description: "E-mail address", multiValue: false },
  { id: "personalNumber", optional: true, displayName: "Osobní číslo", description: "Personal number", multiValue: false },
];

runServer({
  host: process.env.SAML_IDP_HOST || "127.0.0.1",
  port: Number(process.env.SAML_IDP_PORT || 7000),
  cert: path.join(dir, "saml-idp-cert.pem"),
  key: path.join(dir, "saml-idp-key.pem"),
  issuer: "urn:elearning:test-idp",
  // The service provider's entity id; the ACS URL comes from each AuthnRequest (any port).
  audience: process.env.SAML_SP_ENTITY_ID || "urn:elearning:sp",
  acsUrl: "http://127.0.0.1:8000/accounts/saml/office/acs/",
  config: {
    metadata,
    user: {
      userName: "jana.novakova@example.cz",
      nameIdFormat: "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress",
      firstName: "Jana",
      lastName: "Nováková",
      email: "jana.novakova@example.cz",
      personalNumber: "10042",
    },
  },
});
