from certificates.models.certificates import Certificate, CertificateBatch, CertificateEvent
from certificates.models.templates import CertificateTemplate, CertificateTemplateCourse

__all__ = [
    "Certificate",
    "CertificateBatch",
    "CertificateEvent",
    "CertificateTemplate",
    "CertificateTemplateCourse",
]
