"""Runs every Python snippet of the injection suite in this one process, with
the test-double psycopg2 and sqlalchemy first on sys.path, and reads each
hibernate.cfg.xml. Input: a JSON file of [{id, kind, file, env}]. Output in
results.json: [{id, used, marker}]. Injected code that exits ends this process."""
import json
import os
import sys
import xml.etree.ElementTree as ET

import psycopg2
import sqlalchemy

items = json.load(open(sys.argv[1], encoding="utf-8"))
marker = os.path.join(os.getcwd(), "MARKER")
results = []
for item in items:
    sys.stderr.write(f"case {item['id']}\n")
    sys.stderr.flush()
    saved = dict(os.environ)
    os.environ.update(item["env"])
    used = error = None
    # An Exception is a clean refusal (accepted only for outputs the core marked
    # not ok); sys.exit raises SystemExit, which is deliberately not caught.
    try:
        if item["kind"] == "hibernate":
            root = ET.parse(item["file"]).getroot()
            used = [p.text or "" for p in root.iter("property") if p.get("name") == "hibernate.connection.url"]
        else:
            source = open(item["file"], encoding="utf-8").read()
            namespace = {"__name__": "__main__", "__file__": item["file"]}
            psycopg2.RECORDS.clear()
            sqlalchemy.RECORDS.clear()
            exec(compile(source, item["file"], "exec"), namespace)
            if item["kind"] == "django":
                used = namespace["DATABASES"]
            else:
                used = psycopg2.RECORDS + sqlalchemy.RECORDS
    except Exception as e:  # noqa: BLE001 - reported to the harness
        error = f"{type(e).__name__}: {e}"
    os.environ.clear()
    os.environ.update(saved)
    results.append({"id": item["id"], "used": used, "error": error, "marker": os.path.exists(marker)})
with open("results.json", "w", encoding="utf-8") as out:
    json.dump(results, out)
