"""Start, on this one machine, the production topology for tests: nginx (Debian's) on a loopback port load-balancing two
`infitah serve` nodes (gunicorn), two task workers (`infitah worker`), the machine's PostgreSQL (a fresh database) and
Redis (one DB number, emptied), and moto_server as the S3-compatible storage for uploads and generated documents.

    .venv/bin/python deploy/local_cluster.py up --dir /tmp/cluster      # prints the address; writes cluster.json
    .venv/bin/python deploy/local_cluster.py status --dir /tmp/cluster
    .venv/bin/python deploy/local_cluster.py down --dir /tmp/cluster    # stops everything, drops the database

Everything listens on 127.0.0.1 only. Options: `--port` (nginx; the nodes and moto take the next ports; default:
ports chosen by the system), `--postgres` (an administrator's URL, default postgres://postgres@127.0.0.1:5432),
`--redis-url` (default redis://127.0.0.1:6379/11: that DB is emptied at up and down), `--lease` (seconds before a
dead worker's report is taken over). See docs/deployment.md.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere
from deploy.nginx_conf import Topology, render  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
INFITAH = [PYTHON, "-m", "infitah"]
NODES = 2
WORKERS = 2
START_TIMEOUT = 90
STOP_GRACE = 15
S3_BUCKET = "infitah-cluster"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def ports(first: int | None) -> list[int]:
    """nginx, the nodes, moto: consecutive from `first`, else each chosen by the system."""
    count = 1 + NODES + 1
    return list(range(first, first + count)) if first else [free_port() for _ in range(count)]


def cluster_env(
    directory: Path, database_url: str, redis_url: str, url: str, lease: int, trusted_proxies: int = 1
) -> dict[str, str]:
    """What every node and worker shares: the same keys, database, Redis and public address."""
    keep = {"PATH", "HOME", "LANG", "LC_ALL", "TMPDIR"}
    env = {key: value for key, value in os.environ.items() if key in keep}
    from cryptography.fernet import Fernet

    env.update(
        PYTHONPATH=str(REPO / "src"),
        DJANGO_SETTINGS_MODULE="infitah.settings",
        INFITAH_DATA_DIR=str(directory / "data"),
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        SECRET_KEY=secrets.token_urlsafe(50),
        INFITAH_FIELD_KEYS=Fernet.generate_key().decode(),
        INFITAH_IDENTITY_HASH_KEY=secrets.token_urlsafe(32),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        CSRF_TRUSTED_ORIGINS=url,
        INFITAH_SITE_URL=url,
        INFITAH_HTTPS="false",  # plain HTTP on the loopback; production terminates TLS at nginx
        INFITAH_BEHIND_PROXY="true",
        # The client's address is the one nginx adds to X-Forwarded-For (with 2, the one an outer proxy added).
        INFITAH_TRUSTED_PROXY_COUNT=str(trusted_proxies),
        INFITAH_DOCUMENT_LEASE_SECONDS=str(lease),
        INFITAH_ACCESS_LOG=str(directory / "logs" / "access.log"),
        LOG_LEVEL="WARNING",
    )
    return env


def s3_env(endpoint: str) -> dict[str, str]:
    return {
        "INFITAH_S3_BUCKET": S3_BUCKET,
        "INFITAH_S3_ENDPOINT_URL": endpoint,
        "INFITAH_S3_REGION": "us-east-1",
        "AWS_ACCESS_KEY_ID": "infitah-cluster",
        "AWS_SECRET_ACCESS_KEY": secrets.token_urlsafe(24),
    }


def spawn(command: list[str], env: dict[str, str], log: Path) -> int:
    """A process in its own session (its pid is its group: stopping it reaches its children) that outlives us."""
    with open(log, "ab") as output:
        process = subprocess.Popen(  # noqa: S603 - our own commands
            command, env=env, stdout=output, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True
        )
    return process.pid


def wait_until_answers(url: str, timeout: float = START_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback
                if response.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise SystemExit(f"{url} did not answer within {timeout:.0f} s")
        time.sleep(0.3)


def admin_sql(postgres: str, statement: str) -> None:
    import psycopg

    with psycopg.connect(f"{postgres}/postgres", autocommit=True) as connection:
        connection.execute(statement)  # noqa: S608 - names we generated, not user input


def flush_redis(redis_url: str) -> None:
    import redis

    redis.Redis.from_url(redis_url).flushdb()  # this DB number only: it is the cluster's own


def run_checked(command: list[str], env: dict[str, str], log: Path) -> None:
    with open(log, "ab") as output:
        result = subprocess.run(command, env=env, stdout=output, stderr=subprocess.STDOUT, check=False)  # noqa: S603
    if result.returncode:
        raise SystemExit(f"{' '.join(command)} failed: see {log}")


def start_s3(port: int, directory: Path, env: dict[str, str]) -> dict[str, Any] | None:
    """moto_server, the S3-compatible server, and the bucket; None when moto is not installed."""
    moto = Path(PYTHON).with_name("moto_server")
    if not moto.exists():
        print("moto_server is not installed (pip install 'moto[server]'): uploads stay on the local disk")
        return None
    endpoint = f"http://127.0.0.1:{port}"
    pid = spawn([str(moto), "-H", "127.0.0.1", "-p", str(port)], env, directory / "logs" / "moto.log")
    wait_until_answers(f"{endpoint}/moto-api/", timeout=30)
    credentials = s3_env(endpoint)
    import boto3  # type: ignore[import-untyped]

    boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=credentials["INFITAH_S3_REGION"],
        aws_access_key_id=credentials["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=credentials["AWS_SECRET_ACCESS_KEY"],
    ).create_bucket(Bucket=S3_BUCKET)
    return {"pid": pid, "port": port, "endpoint": endpoint, "bucket": S3_BUCKET, "env": credentials}


def up(args: argparse.Namespace) -> dict[str, Any]:
    directory = Path(args.dir).resolve()
    if (directory / "cluster.json").exists():
        raise SystemExit(f"{directory}/cluster.json exists: run `down` first")
    for sub in ("logs", "data", "nginx"):
        (directory / sub).mkdir(parents=True, exist_ok=True)
    nginx_port, *node_ports, s3_port = ports(args.port)
    url = f"http://127.0.0.1:{nginx_port}"
    database = args.database or f"cluster_{secrets.token_hex(4)}"
    admin_sql(args.postgres, f'CREATE DATABASE "{database}"')
    database_url = f"{args.postgres}/{database}"
    flush_redis(args.redis_url)
    env = cluster_env(directory, database_url, args.redis_url, url, args.lease, args.trusted_proxies)
    state: dict[str, Any] = {"dir": str(directory), "url": url, "database": database, "postgres": args.postgres}
    state.update(database_url=database_url, redis_url=args.redis_url, nodes=[], workers=[])
    write_state(directory, state)  # from here on, `down` can undo what was started
    s3 = start_s3(s3_port, directory, env)
    state["s3"] = s3
    if s3:
        env.update(s3["env"])
    state["env"] = env
    write_state(directory, state)
    setup_log = directory / "logs" / "setup.log"
    run_checked([*INFITAH, "migrate", "--no-input"], env, setup_log)
    run_checked([*INFITAH, "collect_static_if_changed"], env, setup_log)
    for number, port in enumerate(node_ports, start=1):
        command = [*INFITAH, "serve", "--port", str(port), "--workers", str(args.web_workers), "--no-collectstatic"]
        pid = spawn(command, env, directory / "logs" / f"node-{number}.log")
        state["nodes"].append({"pid": pid, "port": port})
    for number in range(1, WORKERS + 1):
        name = f"worker-{number}-{secrets.token_hex(2)}"
        pid = spawn([*INFITAH, "worker", "--name", name], env, directory / "logs" / f"worker-{number}.log")
        state["workers"].append({"pid": pid, "name": name})
    write_state(directory, state)
    config = directory / "nginx.conf"
    topology = Topology(
        listen=f"127.0.0.1:{nginx_port}", nodes=tuple(f"127.0.0.1:{p}" for p in node_ports), run_dir=directory
    )
    config.write_text(render(topology))
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    command = [
        nginx,
        "-c",
        str(config),
        "-p",
        str(directory / "nginx"),
        "-e",
        str(directory / "logs" / "nginx-error.log"),
    ]
    state["nginx"] = {"pid": spawn(command, env, directory / "logs" / "nginx.log"), "port": nginx_port}
    write_state(directory, state)
    for node in state["nodes"]:
        wait_until_answers(f"http://127.0.0.1:{node['port']}/healthz")
    wait_until_answers(f"{url}/healthz")
    print(
        f"Infitah cluster on {url} ({NODES} nodes, {WORKERS} workers, database {database}); "
        f"state in {directory}/cluster.json"
    )
    return state


def write_state(directory: Path, state: dict[str, Any]) -> None:
    (directory / "cluster.json").write_text(json.dumps(state, indent=2))


def read_state(directory: str) -> dict[str, Any]:
    path = Path(directory).resolve() / "cluster.json"
    if not path.exists():
        raise SystemExit(f"no cluster in {directory} (no cluster.json)")
    return dict(json.loads(path.read_text()))


def alive(pid: int) -> bool:
    with contextlib.suppress(ChildProcessError):
        if os.waitpid(pid, os.WNOHANG)[0] == pid:  # our own child (up and down in one process): reap it
            return False
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"  # a killed process its parent has not reaped yet is dead


def descendants(pid: int) -> list[int]:
    """Every process below `pid` (Linux's /proc): an RQ work horse leaves its parent's process group."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                children.setdefault(parent, []).append(int(entry.name))
    found, pending = [], [pid]
    while pending:
        below = children.get(pending.pop(), [])
        found += below
        pending += below
    return found


def kill_tree(pid: int) -> None:
    """`kill -9` a process, its group and every process below it: what a lost machine does to them."""
    below = descendants(pid)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)
    for child in below:
        with contextlib.suppress(ProcessLookupError):
            os.kill(child, signal.SIGKILL)


def stop(pid: int) -> None:
    """SIGTERM to the process's group (gunicorn and its workers, a worker and its work horse), then SIGKILL to the
    group and everything below it after a grace."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGTERM)
    deadline = time.monotonic() + STOP_GRACE
    while alive(pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    kill_tree(pid)


def processes(state: dict[str, Any]) -> list[tuple[str, int]]:
    found = [(f"node-{n}", node["pid"]) for n, node in enumerate(state.get("nodes", []), start=1)]
    found += [(worker["name"], worker["pid"]) for worker in state.get("workers", [])]
    if state.get("nginx"):
        found.append(("nginx", state["nginx"]["pid"]))
    if state.get("s3"):
        found.append(("moto_server", state["s3"]["pid"]))
    return found


def down(directory: str) -> None:
    state = read_state(directory)
    for _name, pid in processes(state):
        stop(pid)
    with contextlib.suppress(Exception):
        flush_redis(state["redis_url"])
    admin_sql(state["postgres"], f'DROP DATABASE IF EXISTS "{state["database"]}" WITH (FORCE)')
    (Path(state["dir"]) / "cluster.json").unlink()
    print(f"Stopped the cluster of {state['dir']} and dropped database {state['database']}")


def status(directory: str) -> bool:
    state = read_state(directory)
    healthy = True
    for name, pid in processes(state):
        running = alive(pid)
        healthy &= running
        print(f"{name:24} pid {pid:>7}  {'running' if running else 'STOPPED'}")
    try:
        with urllib.request.urlopen(f"{state['url']}/healthz", timeout=5) as response:  # noqa: S310 - loopback
            print(f"{state['url']}/healthz: {response.status}")
    except OSError as error:
        healthy = False
        print(f"{state['url']}/healthz: {error}")
    return healthy


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=["up", "down", "status"])
    parser.add_argument("--dir", required=True, help="where the configuration, logs, data and cluster.json go")
    parser.add_argument("--port", type=int, default=None, help="nginx's port; the nodes and moto take the next ones")
    parser.add_argument(
        "--postgres", default=os.environ.get("INFITAH_CLUSTER_POSTGRES", "postgres://postgres@127.0.0.1:5432")
    )
    parser.add_argument("--redis-url", default=os.environ.get("INFITAH_CLUSTER_REDIS_URL", "redis://127.0.0.1:6379/11"))
    parser.add_argument("--database", default="", help="the database to create (default: cluster_<random>)")
    parser.add_argument("--web-workers", type=int, default=2, help="gunicorn workers per node")
    parser.add_argument("--lease", type=int, default=20, help="seconds before a dead worker's report is taken over")
    parser.add_argument(
        "--trusted-proxies",
        type=int,
        default=1,
        help="proxies whose X-Forwarded-For entry is trusted: 1 (nginx); 2 when a load test plays an outer proxy",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.action == "up":
        try:
            up(args)
        except BaseException:
            if (Path(args.dir) / "cluster.json").exists():
                down(args.dir)  # leave nothing half-started behind
            raise
        return 0
    if args.action == "down":
        down(args.dir)
        return 0
    return 0 if status(args.dir) else 1


if __name__ == "__main__":
    sys.exit(main())
