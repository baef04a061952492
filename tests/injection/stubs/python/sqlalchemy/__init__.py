"""Test double: records the URL given to create_engine and never connects."""
RECORDS = []


class _Result:
    def scalar(self):
        return "now"


class _Connection:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def execute(self, statement):
        return _Result()


class _Engine:
    def connect(self):
        return _Connection()


def create_engine(url):
    RECORDS.append(url)
    return _Engine()


def text(sql):
    return sql
