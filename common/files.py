"""Serving private files (attachments, results, issued documents) the same careful way."""

from django.http import FileResponse

# The extensions a file of each type we store may be named with; the first is the one given when it is not.
EXTENSIONS = {"application/pdf": (".pdf",), "image/jpeg": (".jpg", ".jpeg"), "image/png": (".png",)}


def download_name(filename: str, content_type: str) -> str:
    """``filename`` with the extension of what the file is (uploads are checked by content, not by name):
    a PNG uploaded as ``scan.pdf`` downloads as ``scan.png`` and opens in the phone's image viewer."""
    extensions = EXTENSIONS.get(content_type)
    stem, dot, suffix = filename.rpartition(".")
    if not extensions or (dot and f".{suffix.lower()}" in extensions):
        return filename
    return f"{stem if dot else filename}{extensions[0]}"


def private_file_response(file, *, content_type: str, filename: str, inline: bool = False) -> FileResponse:
    """A download nobody caches, whose content cannot run scripts in the portal's origin when viewed inline."""
    name = download_name(filename, content_type)
    response = FileResponse(file.open("rb"), content_type=content_type, as_attachment=not inline, filename=name)
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    return response
