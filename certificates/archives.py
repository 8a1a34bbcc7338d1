"""Many certificates as one ZIP file, for a teacher's group or a coordinator's people."""

import re
import tempfile
import unicodedata
import zipfile
from collections.abc import Iterable

from django.http import FileResponse

from certificates.models import Certificate


def file_name(certificate: Certificate) -> str:
    # Names keep their letters in any script (ZIP stores UTF-8 names); only characters that
    # file systems reject are replaced.
    name = unicodedata.normalize("NFC", certificate.holder_name or "")
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", name).strip() or "certificate"
    return f"{name[:80]} {certificate.display_code}.pdf"


def write_zip(certificates: Iterable[Certificate], handle) -> int:
    """Writes the certificates' PDFs into `handle`; returns how many. PDFs are already
    compressed, so they are stored as they are."""
    count = 0
    with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_STORED) as archive:
        for certificate in certificates:
            if not certificate.pdf:
                continue
            with certificate.pdf.open("rb") as pdf:
                archive.writestr(file_name(certificate), pdf.read())
            count += 1
    return count


def zip_response(certificates: Iterable[Certificate], *, filename: str) -> FileResponse:
    # Spooled: small archives stay in memory, large ones go to a temporary file.
    spool = tempfile.SpooledTemporaryFile(max_size=20 * 1024 * 1024)  # noqa: SIM115
    write_zip(certificates, spool)
    spool.seek(0)
    return FileResponse(spool, as_attachment=True, filename=filename,
                        content_type="application/zip")
