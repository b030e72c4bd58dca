from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from .constants import MAX_UPLOAD_BYTES

PDF_MAGIC = b"%PDF-"


def _file_help_text() -> str:
    return _("Chỉ nhận tệp PDF, tối đa %(size)s.") % {"size": filesizeformat(MAX_UPLOAD_BYTES)}


class VerifyUploadForm(forms.Form):
    """A PDF a citizen or a third party holds, to compare with what the portal issued."""

    file = forms.FileField(
        label=_("Tệp PDF cần kiểm tra"),
        # Lazy: formatted when the page is rendered, in the request's language ("10.0 MB" in English),
        # not once at import time in whatever language was active then.
        help_text=lazy(_file_help_text, str)(),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("Tệp quá lớn: tối đa %(size)s.") % {"size": filesizeformat(MAX_UPLOAD_BYTES)}, code="too_large"
            )
        # The content decides, not the name or the browser's content type.
        upload.seek(0)
        head = upload.read(1024)
        upload.seek(0)
        if PDF_MAGIC not in head:
            raise forms.ValidationError(_("Tệp tải lên không phải là tệp PDF."), code="not_pdf")
        return upload
