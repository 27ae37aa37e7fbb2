"""An S3-compatible server for the object-storage tests: moto's `moto_server`, a real process on a free loopback
port (the one the local cluster runs), and a fresh private bucket per test."""

import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import boto3
import pytest

from infitah.backups.object_storage import s3_storage
from tests.participation.world import discussions  # noqa: F401 - a fixture for the tests here

MOTO_SERVER = Path(sys.executable).with_name("moto_server")
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "infitah-test", "AWS_SECRET_ACCESS_KEY": "infitah-test-secret"}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def s3_endpoint():
    port = free_port()
    server = subprocess.Popen(  # noqa: S603 - moto's server from this virtualenv, fixed arguments
        [str(MOTO_SERVER), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _attempt in range(1200):  # a start-up bound, not a speed requirement: a busy machine is slow
            try:
                urllib.request.urlopen(f"{url}/moto-api/", timeout=1).close()  # noqa: S310 - loopback
                break
            except OSError:
                if server.poll() is not None:
                    raise RuntimeError("moto_server stopped at start") from None
                time.sleep(0.1)
        else:
            raise RuntimeError("moto_server did not answer within 120 s")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


def s3_environment(endpoint, bucket):
    """The variables an operator sets (docs/deployment.md) for this bucket on this server."""
    return {"INFITAH_S3_BUCKET": bucket, "INFITAH_S3_ENDPOINT_URL": endpoint, **CREDENTIALS}


def new_bucket(endpoint):
    name = f"infitah-{uuid.uuid4().hex[:12]}"
    client(endpoint).create_bucket(Bucket=name)
    return name


def client(endpoint):
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
    )


def objects_in(endpoint, bucket):
    """{key: bytes} of every object of the bucket, read past the platform."""
    s3 = client(endpoint)
    listed = s3.list_objects_v2(Bucket=bucket).get("Contents", [])
    return {item["Key"]: s3.get_object(Bucket=bucket, Key=item["Key"])["Body"].read() for item in listed}


@pytest.fixture
def bucket(s3_endpoint):
    return new_bucket(s3_endpoint)


@pytest.fixture
def on_s3(settings, s3_endpoint, bucket):
    """The platform's default storage is the bucket, configured exactly as settings.py does from the environment."""
    settings.STORAGES = {**settings.STORAGES, "default": s3_storage(s3_environment(s3_endpoint, bucket))}
    return bucket
