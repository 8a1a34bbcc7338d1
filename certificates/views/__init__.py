"""Certificates' views, split by concern: public verification and downloads (public.py),
and the admin's issuing, re-issuing, revoking and sign-off (admin.py)."""
