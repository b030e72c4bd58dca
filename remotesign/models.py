"""The provider's subscribers, their signing credentials, and the authorisations a one-time code opens.

Nothing here is the portal's: a subscriber is the provider's own customer, known by
their ID number (CSC's ``userID``), name and phone, as a provider registers them
when it issues their certificate.
"""

import uuid

from django.db import models


class KeyAlgorithm(models.TextChoices):
    RSA = "rsa", "RSA 2048"
    ECDSA = "ecdsa", "ECDSA P-256"


class Subscriber(models.Model):
    user_id = models.CharField("số định danh cá nhân", max_length=12, unique=True)
    name = models.CharField("họ và tên", max_length=150)
    phone = models.CharField("số điện thoại nhận OTP", max_length=15)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "thuê bao ký số"
        verbose_name_plural = "thuê bao ký số"

    def __str__(self):
        return f"{self.name} ({self.user_id})"


class Credential(models.Model):
    """One key pair held for a subscriber and the certificate the provider's issuing CA gave it.

    The private key stays in the provider's key directory (``REMOTESIGN_DIR``), named by ``credential_id``."""

    credential_id = models.CharField(max_length=64, unique=True, default=uuid.uuid4)
    subscriber = models.ForeignKey(Subscriber, on_delete=models.PROTECT, related_name="credentials")
    key_algorithm = models.CharField(max_length=8, choices=KeyAlgorithm.choices, default=KeyAlgorithm.RSA)
    certificate_pem = models.TextField()
    enabled = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "chứng thư ký số"
        verbose_name_plural = "chứng thư ký số"

    def __str__(self):
        return self.credential_id


class Authorization(models.Model):
    """One ``sendOTP`` → ``authorize`` → ``signHash`` round: the code sent by SMS (kept hashed), how often it was
    tried, and the Signature Activation Data (SAD, kept hashed) it opened, for ``num_signatures`` signatures."""

    credential = models.ForeignKey(Credential, on_delete=models.CASCADE, related_name="authorizations")
    otp_hash = models.CharField(max_length=64)
    otp_expires_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    sad_hash = models.CharField(max_length=64, blank=True, db_index=True)
    sad_expires_at = models.DateTimeField(null=True, blank=True)
    signatures_left = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.credential_id} {self.created_at:%Y-%m-%d %H:%M}"
