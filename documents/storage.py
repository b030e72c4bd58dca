"""Where issued PDFs are kept: a storage of their own, never served under a public URL.

The storage is the ``documents`` alias of ``settings.STORAGES`` (a private bucket
through django-storages in production). It is looked up lazily, like Django's
``default_storage``, so a test that changes ``STORAGES`` is honoured.
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.utils.functional import LazyObject, empty

STORAGE_ALIAS = "documents"


class PrivateFileSystemStorage(FileSystemStorage):
    """A file system storage without URLs: PDFs leave only through ``views.download``."""

    def url(self, name):
        raise ValueError("Issued documents have no public URL; serve them through documents.views.download.")


class DocumentStorage(LazyObject):
    def _setup(self):
        if STORAGE_ALIAS in settings.STORAGES:
            self._wrapped = storages[STORAGE_ALIAS]
        else:
            self._wrapped = PrivateFileSystemStorage(location=settings.VAR_DIR / "documents")

    def _reset(self):
        self._wrapped = empty


document_storage = DocumentStorage()


def get_document_storage():
    """The callable given to ``Document.file`` (a callable keeps the migration free of paths)."""
    return document_storage
