"""Registries of pluggable parts, in the manner of Open Forms.

Each pluggable concern (payment providers, notification channels, SMS backends,
document signers, prefill sources) has one ``Registry``, filled by decorating
each plugin class::

    providers = Registry("payment provider", setting="PAYMENT_PROVIDER")

    @providers.register("paygov")
    class PayGovProvider(Plugin): ...

    providers.get("paygov")          # the class; UnknownPlugin for an id nobody registered
    "paygov" in providers            # True
    [cls.identifier for cls in providers]

Plugins whose module is not imported by the registry's own module are named in
``modules``: they are imported on first use, so a lookup never depends on
import order.

A plugin that only simulates the real thing (a file instead of an SMS gateway,
a demonstration certificate authority) sets ``is_demo = True``. Such plugins
are refused unless ``settings.ENABLE_DEMO_PLUGINS`` is true (the default, so
development, tests and the demonstration work out of the box); a production
deployment sets ``ENABLE_DEMO_PLUGINS=false`` and then cannot run on a
simulation by mistake: a lookup raises ``DemoPluginDisabled`` and
``manage.py check`` reports the configured demo plugin as an error.

Each plugin may define ``check()`` (a classmethod returning Django check
messages), for instance to verify its configuration; the system check of every
registry (tag ``plugins``) calls it for the plugins in use: the one its setting
names, or all enabled plugins when the registry has no setting.
"""

from __future__ import annotations

import importlib
import weakref
from collections.abc import Iterator
from typing import Generic, TypeVar

from django.conf import settings
from django.core import checks
from django.utils.module_loading import import_string

T = TypeVar("T")

DEMO_SETTING = "ENABLE_DEMO_PLUGINS"

# Every registry created, for the system check; a registry made by a test goes away with it.
_registries: weakref.WeakSet[Registry] = weakref.WeakSet()


class RegistryError(LookupError):
    """A plugin cannot be used; the message says which one, in which registry, and why."""


class UnknownPlugin(RegistryError):
    pass


class DemoPluginDisabled(RegistryError):
    pass


class Plugin:
    """What a registry reads from a plugin class; registering needs no more than these attributes."""

    #: Set by ``Registry.register``.
    identifier: str = ""
    #: A simulation, refused unless ``settings.ENABLE_DEMO_PLUGINS`` is true.
    is_demo: bool = False

    @classmethod
    def check(cls) -> list[checks.CheckMessage]:
        """Problems with the plugin's configuration, as Django check messages (none by default)."""
        return []


def demo_plugins_enabled() -> bool:
    return bool(getattr(settings, DEMO_SETTING, True))


class Registry(Generic[T]):
    """Plugin classes by identifier."""

    def __init__(self, kind: str, *, setting: str | None = None, modules: tuple[str, ...] = ()):
        #: What the plugins are, for messages ("payment provider").
        self.kind = kind
        #: The setting that names the plugin in use, if the registry has one.
        self.setting = setting
        self._modules = modules
        self._loaded = not modules
        self._plugins: dict[str, type[T]] = {}
        _registries.add(self)

    # --- filling ---

    def register(self, identifier: str):
        """Class decorator: register the class under ``identifier`` (also set as its ``identifier``)."""

        identifier = str(identifier)  # a TextChoices member becomes its value

        def decorator(cls: type[T]) -> type[T]:
            existing = self._plugins.get(identifier)
            if existing is not None and existing.__qualname__ != cls.__qualname__:
                raise ValueError(f"{self.kind} {identifier!r} is already registered ({existing.__qualname__})")
            cls.identifier = identifier
            self._plugins[identifier] = cls
            return cls

        return decorator

    def unregister(self, identifier: str) -> None:
        """Remove a plugin (tests that registered one of their own)."""
        self._plugins.pop(identifier, None)

    # --- lookup ---

    def get(self, identifier: str) -> type[T]:
        """The plugin class registered under ``identifier``; refuses unknown ids and disabled demo plugins."""
        self._load()
        try:
            cls = self._plugins[identifier]
        except (KeyError, TypeError):
            known = ", ".join(sorted(self._plugins)) or "none"
            raise UnknownPlugin(f"Unknown {self.kind} {identifier!r} (registered: {known}).") from None
        self._refuse_disabled_demo(cls, identifier)
        return cls

    __getitem__ = get

    def resolve(self, value: str | None = None) -> type[T]:
        """The plugin a setting names: its identifier, or the dotted path of a class (the older form,
        and the way to plug in a class registered nowhere). ``value`` defaults to the registry's setting."""
        if value is None:
            if self.setting is None:
                raise ValueError(f"The {self.kind} registry has no setting to read.")
            value = getattr(settings, self.setting)
        self._load()
        if value in self._plugins or "." not in str(value):
            return self.get(value)
        try:
            cls = import_string(value)
        except ImportError as error:
            raise UnknownPlugin(f"Unknown {self.kind} {value!r}: {error}") from None
        self._refuse_disabled_demo(cls, value)
        return cls

    def __contains__(self, identifier: object) -> bool:
        self._load()
        return identifier in self._plugins

    def __iter__(self) -> Iterator[type[T]]:
        """Every registered plugin class, in registration order, demo ones included."""
        self._load()
        return iter(list(self._plugins.values()))

    def __len__(self) -> int:
        self._load()
        return len(self._plugins)

    def identifiers(self) -> list[str]:
        self._load()
        return sorted(self._plugins)

    def enabled(self) -> list[type[T]]:
        """The plugins that may be used under the current settings."""
        return [cls for cls in self if is_enabled(cls)]

    # --- checks ---

    def check(self) -> list[checks.CheckMessage]:
        """The configured plugin (or every enabled plugin when there is no setting) and its own checks."""
        if self.setting is None:
            messages = []
            for cls in self.enabled():
                messages += _plugin_check(cls)
            return messages
        value = getattr(settings, self.setting, None)
        if value is None:  # the app reads a default of its own
            return []
        try:
            cls = self.resolve(value)
        except DemoPluginDisabled as error:
            return [
                checks.Error(
                    str(error),
                    hint=f"Configure a real {self.kind} in {self.setting}, or set {DEMO_SETTING}=true "
                    "(development and demonstrations only).",
                    id="common.E002",
                )
            ]
        except RegistryError as error:
            return [
                checks.Error(
                    str(error),
                    hint=f"{self.setting} must name one of: {', '.join(self.identifiers())}.",
                    id="common.E001",
                )
            ]
        return _plugin_check(cls)

    # --- internals ---

    def _load(self) -> None:
        if not self._loaded:
            self._loaded = True
            for module in self._modules:
                importlib.import_module(module)

    def _refuse_disabled_demo(self, cls, name: str) -> None:
        if not is_enabled(cls):
            raise DemoPluginDisabled(f"The {self.kind} {name!r} is a demonstration plugin and {DEMO_SETTING} is off.")

    def __repr__(self) -> str:
        return f"<Registry of {self.kind}: {', '.join(self._plugins) or 'empty'}>"


def is_enabled(cls) -> bool:
    return not getattr(cls, "is_demo", False) or demo_plugins_enabled()


def _plugin_check(cls) -> list[checks.CheckMessage]:
    check = getattr(cls, "check", None)
    return list(check()) if callable(check) else []


@checks.register("plugins")
def plugins_check(app_configs=None, **kwargs):
    """The checks of every registry loaded so far (an app imports its registry when it starts)."""
    messages = []
    for registry in sorted(_registries, key=lambda registry: registry.kind):
        messages += registry.check()
    return messages


@checks.register(checks.Tags.security, deploy=True)
def demo_plugins_in_production(app_configs=None, **kwargs):
    """Demonstration plugins simulate what production needs for real (signing, SMS)."""
    if not demo_plugins_enabled():
        return []
    return [
        checks.Warning(
            f"{DEMO_SETTING} is on: simulated plugins (the demonstration signer, SMS written to a file) may be used.",
            hint=f"Set {DEMO_SETTING}=false in production; `manage.py check` then names any demo plugin still "
            "configured.",
            id="common.W001",
        )
    ]
