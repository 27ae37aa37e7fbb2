"""The S3-compatible object storage of uploads and generated documents, configured from the environment.

Read by settings.py (no Django import here): with INFITAH_S3_BUCKET set, the default storage is that bucket, so
every web node and worker shares the files; without it, files stay in MEDIA_ROOT (the embedded default).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

S3_BACKEND = "storages.backends.s3.S3Storage"


def s3_storage(environ: Mapping[str, str]) -> dict[str, Any] | None:
    """The STORAGES["default"] entry for the bucket the environment names, or None when it names none.

    Objects stay private (no ACL is sent, so the bucket's own, private, applies) and their URLs carry no signature:
    no page links to storage, every file leaves through a view of the platform that checks permission and sets the
    download headers (participation's attachments, the reports, the resources, news images, open data)."""
    bucket = environ.get("INFITAH_S3_BUCKET", "")
    if not bucket:
        return None
    endpoint = environ.get("INFITAH_S3_ENDPOINT_URL") or None
    return {
        "BACKEND": S3_BACKEND,
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": endpoint,
            "access_key": environ.get("AWS_ACCESS_KEY_ID") or None,
            "secret_key": environ.get("AWS_SECRET_ACCESS_KEY") or None,
            "region_name": environ.get("INFITAH_S3_REGION") or "us-east-1",
            # A self-hosted server (MinIO, moto, Garage…) answers at one address, not at <bucket>.<host>.
            "addressing_style": "path" if endpoint else None,
            "default_acl": None,
            "querystring_auth": False,
            # As on the filesystem: a second file of the same name gets a new name instead of replacing the first.
            "file_overwrite": False,
            # A file read back (a download, a backup) spills to a temporary file past 2 MB instead of staying in memory.
            "max_memory_size": 2 * 1024 * 1024,
        },
    }
