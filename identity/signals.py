"""Keep the VNeID assurance level of each login in the portal session, and an officer's second factor;
drop cached registry data when the registry changes."""

from allauth.account.internal.flows.login import record_authentication
from allauth.account.signals import user_logged_in
from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authentication_failed, authenticator_added
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver

from procedures.models import AdministrativeUnit

from . import audit, throttling
from .constants import AuthEventKind, AuthSource
from .registry import snapshot
from .registry.models import EDocument, Household, Person
from .services import VNEID_PROVIDER_ID, remember_vneid_login


@receiver(user_logged_in)
def on_user_logged_in(sender, request, user, **kwargs):
    sociallogin = kwargs.get("sociallogin")
    if sociallogin is not None and sociallogin.account.provider == VNEID_PROVIDER_ID:
        remember_vneid_login(request, sociallogin)
        audit.record(
            request,
            source=AuthSource.PORTAL,
            kind=AuthEventKind.LOGIN_SUCCEEDED,
            identifier=user.get_username(),
            user=user,
            detail=f"vneid {request.session.get('vneid_acr', '')}",
        )


@receiver(authenticator_added)
def on_authenticator_added(sender, request, user, authenticator, **kwargs):
    """The code that activated TOTP proves the officer holds the authenticator: this session has its second
    factor, so a newly enrolled officer goes straight to work instead of typing a second code."""
    if authenticator.type == Authenticator.Type.TOTP:
        record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)


@receiver(authentication_failed)
def on_second_factor_failed(sender, request, user, authenticator, reauthentication=False, **kwargs):
    """A wrong TOTP or recovery code, at login or when asked again, is written in the audit log; so is the
    lock-out it brings once allauth's limit on wrong codes (the "login_failed" rules) is reached."""
    audit.record(
        request,
        source=AuthSource.PORTAL,
        kind=AuthEventKind.OTP_FAILED,
        identifier=user.get_username(),
        user=user,
        detail=f"{authenticator.type}{' (reauthentication)' if reauthentication else ''}",
    )
    refusal = throttling.refusal(request, "login_failed", key=f"mfa-auth-user-{user.pk}")
    if refusal is not None:
        audit.record(
            request,
            source=AuthSource.PORTAL,
            kind=AuthEventKind.ACCOUNT_LOCKED,
            identifier=user.get_username(),
            user=user,
            detail=f"second factor, {refusal.wait_seconds}s",
        )


@receiver(pre_save, sender=Person)
@receiver(pre_save, sender=EDocument)
def remember_registry_row(sender, instance, **kwargs):
    """What the row said before this save: a changed ID number, or a document moved to someone else,
    must drop the copies made under the old one too."""
    fields = ["id_number"] if sender is Person else ["person_id"]
    instance._registry_before = sender.objects.filter(pk=instance.pk).values(*fields).first() if instance.pk else None


@receiver(post_save, sender=Person)
@receiver(pre_delete, sender=Person)  # before deletion nulls the relatives' links to them
def on_person_changed(sender, instance, **kwargs):
    before = getattr(instance, "_registry_before", None) or {}
    snapshot.forget(snapshot.affected_by(instance) | {before.get("id_number")} - {None})


@receiver(post_save, sender=Household)
@receiver(pre_delete, sender=Household)
def on_household_changed(sender, instance, **kwargs):
    snapshot.forget(instance.members.values_list("id_number", flat=True))


@receiver(post_save, sender=EDocument)
@receiver(post_delete, sender=EDocument)
def on_edocument_changed(sender, instance, **kwargs):
    before = getattr(instance, "_registry_before", None) or {}
    holders = {instance.person_id, before.get("person_id")} - {None}
    snapshot.forget(Person.objects.filter(pk__in=holders).values_list("id_number", flat=True))


@receiver(post_save, sender=AdministrativeUnit)
@receiver(post_delete, sender=AdministrativeUnit)
def on_unit_changed(sender, **kwargs):
    """Addresses in every copy name units: a renamed or merged one drops them all."""
    snapshot.forget_everyone()
