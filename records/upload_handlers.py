"""An upload handler that keeps what is over the size limit of a file off the disk and out of memory.

Django gives each chunk of an uploaded file to the handlers of FILE_UPLOAD_HANDLERS in turn, until
one returns None; the memory and temporary-file handlers keep all they get. Listed first, this one
passes a file's chunks on only while the file is within MAX_ATTACHMENT_SIZE, and counts the rest:
a 300 MB file costs at most 10 MB of temporary disk, and the view still learns its real size, so
``check_upload`` refuses it with the usual message and the rest of the request is handled as before.
"""

import io

from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler

from .constants import MAX_ATTACHMENT_SIZE


class OversizedUpload(UploadedFile):
    """A file that was too large: its name and real size, none of its data.

    Reading it is an error rather than an empty or truncated file, so nothing can store it by mistake.
    """

    def __init__(self, name, content_type, size, charset=None, content_type_extra=None):
        super().__init__(io.BytesIO(), name, content_type, size, charset, content_type_extra)

    def _refuse(self, *args, **kwargs):
        raise RequestDataTooBig(f"{self.name}: {self.size} bytes, over {MAX_ATTACHMENT_SIZE}; its data was dropped.")

    read = chunks = readlines = __iter__ = _refuse

    def multiple_chunks(self, chunk_size=None):
        return False


class SizeLimitUploadHandler(FileUploadHandler):
    limit = MAX_ATTACHMENT_SIZE

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        # Once over the limit, None: the handlers after this one get nothing more of this file.
        return raw_data if self.received <= self.limit else None

    def file_complete(self, file_size):
        if self.received <= self.limit:
            return None  # a handler after this one holds the whole file
        self._drop_partial_copies()
        return OversizedUpload(self.file_name, self.content_type, file_size, self.charset, self.content_type_extra)

    def _drop_partial_copies(self):
        """Close what the later handlers kept of the file (up to the limit) now, not when the request ends."""
        handlers = list(getattr(self.request, "upload_handlers", []))
        for handler in handlers[handlers.index(self) + 1 :] if self in handlers else []:
            partial = getattr(handler, "file", None)
            if partial is not None and hasattr(partial, "close"):
                partial.close()
