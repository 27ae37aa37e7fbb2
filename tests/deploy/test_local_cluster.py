"""deploy/: the nginx configuration of the production topology (both nodes, passive failover that never doubles a
POST) and the local cluster's environment. Bringing the whole cluster up takes minutes on a shared 2-core machine,
so it is exercised by bench/load.py, not here."""

import shutil
import subprocess
from pathlib import Path

import pytest

from deploy import local_cluster
from deploy.nginx_conf import Topology, render


@pytest.fixture
def topology(tmp_path):
    return Topology(listen="127.0.0.1:18600", nodes=("127.0.0.1:18601", "127.0.0.1:18602"), run_dir=tmp_path)


def directives(config: str, name: str) -> list[str]:
    return [line.strip() for line in config.splitlines() if line.strip().startswith(name + " ")]


def test_nginx_balances_both_nodes_and_leaves_a_failed_one_out_for_a_while(topology):
    config = render(topology)

    assert directives(config, "server 127.0.0.1:18601") == ["server 127.0.0.1:18601 max_fails=1 fail_timeout=10s;"]
    assert directives(config, "server 127.0.0.1:18602") == ["server 127.0.0.1:18602 max_fails=1 fail_timeout=10s;"]
    assert directives(config, "listen") == ["listen 127.0.0.1:18600;"]
    assert directives(config, "proxy_pass") == ["proxy_pass http://infitah;"]


def test_failover_retries_on_errors_timeouts_and_bad_gateways_but_never_a_post_a_node_received(topology):
    config = render(topology)

    (retry,) = directives(config, "proxy_next_upstream")
    assert set(retry.rstrip(";").split()[1:]) == {"error", "timeout", "http_502", "http_503"}
    # Without `non_idempotent`, nginx passes a POST on only when the first node never received it.
    assert "non_idempotent" not in config
    assert directives(config, "proxy_next_upstream_tries") == ["proxy_next_upstream_tries 2;"]
    # Kept-alive upstream sockets would make a dead node look like a broken request rather than a refused connection.
    assert "keepalive" not in config


def test_nginx_writes_only_under_its_own_directory_and_passes_the_client_address(topology, tmp_path):
    config = render(topology)

    for name in ("pid", "error_log", "access_log", "client_body_temp_path", "proxy_temp_path"):
        (line,) = directives(config, name)
        assert line.split()[1].startswith(str(tmp_path)), line
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in directives(config, "proxy_set_header")
    assert directives(config, "client_max_body_size") == ["client_max_body_size 11m;"]


def test_nginx_accepts_the_generated_configuration(topology, tmp_path):
    for folder in ("logs", "nginx"):
        (tmp_path / folder).mkdir()
    config = tmp_path / "nginx.conf"
    config.write_text(render(topology))
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"

    checked = subprocess.run(  # noqa: S603 - Debian's nginx, checking our file
        [nginx, "-t", "-c", str(config), "-p", str(tmp_path / "nginx"), "-e", str(tmp_path / "logs" / "e.log")],
        capture_output=True,
        text=True,
        check=False,
    )

    assert checked.returncode == 0, checked.stderr
    assert "syntax is ok" in checked.stderr


def test_every_node_and_worker_shares_keys_database_redis_and_the_public_address(tmp_path):
    env = local_cluster.cluster_env(
        tmp_path, "postgres://p@127.0.0.1/cluster_x", "redis://127.0.0.1:6379/11", "http://127.0.0.1:1", 10
    )

    assert env["DATABASE_URL"] == "postgres://p@127.0.0.1/cluster_x"
    assert env["REDIS_URL"] == "redis://127.0.0.1:6379/11"
    assert env["INFITAH_SITE_URL"] == env["CSRF_TRUSTED_ORIGINS"] == "http://127.0.0.1:1"
    assert len(env["SECRET_KEY"]) >= 50 and env["INFITAH_FIELD_KEYS"] and env["INFITAH_IDENTITY_HASH_KEY"]
    assert env["INFITAH_TRUSTED_PROXY_COUNT"] == "1" and env["INFITAH_BEHIND_PROXY"] == "true"
    assert env["INFITAH_DOCUMENT_LEASE_SECONDS"] == "10"


def test_s3_settings_name_the_bucket_and_the_local_endpoint():
    s3 = local_cluster.s3_env("http://127.0.0.1:18603")

    assert s3["INFITAH_S3_ENDPOINT_URL"] == "http://127.0.0.1:18603"
    assert s3["INFITAH_S3_BUCKET"] == local_cluster.S3_BUCKET
    assert {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "INFITAH_S3_REGION"} <= set(s3)


def gone_or_zombie(pid: int) -> bool:
    stat = Path(f"/proc/{pid}/stat")
    try:
        return stat.read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True


def test_a_killed_tree_takes_the_children_that_left_the_process_group():
    import sys
    import time

    # A parent whose child leaves its process group, as RQ's work horse does (os.setpgrp).
    code = "\n".join(
        ["import os, time", "if os.fork() == 0:", "    os.setpgrp()", "    time.sleep(60)", "print(1, flush=True)"]
        + ["time.sleep(60)"]
    )
    parent = subprocess.Popen([sys.executable, "-c", code], start_new_session=True, stdout=subprocess.PIPE)  # noqa: S603
    assert parent.stdout is not None
    parent.stdout.readline()
    (child,) = local_cluster.descendants(parent.pid)

    local_cluster.kill_tree(parent.pid)

    parent.wait(5)
    for _ in range(100):  # the orphan is reaped by init once killed
        if gone_or_zombie(child):
            break
        time.sleep(0.05)
    assert gone_or_zombie(child)
