"""Serving private files (attachments, results, issued documents) the same careful way."""

from django.http import FileResponse


def private_file_response(file, *, content_type: str, filename: str, inline: bool = False) -> FileResponse:
    """A download nobody caches, whose content cannot run scripts in the portal's origin when viewed inline."""
    response = FileResponse(file.open("rb"), content_type=content_type, as_attachment=not inline, filename=filename)
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    return response
