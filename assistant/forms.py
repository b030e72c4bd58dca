from django import forms
from django.utils.translation import gettext_lazy as _

from .constants import QUESTION_MAX_LENGTH


class AskForm(forms.Form):
    question = forms.CharField(label=_("Câu hỏi của bạn"), max_length=QUESTION_MAX_LENGTH, required=False)
    choice = forms.CharField(max_length=120, required=False, widget=forms.HiddenInput)
    context = forms.CharField(max_length=4000, required=False, widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        if not data.get("question", "").strip() and not data.get("choice"):
            self.add_error("question", _("Hãy nhập câu hỏi."))
        return data
