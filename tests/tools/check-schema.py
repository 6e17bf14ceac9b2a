"""Validates JSON Lines records against docs/schema/<kind>.schema.json.

Usage: check-schema.py SCHEMA_DIR RECORDS.jsonl...
Prints FILE:LINE: KIND REF: FIELD: what is wrong, for every error; exit 1
when there is one, 0 when every record fits its kind's schema.
Needs python3-jsonschema (Debian; scripts/install-deps.sh --tests).
"""
import json
import pathlib
import sys

import jsonschema


def load_schemas(folder):
    folder = pathlib.Path(folder).resolve()
    base = folder.as_uri() + "/"
    store = {}
    for path in sorted(folder.glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        store[base + path.name] = schema
    validators = {}
    for uri, schema in store.items():
        kind = uri[len(base):-len(".schema.json")]
        resolver = jsonschema.RefResolver(base_uri=uri, referrer=schema, store=store)
        validators[kind] = jsonschema.Draft202012Validator(schema, resolver=resolver)
    return validators


def field_path(error):
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path) or "."


def check_file(path, validators):
    errors = records = 0
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            records += 1
            record = json.loads(line)
            kind = record.get("kind")
            where = f"{path}:{number}: {kind} {record.get('ref') or ''}".rstrip()
            validator = validators.get(kind) if kind != "common" else None
            if validator is None:
                print(f"{where}: no schema for kind {kind!r}")
                errors += 1
                continue
            for error in sorted(validator.iter_errors(record), key=lambda e: list(e.absolute_path)):
                print(f"{where}: {field_path(error)}: {error.message}")
                errors += 1
    return records, errors


def main(folder, *files):
    validators = load_schemas(folder)
    total_records = total_errors = 0
    for path in files:
        records, errors = check_file(path, validators)
        total_records += records
        total_errors += errors
    print(f"{len(files)} files, {total_records} records, {total_errors} schema errors")
    return 1 if total_errors else 0


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
