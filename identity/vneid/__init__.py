"""The simulated VNeID identity provider: an OpenID Connect provider built on django-oauth-toolkit.

It is a separate Django app (label ``vneid``) because in production it is an
external system: the portal only talks to it over HTTP, like any other
relying party would. Its accounts belong to people of the population
registry, never to portal users, so the token models of django-oauth-toolkit
are swapped for ones whose owner is a ``VNeIDAccount``.
"""
