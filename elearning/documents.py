"""Which documents anyone may download: those in a collection an editor made public on purpose."""

from elearning.models import PublicDocumentCollection


def document_is_public(document) -> bool:
    """True when the document's collection, or one above it, is marked public (one query)."""
    return PublicDocumentCollection.objects.filter(
        collection__in=document.collection.get_ancestors(inclusive=True)
    ).exists()
