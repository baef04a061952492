#!/usr/bin/env python3
"""Writes the seed corpus for the fuzz targets (committed; rerun when the
conformance vectors or the input format in generate_input.hpp change).

  python3 tests/fuzz/make_corpus.py [path/to/shared/conformance]

corpus/parse: every conformance input, one file each.
corpus/generate: typical parameters for each deployment, the hostile-value
set, and the user/password/host/database values the conformance vectors expect.
"""
import hashlib
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
CONFORMANCE = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parents[2] / "shared" / "conformance"
FIELDS = ["user", "password", "host", "port", "database", "routing_id", "root_cert", "client_cert", "client_key"]


def write(folder, data):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)


ALL = 0xFFFF


def generate_input(deployment, mask=ALL, **fields):
    body = b"\xff".join(fields.get(f, "").encode("utf-8", "surrogatepass") for f in FIELDS)
    return bytes([deployment, mask & 0xFF, mask >> 8]) + body


def main():
    parse_dir, generate_dir = HERE / "corpus" / "parse", HERE / "corpus" / "generate"
    for d in (parse_dir, generate_dir):
        for old in d.glob("*"):
            old.unlink()
    vectors = []
    for path in sorted(CONFORMANCE.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                vectors.append(json.loads(line))
    for v in vectors:
        if isinstance(v.get("input"), str):
            write(parse_dir, v["input"].encode("utf-8", "surrogatepass"))

    serverless = dict(user="maxroach", password="p@ss", host="free-tier.gcp-us-central1.cockroachlabs.cloud",
                      routing_id="funky-skunk-123")
    dedicated = dict(user="maxroach", password="p@ss", host="my-cluster-7tc.gcp-us-east1.cockroachlabs.cloud",
                     root_cert="/home/me/certs/ca.crt")
    self_hosted = dict(user="maxroach", host="localhost", port="26257", database="bank",
                       root_cert="/certs/ca.crt", client_cert="/certs/client.maxroach.crt",
                       client_key="/certs/client.maxroach.key")
    typical = [(0, serverless), (1, dedicated), (2, self_hosted)]
    hostile = ["p@ss:w/rd?#%+ &=\"'\\${x}\nz", "\"; process.exit(7); \"", "'); import os; os._exit(7) #",
               "`rm`", "#{exit 7}", "]]>", "</property>", "*/", "${process.exit(7)}", "\u2028\u2029\u0085\ufeff",
               "C:\\Users\\me\\root.crt", "~/certs/ca.crt", "$HOME/ca.crt", "[::1]", "::1", "db.name",
               "host:26257", "postgresql://u@h/d", "\x00", "\x1b[31m", "😀", "a" * 5000]
    for deployment, base in typical:
        write(generate_dir, generate_input(deployment, **base))
        for mask in list(range(13)) + [0x1000, 0xE000 | 0x1FFF, 0xE000 | 0x0600]:
            write(generate_dir, generate_input(deployment, mask, **base))
        for i, value in enumerate(hostile):
            field = FIELDS[i % len(FIELDS)]
            write(generate_dir, generate_input(deployment, i, **dict(base, **{field: value})))
    write(generate_dir, generate_input(3, ALL, user="serverless"))  # deployment taken from the first field
    for v in vectors:
        expect = v.get("expect") or {}
        values = {k: expect.get(k) for k in ("user", "password", "host", "port")}
        values["database"] = expect.get("dbname")
        fields = {k: str(x) for k, x in values.items() if isinstance(x, (str, int))}
        if fields:
            write(generate_dir, generate_input(int(hashlib.sha1(v["id"].encode()).hexdigest(), 16) % 3, ALL, **fields))


if __name__ == "__main__":
    main()
