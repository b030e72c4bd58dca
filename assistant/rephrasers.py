"""Pluggable understanding: a rephraser may turn a citizen's question into plainer words before the assistant reads
it. It never answers: every fact (fee, paper, deadline, status) comes from the catalogue or the citizen's records.

``ASSISTANT_REPHRASER`` names the plugin: ``none`` (default, no outside service) or ``openai`` (any
OpenAI-compatible chat-completions endpoint, ``ASSISTANT_REPHRASER_URL``, ``ASSISTANT_REPHRASER_MODEL``,
``ASSISTANT_REPHRASER_API_KEY``). A rephraser that fails or is slow leaves the question as the citizen wrote it.
"""

from __future__ import annotations

import logging

import requests
from django.conf import settings
from django.core import checks

from common.registry import Plugin, Registry

logger = logging.getLogger(__name__)

rephrasers: Registry = Registry("assistant rephraser", setting="ASSISTANT_REPHRASER")

# What the language model is told: rephrase, never answer, never add a fact.
INSTRUCTIONS = (
    "You rewrite a citizen's question to a Vietnamese public service portal as a short search phrase in "
    "Vietnamese, using the official names of administrative procedures when you are sure of them. Never answer the "
    "question, never add fees, papers, deadlines or places. Reply with the rewritten question only."
)


class Rephraser(Plugin):
    """The interface: ``rephrase(question, language)`` returns the question to read (the same one by default)."""

    def rephrase(self, question: str, language: str) -> str:
        raise NotImplementedError


@rephrasers.register("none")
class NoRephraser(Rephraser):
    """The default: the question is read as written."""

    def rephrase(self, question: str, language: str) -> str:
        return question


@rephrasers.register("openai")
class OpenAICompatibleRephraser(Rephraser):
    """An OpenAI-compatible ``/chat/completions`` endpoint; its answer is used only as words to search with."""

    @classmethod
    def check(cls):
        if not getattr(settings, "ASSISTANT_REPHRASER_URL", ""):
            return [
                checks.Error(
                    "ASSISTANT_REPHRASER is 'openai' but ASSISTANT_REPHRASER_URL is empty.",
                    hint="Set ASSISTANT_REPHRASER_URL to the endpoint's base URL (…/v1), or ASSISTANT_REPHRASER=none.",
                    id="assistant.E001",
                )
            ]
        return []

    def rephrase(self, question: str, language: str) -> str:
        url = settings.ASSISTANT_REPHRASER_URL.rstrip("/") + "/chat/completions"
        headers = {}
        if key := getattr(settings, "ASSISTANT_REPHRASER_API_KEY", ""):
            headers["Authorization"] = f"Bearer {key}"
        body = {
            "model": getattr(settings, "ASSISTANT_REPHRASER_MODEL", "") or "default",
            "temperature": 0,
            "max_tokens": 60,
            "messages": [{"role": "system", "content": INSTRUCTIONS}, {"role": "user", "content": question}],
        }
        try:
            response = requests.post(
                url, json=body, headers=headers, timeout=getattr(settings, "ASSISTANT_REPHRASER_TIMEOUT", 2.0)
            )
            response.raise_for_status()
            text = response.json()["choices"][0]["message"]["content"]
        except (requests.RequestException, ValueError, KeyError, IndexError, TypeError):
            # The question itself is personal: never logged, only that the endpoint failed.
            logger.warning("Assistant rephraser unavailable: the question is read as written")
            return question
        text = " ".join(str(text).split())[:300]
        return text or question


def rephrase(question: str, language: str) -> str:
    """The configured rephraser's reading of ``question`` (``none`` when nothing is configured)."""
    name = getattr(settings, "ASSISTANT_REPHRASER", "none") or "none"
    return rephrasers.resolve(name)().rephrase(question, language)
