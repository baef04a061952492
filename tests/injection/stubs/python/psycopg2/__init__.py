"""Test double: records the DSN given to psycopg2.connect and never connects."""
RECORDS = []


class _Cursor:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def execute(self, sql):
        pass

    def fetchone(self):
        return ("now",)


class _Connection:
    def cursor(self):
        return _Cursor()

    def close(self):
        pass


def connect(dsn):
    RECORDS.append(dsn)
    return _Connection()
