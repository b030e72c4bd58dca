"""Citizens' remote signatures (ký số từ xa) on their filings: the portal's side.

A citizen signs the e-form of a draft (rendered as a "Tờ khai" PDF) and the PDF papers
they attached with a key a remote-signing provider holds for them. The portal talks to
the provider's Cloud Signature Consortium API v2 over HTTP (``client``), signs PAdES
with pyHanko, the provider signing only the hash (``pades``), validates the certificate
chain up to the roots it is configured to trust (``validation``) and keeps each
signature (``models.CitizenSignature``). Services that require a signed declaration
refuse submission without one (``services.guard_submit``, a guard on records' SUBMIT).
"""
