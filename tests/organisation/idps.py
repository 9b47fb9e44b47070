"""The real identity providers of .ci/start-idps.sh, and the SocialApps that point at them."""

import urllib.request

import pytest

SAML_IDP = "http://127.0.0.1:7000"
OIDC_IDP = "http://127.0.0.1:7001"
SP_ENTITY_ID = "urn:elearning:sp"


def require_idps() -> None:
    """Fails (never skips) when the identity providers are not running."""
    for url in (f"{SAML_IDP}/metadata", f"{OIDC_IDP}/.well-known/openid-configuration"):
        try:
            # A fixed http://127.0.0.1 URL of the test IdP, never a user-given one.
            with urllib.request.urlopen(url, timeout=3) as response:  # noqa: S310  # nosec B310
                response.read()
        except OSError as exc:
            pytest.fail(f"{url} unreachable ({exc}): run .ci/start-idps.sh first")


def saml_app():
    """The office's ADFS as HR would enter it in the admin: metadata URL and entity id."""
    from allauth.socialaccount.models import SocialApp

    return SocialApp.objects.create(
        provider="saml",
        provider_id="urn:elearning:test-idp",
        name="ADFS magistrátu",
        client_id="office",
        settings={
            "attribute_mapping": {
                "uid": ["uid"],
                "email": ["email"],
                "first_name": ["firstName"],
                "last_name": ["lastName"],
            },
            "idp": {"entity_id": "urn:elearning:test-idp", "metadata_url": f"{SAML_IDP}/metadata"},
            "sp": {"entity_id": SP_ENTITY_ID},
            "advanced": {"want_assertion_signed": True},
        },
    )


def oidc_app():
    from allauth.socialaccount.models import SocialApp

    return SocialApp.objects.create(
        provider="openid_connect",
        provider_id="office",
        name="Entra ID",
        client_id="elearning",
        secret="elearning-test-secret",
        settings={"server_url": OIDC_IDP},
    )
