"""The TextFSM baseline of bench/run.sh: applies a template to every file
named and writes its rows as JSON Lines (one object a row, with the file).
Usage: /usr/bin/python3 bench/textfsm_run.py TEMPLATE FILE... > rows.jsonl
"""
import io
import json
import sys

import textfsm


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        template = f.read()
    out = sys.stdout
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        fsm = textfsm.TextFSM(io.StringIO(template))
        for row in fsm.ParseText(text):
            record = dict(zip(fsm.header, row))
            record["file"] = path
            out.write(json.dumps(record) + "\n")


if __name__ == "__main__":
    main()
