"""A large action plan for bench/run.sh: a sample's preamble, then its table
rows repeated, their refs renumbered (1.1, 1.2 ... then 2.1 ...), until the
text reaches the size asked for.
Usage: python3 bench/make_large.py SAMPLE.txt MEGABYTES > large.txt
"""
import re
import sys

REF = re.compile(r"^\d{1,2}\.\d{1,3}\t")


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        lines = f.read().splitlines(keepends=True)
    target = int(float(sys.argv[2]) * 1024 * 1024)
    header = next(i for i, line in enumerate(lines) if line.startswith("1. Rec No"))
    body = lines[header + 1:]
    out = sys.stdout
    size = sum(len(line.encode()) for line in lines[:header + 1])
    out.writelines(lines[:header + 1])
    section, number = 1, 0
    while size < target:
        for line in body:
            if REF.match(line):
                number += 1
                if number > 99:
                    section, number = section + 1, 1
                line = REF.sub(f"{section % 100}.{number}\t", line)
            out.write(line)
            size += len(line.encode())


if __name__ == "__main__":
    main()
