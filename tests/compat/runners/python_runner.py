"""Connects with psycopg2, SQLAlchemy and Django, each given the core's output
the way its snippet gives it. Reads a JSON array of cases from argv[1], prints
one JSON result per line. Run with Debian's /usr/bin/python3."""
import json
import os
import sys

PROBE = ("SELECT current_user, current_database(), pg_backend_pid(), s.ssl, s.client_dn "
         "FROM pg_stat_ssl s WHERE s.pid = pg_backend_pid()")


def row_to_dict(row):
    user, database, pid, ssl, client_dn = row
    return {"user": user, "database": database, "pid": pid, "ssl": ssl, "clientDn": client_dn}


def psycopg2_case(case):
    import psycopg2
    conn = psycopg2.connect(os.environ["DATABASE_URL"])  # as the snippet
    try:
        with conn.cursor() as cur:
            cur.execute(PROBE)
            return row_to_dict(cur.fetchone())
    finally:
        conn.close()


def sqlalchemy_case(case):
    from sqlalchemy import create_engine, text
    url = os.environ["DATABASE_URL"]
    # sqlalchemy-cockroachdb (the cockroachdb:// dialect) is not packaged in
    # Debian; its dialect subclasses this one and reads the URL the same way.
    if not url.startswith("cockroachdb://"):
        raise ValueError("expected the cockroachdb:// scheme, got " + url.split(":", 1)[0])
    engine = create_engine("postgresql://" + url[len("cockroachdb://"):])
    try:
        with engine.connect() as conn:
            return row_to_dict(conn.execute(text(PROBE)).fetchone())
    finally:
        engine.dispose()


def django_settings(snippet):
    """Executes the settings.py snippet and returns its DATABASES: the values
    are whatever the snippet's own Python literals evaluate to."""
    namespace = {}
    exec(compile(snippet, "settings.py", "exec"), namespace)
    return namespace["DATABASES"]


_django_ready = False


def django_case(case):
    global _django_ready
    import django
    from django.conf import settings
    databases = django_settings(case["snippet"])
    default = dict(databases["default"])
    result = {"snippetSettings": {k: default[k] for k in ("NAME", "USER", "HOST", "PORT", "OPTIONS")}}
    # django-cockroachdb is not packaged in Debian; its backend subclasses
    # Django's postgresql backend and passes these settings through unchanged.
    if default["ENGINE"] != "django_cockroachdb":
        raise ValueError("unexpected ENGINE " + default["ENGINE"])
    default["ENGINE"] = "django.db.backends.postgresql"
    if not _django_ready:
        settings.configure(DATABASES={"default": default}, USE_TZ=True)
        django.setup()
        _django_ready = True
    from django.db import connections
    connections["default"].close()
    connections["default"].settings_dict.update(default)
    try:
        with connections["default"].cursor() as cur:
            cur.execute(PROBE)
            result.update(row_to_dict(cur.fetchone()))
    finally:
        connections["default"].close()
    return result


DRIVERS = {"psycopg2": psycopg2_case, "sqlalchemy": sqlalchemy_case, "django": django_case}


def env_of(case):
    """The variables a case sets: the output's env, or (setup-step cases) what
    python-dotenv reads from the .env file the step wrote; for the bash step,
    nothing, as bash already set them before starting this process."""
    if case.get("dotenv"):
        from dotenv import dotenv_values
        return [{"name": k, "value": v} for k, v in dotenv_values(case["dotenv"]).items()]
    return case["env"]


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        cases = json.load(f)
    for case in cases:
        env = env_of(case)
        saved = {e["name"]: os.environ.get(e["name"]) for e in env}
        os.environ.update({e["name"]: e["value"] for e in env})
        seen = {name: os.environ.get(name) for name in case.get("reportEnv") or []}
        try:
            line = {"id": case["id"], "ok": True, **DRIVERS[case["driver"]](case)}
        except Exception as err:  # every failure is a result, not a crash
            line = {"id": case["id"], "ok": False, "error": f"{type(err).__name__}: {err}"}
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
        if case.get("reportEnv"):
            line["envSeen"] = seen
        print(json.dumps(line, default=str), flush=True)

main()
