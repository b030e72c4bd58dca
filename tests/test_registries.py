"""The plugin registries (``common.registry``): lookup by id, clear errors, demo plugins behind a setting.

Each registry of the portal (payment providers, notification channels, SMS
backends, document signers, prefill sources) is tested through the function
its app calls, with a plugin the test registers and removes.
"""

from __future__ import annotations

import gc

import pytest
from django.core import checks

from common.registry import (
    DemoPluginDisabled,
    Plugin,
    Registry,
    UnknownPlugin,
    demo_plugins_in_production,
    plugins_check,
)
from documents.signing import get_signer, signers
from eservices import prefill
from notifications import sms
from notifications.channels import channels, get_channel
from payments.providers.registry import get_provider, providers

# --- the base class -------------------------------------------------------------------------------


class Configured(Plugin):
    problems: list = []

    @classmethod
    def check(cls):
        return [checks.Error(problem, id="tests.E001") for problem in cls.problems]


def test_a_registered_plugin_is_found_listed_and_iterated():
    registry = Registry("widget")

    @registry.register("round")
    class Round(Plugin):
        pass

    assert registry.get("round") is Round and registry["round"] is Round
    assert Round.identifier == "round"
    assert "round" in registry and "square" not in registry
    assert list(registry) == [Round] and registry.identifiers() == ["round"] and len(registry) == 1


def test_an_unknown_id_names_the_registry_the_id_and_what_is_registered():
    registry = Registry("widget")
    registry.register("round")(type("Round", (Plugin,), {}))

    with pytest.raises(UnknownPlugin, match=r"Unknown widget 'square' \(registered: round\)"):
        registry.get("square")
    with pytest.raises(LookupError):  # callers that caught LookupError still do
        registry.resolve("square")
    with pytest.raises(UnknownPlugin, match="Unknown widget 'nowhere.Nothing'"):
        registry.resolve("nowhere.Nothing")


def test_two_plugins_cannot_share_an_id():
    registry = Registry("widget")
    registry.register("round")(type("Round", (Plugin,), {}))
    with pytest.raises(ValueError, match="already registered"):
        registry.register("round")(type("Ball", (Plugin,), {}))


def test_demo_plugins_are_refused_when_the_setting_turns_them_off(settings):
    registry = Registry("widget")
    Real = registry.register("real")(type("Real", (Plugin,), {}))
    Demo = registry.register("demo")(type("Demo", (Plugin,), {"is_demo": True}))

    settings.ENABLE_DEMO_PLUGINS = True
    assert registry.get("demo") is Demo and registry.enabled() == [Real, Demo]

    settings.ENABLE_DEMO_PLUGINS = False
    with pytest.raises(DemoPluginDisabled, match="'demo' is a demonstration plugin and ENABLE_DEMO_PLUGINS is off"):
        registry.get("demo")
    assert registry.get("real") is Real and registry.enabled() == [Real]
    assert list(registry) == [Real, Demo]  # still listed, only not usable


def test_a_setting_may_name_a_plugin_by_id_or_by_dotted_path(settings):
    registry = Registry("widget", setting="WIDGET")
    registry.register("configured")(Configured)
    settings.WIDGET = "configured"
    assert registry.resolve() is Configured
    assert registry.resolve("tests.test_registries.Configured") is Configured
    assert registry.resolve("tests.test_registries.Unregistered") is Unregistered  # plugged in by its path


class Unregistered:
    pass


def test_the_check_reports_an_unknown_or_disabled_plugin_and_runs_the_plugins_own_check(settings, monkeypatch):
    registry = Registry("widget", setting="WIDGET")
    registry.register("configured")(Configured)
    registry.register("demo")(type("Demo", (Plugin,), {"is_demo": True}))

    settings.WIDGET = "configured"
    monkeypatch.setattr(Configured, "problems", ["no key"])
    assert [(m.id, m.msg) for m in registry.check()] == [("tests.E001", "no key")]
    assert "tests.E001" in {m.id for m in plugins_check()}  # the system check runs every registry's

    settings.WIDGET = "missing"
    assert [m.id for m in registry.check()] == ["common.E001"]

    settings.WIDGET = "demo"
    settings.ENABLE_DEMO_PLUGINS = False
    [message] = registry.check()
    assert message.id == "common.E002" and "ENABLE_DEMO_PLUGINS" in message.hint


def test_a_registry_without_setting_checks_every_enabled_plugin(settings, monkeypatch):
    registry = Registry("widget")
    registry.register("configured")(Configured)
    registry.register("demo")(type("DemoConfigured", (Configured,), {"is_demo": True}))
    monkeypatch.setattr(Configured, "problems", ["broken"])
    assert len(registry.check()) == 2
    settings.ENABLE_DEMO_PLUGINS = False
    assert len(registry.check()) == 1


def test_the_deploy_check_warns_while_demo_plugins_are_enabled(settings):
    settings.ENABLE_DEMO_PLUGINS = True
    assert [m.id for m in demo_plugins_in_production()] == ["common.W001"]
    settings.ENABLE_DEMO_PLUGINS = False
    assert demo_plugins_in_production() == []


# --- the portal's registries -----------------------------------------------------------------------


@pytest.fixture
def plugins():
    """Register test plugins in a registry for one test: ``plugins(registry, id, demo=False, **attrs)``."""
    added = []

    def add(registry, identifier, *, demo=False, base=Plugin, **attrs):
        cls = type(f"Test{identifier.title().replace('-', '')}", (base,), {"is_demo": demo, **attrs})
        registry.register(identifier)(cls)
        added.append((registry, identifier))
        return cls

    yield add
    for registry, identifier in added:
        registry.unregister(identifier)


def test_payment_providers(plugins, settings):
    Gateway = plugins(providers, "test-gateway")
    Demo = plugins(providers, "test-demo", demo=True)

    assert isinstance(get_provider("test-gateway"), Gateway)
    assert get_provider("paygov").name == "paygov"  # the built-in one, loaded on first use
    settings.PAYMENT_PROVIDER = "test-gateway"
    assert isinstance(get_provider(), Gateway)
    with pytest.raises(LookupError, match="Unknown payment provider 'nope'"):
        get_provider("nope")
    assert isinstance(get_provider("test-demo"), Demo)
    settings.ENABLE_DEMO_PLUGINS = False
    with pytest.raises(DemoPluginDisabled, match="payment provider 'test-demo'"):
        get_provider("test-demo")
    assert get_provider("paygov").name == "paygov"  # PayGov's client is not a simulation: the simulator is


def test_paygov_checks_its_configuration(settings):
    settings.PAYMENT_PROVIDER = "paygov"
    settings.PAYGOV_SECRET = ""
    settings.PAYGOV_BASE_URL = ""
    settings.PAYGOV_SIMULATOR = False
    assert {m.id for m in providers.check()} == {"payments.E001", "payments.W002"}
    settings.PAYGOV_SECRET = "s3cret"
    settings.PAYGOV_SIMULATOR = True
    assert providers.check() == []


def test_notification_channels(plugins, settings):
    Zalo = plugins(channels, "test-zalo", address_for=lambda self, user: "zalo")
    plugins(channels, "test-demo", demo=True)

    assert isinstance(get_channel("test-zalo"), Zalo)
    assert get_channel("sms").identifier == "sms"
    with pytest.raises(UnknownPlugin, match="Unknown notification channel 'pigeon'"):
        get_channel("pigeon")
    settings.ENABLE_DEMO_PLUGINS = False
    with pytest.raises(DemoPluginDisabled, match="notification channel 'test-demo'"):
        get_channel("test-demo")
    assert get_channel("email").identifier == "email"


def test_sms_backends(plugins, settings):
    sent = []
    Gateway = plugins(sms.backends, "test-gateway", base=sms.BaseSmsBackend, send=lambda self, p, t: sent.append(p))

    settings.SMS_BACKEND = "test-gateway"
    assert isinstance(sms.get_backend(), Gateway)
    sms.send_sms("0912345678", "Xin chào")
    assert sent == ["0912345678"]
    settings.SMS_BACKEND = "notifications.sms.MemorySmsBackend"  # the dotted path still names a backend
    assert isinstance(sms.get_backend(), sms.MemorySmsBackend)
    settings.SMS_BACKEND = "carrier-pigeon"
    with pytest.raises(UnknownPlugin, match="Unknown SMS backend 'carrier-pigeon'"):
        sms.get_backend()

    settings.ENABLE_DEMO_PLUGINS = False
    for demo in ("file", "memory", "notifications.sms.FileSmsBackend"):
        settings.SMS_BACKEND = demo
        with pytest.raises(DemoPluginDisabled, match="SMS backend"):
            sms.get_backend()
    settings.SMS_BACKEND = "test-gateway"
    assert isinstance(sms.get_backend(), Gateway)


class RemoteSigner(Plugin):
    def sign(self, pdf_bytes, *, agency):
        return pdf_bytes


def test_document_signers(plugins, settings):
    Remote = plugins(signers, "test-remote", base=RemoteSigner)

    settings.DOCUMENT_SIGNER = "test-remote"
    assert isinstance(get_signer(), Remote)
    settings.DOCUMENT_SIGNER = "documents.signing.local.LocalSigner"  # the older dotted path: the same as "local"
    assert get_signer().identifier == "local"
    settings.DOCUMENT_SIGNER = "local"
    assert get_signer().identifier == "local"
    settings.DOCUMENT_SIGNER = "hsm"
    with pytest.raises(UnknownPlugin, match="Unknown document signer 'hsm'"):
        get_signer()

    settings.ENABLE_DEMO_PLUGINS = False  # the local signer's CA is a demonstration one
    for demo in ("local", "documents.signing.local.LocalSigner"):
        settings.DOCUMENT_SIGNER = demo
        with pytest.raises(DemoPluginDisabled, match="document signer"):
            get_signer()
        assert [m.id for m in signers.check()] == ["common.E002"]
    settings.DOCUMENT_SIGNER = "test-remote"
    assert isinstance(get_signer(), Remote)


def test_prefill_sources(plugins, settings):
    class LandRegistry(prefill.PrefillSource):
        def resolve(self, parts, data):
            return "-".join(parts)

    plugins(prefill.sources, "test-land", base=LandRegistry)
    plugins(prefill.sources, "test-demo", demo=True, base=LandRegistry)
    data = {"name": "Nguyễn Văn A", "edocuments": [{"type": "driving_licence", "number": "0101"}]}

    assert prefill.resolve("test-land.parcel.number", data) == "parcel-number"
    assert prefill.resolve("name", data) == "Nguyễn Văn A"  # the population registry, the default source
    assert prefill.resolve("wallet.driving_licence.number", data) == "0101"
    assert prefill.sources.get("wallet") is prefill.WalletSource
    with pytest.raises(UnknownPlugin, match="Unknown prefill source 'land'"):
        prefill.sources.get("land")
    assert prefill.resolve("land.parcel", data) is None  # not a source: a path into the registry's data
    assert prefill.prefill_values({"a": "test-demo.x"}, data) == {"a": "x"}

    settings.ENABLE_DEMO_PLUGINS = False
    with pytest.raises(DemoPluginDisabled, match="prefill source 'test-demo'"):
        prefill.prefill_values({"a": "test-demo.x"}, data)
    assert prefill.prefill_values({"a": "test-land.x", "b": "name"}, data) == {"a": "x", "b": "Nguyễn Văn A"}


def test_with_demo_plugins_on_by_default_the_portal_passes_its_own_checks():
    gc.collect()  # registries made by other tests
    assert plugins_check() == []
