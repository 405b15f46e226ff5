"""Reading files from anyone: every problem is one clear error, nothing hangs.

A scenario written by hand with several mistakes, a file that nests too deeply, a number
with an exponent that would take minutes to compute, and a name that would inject HTML:
each ends in one CoalitionsError naming the field, or is written escaped.

Run: python examples/untrusted_files.py
"""

import tempfile
from pathlib import Path

import coalitions as co

folder = Path(tempfile.mkdtemp())
bad = folder / "bad.toml"
bad.write_text(
    '[chamber]\nname = "Test"\nsize = 0\n'
    '[[parties]]\nkey = "A B"\nname = "A"\nseats = -3\ntags = [["nested"]]\n'
    '[[parties]]\nkey = "c"\nname = "C"\nseats = 1\nposition = "1e10000000"\n',
    encoding="utf-8",
)
for path in (bad,):
    try:
        co.read_scenario(path)
    except co.CoalitionsError as err:
        print(str(err).replace(str(folder), "<folder>"))
print()

deep = folder / "deep.json"
deep.write_text('{"a": ' + "[" * 2000 + "]" * 2000 + "}", encoding="utf-8")
try:
    co.read_scenario(deep)
except co.CoalitionsError as err:
    print(str(err).replace(str(folder), "<folder>"))
print()

print("Limits:", ", ".join(f"{n} = {getattr(co.limits, n):,}" for n in co.limits.__all__))
print()

hostile = co.Legislature(
    name="<img src=x onerror=alert(1)>",
    size=3,
    parties=[co.Party(key="a", name='=HYPERLINK("http://evil")', seats=3)],
)
print(co.report.show(hostile, "html").splitlines()[0])
print(co.report.show(hostile, "csv").splitlines()[1])
